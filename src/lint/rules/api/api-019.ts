import type { Rule } from '../../rule.js';

export const apigwApi019: Rule = {
  id: 'APIGW-API-019',
  severity: 'warn',
  description: 'The document has content of both API types: the inferred type ignores some of it',
  fact: 'HTTP APIs import only AWS_PROXY and HTTP_PROXY integrations (AWS, HTTP and MOCK are "Supported only for WebSocket APIs"); REST APIs ignore the HTTP-only extensions (x-amazon-apigateway-cors, isDefaultRoute, payloadFormatVersion, …) [D][A].',
  visitors: {
    api(api, ctx) {
      const conflict = api.kindConflict;
      if (!conflict) return;
      const { chosen, overruled } = conflict;
      ctx.report({
        pointer: overruled.pointer,
        message:
          `${overruled.what} implies an HTTP API, but ${chosen.what} at ${chosen.pointer} runs only in a REST API: ` +
          `inferred REST, which ignores ${overruled.what} and every other HTTP-only extension. ` +
          `Set apiType in the config (or --api-type) to choose, or remove what the other type cannot use.`,
      });
    },
  },
};
