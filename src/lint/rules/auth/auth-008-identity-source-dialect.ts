import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { own, rawAt } from '../int/support.js';

const REST_HEADER = /^method\.request\.header\.[^\s,]+$/;
const REST_REQUEST = /^(method\.request\.(header|querystring)\.[^\s,]+|stageVariables\.[A-Za-z0-9_]+|context\.[A-Za-z0-9_.]+)$/;
const HTTP = /^\$(request\.(header|querystring)\.[^\s,]+|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+)$/;

function restForm(entry: string): string {
  const m = /^\$request\.(header|querystring)\.(.+)$/.exec(entry);
  if (m) return `method.request.${m[1]}.${m[2]}`;
  return entry.replace(/^\$(context|stageVariables)\./, '$1.');
}

function httpForm(entry: string): string {
  const m = /^method\.request\.(header|querystring)\.(.+)$/.exec(entry);
  if (m) return `$request.${m[1]}.${m[2]}`;
  return entry.replace(/^(context|stageVariables)\./, '$$$1.');
}

export const apigwAuth008: Rule = {
  id: 'APIGW-AUTH-008',
  severity: 'error',
  description: 'identitySource entries must use the API kind\'s dialect',
  fact: 'REST identity sources are method.request.header|querystring.X, stageVariables.X, context.X (TOKEN/Cognito: one header); HTTP APIs use $request.header|querystring.X, $context.X, $stageVariables.X [D][A].',
  visitors: {
    securityScheme(scheme, ctx) {
      if (scheme.kind !== 'authorizer') return;
      const a = scheme.authorizer;
      if (a.type === 'unknown') return;
      const raw = own(rawAt(ctx, a.pointer), 'identitySource');
      if (raw === undefined) return;
      const base = child(a.pointer, 'identitySource');
      const entries: { text: string; pointer: string }[] = [];
      // Empty entries are "no identity source" (import falls back to the scheme header): not a dialect error.
      if (typeof raw === 'string') for (const e of raw.split(',')) { if (e.trim() !== '') entries.push({ text: e.trim(), pointer: base }); }
      else if (Array.isArray(raw)) raw.forEach((e, i) => { if (typeof e === 'string' && e.trim() !== '') entries.push({ text: e.trim(), pointer: child(base, i) }); });
      const rest = ctx.api.kind === 'rest';
      const single = rest && (a.type === 'token' || a.type === 'cognito');
      if (single && entries.length > 1) {
        ctx.report({ pointer: base, message: `A ${a.type === 'token' ? 'TOKEN' : 'Cognito'} authorizer reads exactly one header, but identitySource lists ${entries.length} sources. Use a single method.request.header.NAME (or a request authorizer for several sources).` });
        return;
      }
      for (const { text, pointer } of entries) {
        const ok = rest ? (single ? REST_HEADER : REST_REQUEST).test(text) : HTTP.test(text);
        if (ok) continue;
        let fix: string;
        if (rest) fix = single ? 'method.request.header.NAME' : `${restForm(text) !== text ? restForm(text) : 'method.request.header.NAME'} (REST: method.request.header|querystring.X, stageVariables.X, context.X)`;
        else fix = `${httpForm(text) !== text ? httpForm(text) : '$request.header.NAME'} (HTTP: $request.header|querystring.X, $context.X, $stageVariables.X)`;
        ctx.report({ pointer, message: `identitySource entry ${JSON.stringify(text)} is not valid for ${rest ? 'a REST' : 'an HTTP'} API ${a.type} authorizer. Write ${fix}.` });
      }
    },
  },
};
