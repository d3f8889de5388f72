import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawAt } from '../../helpers/raw.js';

export const apigwApi010: Rule = {
  id: 'APIGW-API-010',
  severity: 'info',
  description: 'A body-validating request validator on an operation without a request model validates nothing',
  fact: 'Body validation checks the body against the model for the request content type; without a model nothing is validated and passthrough still applies [D].',
  appliesTo: ['rest'],
  visitors: {
    route(route, ctx) {
      // Only an explicit per-operation validator: a root default covering GETs is normal.
      const op = rawAt(ctx, route.pointer);
      if (!isObject(op) || typeof op['x-amazon-apigateway-request-validator'] !== 'string') return;
      const validator = ctx.api.validators.find((v) => v.name === route.validator);
      if (!validator?.validateRequestBody) return;
      const content = route.requestBody ? Object.values(route.requestBody.content) : [];
      if (content.length === 0 || content.every((c) => !isObject(c.schema))) {
        ctx.report({ message: `validator '${validator.name}' validates the request body of ${route.key}, but the operation declares no body schema, so nothing is checked: add a request body schema or use a parameters-only validator`, pointer: child(route.pointer, 'x-amazon-apigateway-request-validator') });
      }
    },
  },
};
