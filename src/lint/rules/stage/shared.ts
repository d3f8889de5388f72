// Stages come from the config, not the spec: diagnostics point into the config file.

import type { RuleContext } from '../../rule.js';
import type { SourcePosition } from '../../../load/types.js';

export function configPosition(ctx: RuleContext): SourcePosition | undefined {
  return ctx.config.file ? { file: ctx.config.file, line: 1, column: 1 } : undefined;
}
