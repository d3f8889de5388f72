import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { hasKey, isRawIntrinsic, own, rawAt } from '../int/support.js';

export const apigwAuth013: Rule = {
  id: 'APIGW-AUTH-013',
  severity: 'error',
  appliesTo: ['http'],
  description: 'HTTP API Lambda authorizers need authorizerPayloadFormatVersion; simple responses need 2.0; caching needs an identitySource',
  fact: 'authorizerPayloadFormatVersion ("1.0" | "2.0") is required for HTTP Lambda authorizers; enableSimpleResponses only with "2.0"; at least one identity source is required for caching [D][A].',
  visitors: {
    securityScheme(scheme, ctx) {
      if (scheme.kind !== 'authorizer' || scheme.authorizer.type !== 'request') return;
      const a = scheme.authorizer;
      const raw = rawAt(ctx, a.pointer);
      const v = a.payloadFormatVersion;
      if (!hasKey(raw, 'authorizerPayloadFormatVersion')) {
        ctx.report({ pointer: a.pointer, message: `The Lambda authorizer of "${scheme.name}" has no authorizerPayloadFormatVersion, which HTTP APIs require. Add authorizerPayloadFormatVersion: "2.0" (or "1.0" for the REST-compatible format).` });
      } else if (v !== '1.0' && v !== '2.0' && !isRawIntrinsic(own(raw, 'authorizerPayloadFormatVersion'))) {
        ctx.report({ pointer: child(a.pointer, 'authorizerPayloadFormatVersion'), message: `authorizerPayloadFormatVersion ${JSON.stringify(own(raw, 'authorizerPayloadFormatVersion'))} is not supported. Use "1.0" or "2.0".` });
      }
      if (a.enableSimpleResponses === true && v === '1.0') {
        ctx.report({ pointer: child(a.pointer, 'enableSimpleResponses'), message: 'enableSimpleResponses requires authorizerPayloadFormatVersion "2.0"; with "1.0" the function must return an IAM policy. Set the version to "2.0" or remove enableSimpleResponses.' });
      }
      if ((a.resultTtlInSeconds ?? 0) > 0 && a.identitySource.length === 0) {
        ctx.report({ pointer: child(a.pointer, 'authorizerResultTtlInSeconds'), message: `The authorizer caches results for ${a.resultTtlInSeconds} s but has no identitySource to key the cache on. Add identitySource (e.g. "$request.header.Authorization") or set authorizerResultTtlInSeconds: 0.` });
      }
    },
  },
};
