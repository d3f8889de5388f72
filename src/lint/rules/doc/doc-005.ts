import type { Rule, RuleContext } from '../../rule.js';
import type { Route } from '../../../model/types.js';
import { child } from '../../pointer.js';
import { isObject, rawAt, rawRoot } from '../../helpers/raw.js';

const REST_ONLY_ROOT = [
  'x-amazon-apigateway-request-validators',
  'x-amazon-apigateway-request-validator',
  'x-amazon-apigateway-gateway-responses',
  'x-amazon-apigateway-policy',
  'x-amazon-apigateway-binary-media-types',
  'x-amazon-apigateway-minimum-compression-size',
  'x-amazon-apigateway-api-key-source',
  'x-amazon-apigateway-documentation',
  'x-amazon-apigateway-security-policy',
  'x-amazon-apigateway-endpoint-access-mode',
];
const HTTP_ONLY_ROOT = ['x-amazon-apigateway-cors', 'x-amazon-apigateway-importexport-version'];
const REST_ONLY_INTEGRATION = ['responses', 'requestTemplates'];
const HTTP_ONLY_INTEGRATION = ['integrationSubtype', 'payloadFormatVersion'];

function wrongKind(ctx: RuleContext, pointer: string, name: string, onlyFor: string): void {
  ctx.report({ message: `${name} is only supported for ${onlyFor} APIs and is ignored on ${ctx.api.kind === 'rest' ? 'REST' : 'HTTP'} APIs: remove it or change the API type`, pointer });
}

export const apigwDoc005: Rule = {
  id: 'APIGW-DOC-005',
  severity: 'warn',
  description: 'An x-amazon-apigateway extension is used with the wrong API type',
  fact: 'Each extension is "Supported only for" REST or HTTP APIs (§0 of the reference); the other API type ignores it or warns at import [D].',
  visitors: {
    api(api, ctx) {
      const root = rawRoot(ctx);
      const [keys, onlyFor] = api.kind === 'http' ? [REST_ONLY_ROOT, 'REST'] : [HTTP_ONLY_ROOT, 'HTTP'];
      for (const k of keys) if (k in root) wrongKind(ctx, child('', k), k, onlyFor);
      if (api.kind === 'rest') {
        const components = root.components;
        if (isObject(components) && 'x-amazon-apigateway-integrations' in components) {
          wrongKind(ctx, '/components/x-amazon-apigateway-integrations', 'x-amazon-apigateway-integrations', 'HTTP');
        }
        if (Array.isArray(root.tags)) {
          root.tags.forEach((tag, i) => {
            if (isObject(tag) && 'x-amazon-apigateway-tag-value' in tag) wrongKind(ctx, child('/tags', i, 'x-amazon-apigateway-tag-value'), 'x-amazon-apigateway-tag-value', 'HTTP');
          });
        }
      }
    },
    route(route: Route, ctx) {
      const op = rawAt(ctx, route.pointer);
      if (ctx.api.kind === 'rest' && isObject(op) && op.isDefaultRoute !== undefined) {
        wrongKind(ctx, child(route.pointer, 'isDefaultRoute'), 'isDefaultRoute', 'HTTP');
      }
    },
    integration(integration, _route, ctx) {
      const raw = rawAt(ctx, integration.pointer);
      if (!isObject(raw)) return;
      const [keys, onlyFor] = ctx.api.kind === 'http' ? [REST_ONLY_INTEGRATION, 'REST'] : [HTTP_ONLY_INTEGRATION, 'HTTP'];
      for (const k of keys) if (k in raw) wrongKind(ctx, child(integration.pointer, k), `integration ${k}`, onlyFor);
    },
  },
};
