import type { Rule, RuleContext } from '../../rule.js';
import type { ApiKind, Route } from '../../../model/types.js';
import { KIND_SPECIFIC_EXTENSIONS, type ExtensionPlace } from '../../../model/extensions.js';
import { child } from '../../pointer.js';
import { isObject, rawAt, rawRoot } from '../../helpers/raw.js';

const KIND_NAME: Record<ApiKind, string> = { rest: 'REST', http: 'HTTP' };

/** The inventory (§0) keys that only the other API kind reads, at one place. */
function otherKindKeys(kind: ApiKind, place: ExtensionPlace): string[] {
  return KIND_SPECIFIC_EXTENSIONS.filter((e) => e.inventory && e.only !== kind && e.place === place).map((e) => e.key);
}
const KEYS: Record<ApiKind, Record<ExtensionPlace, string[]>> = {
  rest: { root: [], operation: [], integration: [], components: [], tag: [] },
  http: { root: [], operation: [], integration: [], components: [], tag: [] },
};
for (const kind of ['rest', 'http'] as const) {
  for (const place of Object.keys(KEYS[kind]) as ExtensionPlace[]) KEYS[kind][place] = otherKindKeys(kind, place);
}

function wrongKind(ctx: RuleContext, pointer: string, name: string): void {
  const onlyFor = KIND_NAME[ctx.api.kind === 'rest' ? 'http' : 'rest'];
  ctx.report({ message: `${name} is only supported for ${onlyFor} APIs and is ignored on ${KIND_NAME[ctx.api.kind]} APIs: remove it or change the API type`, pointer });
}

export const apigwDoc005: Rule = {
  id: 'APIGW-DOC-005',
  severity: 'warn',
  description: 'An x-amazon-apigateway extension is used with the wrong API type',
  judgesKey: true,
  fact: 'Each extension is "Supported only for" REST or HTTP APIs (§0 of the reference); the other API type ignores it or warns at import [D].',
  visitors: {
    api(api, ctx) {
      const root = rawRoot(ctx);
      const keys = KEYS[api.kind];
      for (const k of keys.root) if (k in root) wrongKind(ctx, child('', k), k);
      const components = root.components;
      if (isObject(components)) {
        for (const k of keys.components) if (k in components) wrongKind(ctx, child('/components', k), k);
      }
      if (Array.isArray(root.tags) && keys.tag.length > 0) {
        root.tags.forEach((tag, i) => {
          if (!isObject(tag)) return;
          for (const k of keys.tag) if (k in tag) wrongKind(ctx, child('/tags', i, k), k);
        });
      }
    },
    route(route: Route, ctx) {
      const keys = KEYS[ctx.api.kind].operation;
      if (keys.length === 0) return;
      const op = rawAt(ctx, route.pointer);
      if (!isObject(op)) return;
      for (const k of keys) if (op[k] !== undefined) wrongKind(ctx, child(route.pointer, k), k);
    },
    integration(integration, _route, ctx) {
      const raw = rawAt(ctx, integration.pointer);
      if (!isObject(raw)) return;
      for (const k of KEYS[ctx.api.kind].integration) if (k in raw) wrongKind(ctx, child(integration.pointer, k), `integration ${k}`);
    },
  },
};
