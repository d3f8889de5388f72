// The raw `paths` keys, which are what API Gateway turns into resources.

import type { RuleContext } from '../../rule.js';
import { isObject, rawRoot } from '../../helpers/raw.js';

export function pathKeys(ctx: RuleContext): string[] {
  const paths = rawRoot(ctx).paths;
  return isObject(paths) ? Object.keys(paths) : [];
}
