import type { Rule } from '../../rule.js';
import { renderTemplate } from '../../../vtl/index.js';
import { isProxy } from '../int/support.js';
import { isJsonContentType, parsed, templateSource } from './support.js';
import { sampleRequests } from './sample-request.js';

/** Functions whose output depends on what the client really sends (base64/URL-encoded/JSON text). */
const DATA_DEPENDENT = /\$!?\{?util\.(base64Decode|urlDecode|parseJson)\b/;

function snippet(output: string, offset: number): string {
  const s = output.slice(Math.max(0, offset - 30), offset + 30).replace(/\s+/g, ' ');
  return JSON.stringify(s);
}

export const apigwVtl013: Rule = {
  id: 'APIGW-VTL-013',
  severity: 'warn',
  appliesTo: ['rest'],
  description: 'A JSON request template should render valid JSON for a sample request',
  fact: 'The request template output is the integration request body; a JSON backend (Lambda, DynamoDB, Step Functions, …) rejects malformed JSON [D]. Rendered with the VTL engine against a request built from the route\'s parameters and request schema [I].',
  visitors: {
    template(template, ctx) {
      if (template.direction !== 'request' || !isJsonContentType(template.contentType) || isProxy(template.integration)) return;
      const text = templateSource(template, ctx);
      if (!parsed(text).ast) return; // syntax errors are APIGW-VTL-010
      if (DATA_DEPENDENT.test(text)) return;
      let failure: { message: string; near: string } | undefined;
      for (const request of sampleRequests(template.route, template.contentType, ctx.api.models)) {
        let output: string;
        try {
          output = renderTemplate(text, request).output;
        } catch {
          return; // render errors depend on the sample data; `apigw-gen vtl render` shows them
        }
        const trimmed = output.trim();
        // Only output that is meant to be JSON: AWS service templates may produce form-encoded text.
        if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return;
        try {
          JSON.parse(trimmed);
          return; // valid for one sample: the template can produce JSON
        } catch (e) {
          const m = /position (\d+)/.exec((e as Error).message);
          failure ??= { message: (e as Error).message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*$/s, ''), near: m ? ` near ${snippet(trimmed, Number(m[1]))}` : '' };
        }
      }
      if (!failure) return;
      ctx.report({ pointer: template.pointer, message: `Rendered against sample requests built from ${template.route.key}'s parameters and body schema, this template outputs invalid JSON (${failure.message}${failure.near}). Check quoting: strings need "…", $input.json(...) must not be quoted, and values from $input.params/$input.body need $util.escapeJavaScript.` });
    },
  },
};
