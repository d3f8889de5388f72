import type { Rule } from '../../rule.js';

export const apigwAuth006: Rule = {
  id: 'APIGW-AUTH-006',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'A REST request authorizer with caching on needs an identitySource',
  fact: 'identitySource is "required when authorization caching is enabled"; caching is on when authorizerResultTtlInSeconds > 0 or unset (default 300) [A].',
  visitors: {
    securityScheme(scheme, ctx) {
      if (scheme.kind !== 'authorizer' || scheme.authorizer.type !== 'request') return;
      const a = scheme.authorizer;
      const ttl = a.resultTtlInSeconds ?? 300;
      if (ttl <= 0 || a.identitySource.length > 0) return;
      ctx.report({
        pointer: a.pointer,
        message: `The request authorizer of "${scheme.name}" caches results (TTL ${a.resultTtlInSeconds === undefined ? 'unset, so 300 s' : `${ttl} s`}) but has no identitySource, which API Gateway requires for the cache key. Add identitySource (e.g. "method.request.header.Authorization") or set authorizerResultTtlInSeconds: 0.`,
      });
    },
  },
};
