import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawAt, rawRoot } from '../../helpers/raw.js';
import { isBehindBrokenRef } from '../../helpers/broken-refs.js';

const VALIDATORS = 'x-amazon-apigateway-request-validators';
const VALIDATOR = 'x-amazon-apigateway-request-validator';

export const apigwApi009: Rule = {
  id: 'APIGW-API-009',
  severity: 'error',
  description: 'x-amazon-apigateway-request-validator must name a validator in x-amazon-apigateway-request-validators, whose fields are booleans',
  fact: 'x-amazon-apigateway-request-validator names one of the validators defined in x-amazon-apigateway-request-validators ({validateRequestBody: bool, validateRequestParameters: bool}) [D][O].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      const root = rawRoot(ctx);
      const validators = root[VALIDATORS];
      if (isObject(validators)) {
        for (const [name, v] of Object.entries(validators)) {
          if (!isObject(v)) {
            ctx.report({ message: `validator '${name}' must be an object {validateRequestBody: true|false, validateRequestParameters: true|false}`, pointer: child(`/${VALIDATORS}`, name) });
            continue;
          }
          for (const f of ['validateRequestBody', 'validateRequestParameters']) {
            if (f in v && typeof v[f] !== 'boolean') {
              ctx.report({ message: `${f} of validator '${name}' is ${JSON.stringify(v[f])}; it must be true or false (unquoted)`, pointer: child(`/${VALIDATORS}`, name, f) });
            }
          }
        }
      }
      checkName(ctx, root[VALIDATOR], `/${VALIDATOR}`, validators);
    },
    route(route, ctx) {
      const op = rawAt(ctx, route.pointer);
      if (isObject(op) && VALIDATOR in op) checkName(ctx, op[VALIDATOR], child(route.pointer, VALIDATOR), rawRoot(ctx)[VALIDATORS]);
    },
  },
};

function checkName(ctx: Parameters<NonNullable<Rule['visitors']['api']>>[1], name: unknown, pointer: string, validators: unknown): void {
  if (name === undefined) return;
  // The validators are (or the named one is) a $ref to nothing: OAS-002 reports it there.
  if (typeof name === 'string' && isBehindBrokenRef(ctx.document, child(`/${VALIDATORS}`, name))) return;
  const known = isObject(validators) ? Object.keys(validators) : [];
  if (typeof name !== 'string' || !known.includes(name)) {
    ctx.report({
      message: `request validator ${JSON.stringify(name)} is not defined in ${VALIDATORS}${known.length ? ` (defined: ${known.join(', ')})` : ''}: define it or use an existing name`,
      pointer,
    });
  }
}
