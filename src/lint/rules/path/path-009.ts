import type { Rule } from '../../rule.js';
import { segments, variableOf } from '../../helpers/paths.js';

/** Method ARN bytes that API Gateway rejects with 414 on authorized methods. */
export const METHOD_ARN_LIMIT = 1600;
/** Warn from this estimate on: the estimate uses typical sizes, real values may be longer. */
export const WARN_AT = 1400;

/**
 * `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}` with typical sizes: a
 * long region name, a 16-character stage, a UUID per variable and 256 characters per greedy variable.
 */
export function estimatedMethodArnLength(method: string, path: string): number {
  const prefix = 'arn:aws:execute-api:ap-southeast-2:123456789012:abcdefghij/stage-name-16char/'.length;
  let len = prefix + method.length + 1;
  for (const seg of segments(path)) {
    const v = variableOf(seg);
    len += 1 + (v ? (v.greedy ? 256 : 36) : seg.length);
  }
  return len;
}

export const apigwPath009: Rule = {
  id: 'APIGW-PATH-009',
  severity: 'warn',
  description: 'The method ARN of an authorized method should stay well under 1600 bytes',
  fact: 'With authorization, a method ARN longer than 1600 bytes makes API Gateway answer 414 Request-URI Too Long [D].',
  visitors: {
    route(route, ctx) {
      if (route.auth.type === 'NONE' || route.isDefaultRoute) return;
      const len = estimatedMethodArnLength(route.method, route.path);
      if (len >= WARN_AT) {
        ctx.report({ message: `with typical values the method ARN of ${route.key} is about ${len} bytes; authorized requests whose ARN exceeds ${METHOD_ARN_LIMIT} bytes get 414: shorten the path`, pointer: route.pointer });
      }
    },
  },
};
