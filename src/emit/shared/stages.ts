// The stages a build deploys: the config's, or a single `prod` stage when it names none. The gateway
// template creates them and the SDK addresses them, so both read this one rule.

import type { ResolvedConfig, StageConfig } from '../../config/types.js';

export const DEFAULT_STAGES: Readonly<Record<string, StageConfig>> = { prod: {} };

export function stagesOf(config: ResolvedConfig): Record<string, StageConfig> {
  return config.stages && Object.keys(config.stages).length > 0 ? config.stages : { ...DEFAULT_STAGES };
}
