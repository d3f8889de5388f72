// The emit registry: every target's emitter by name. `emit` runs the requested targets and
// returns their file sets, each with paths relative to that target's own folder; the writer
// (src/output) places them under `<out>/<target>/`.

import type { Api } from '../model/types.js';
import type { EmitOptions } from './options.js';
import type { EmitWarning, FileSet, Target } from './types.js';
import { buildSdk, emitSdk } from './sdk/index.js';
import { emitHandlers } from './handlers/index.js';
import { emitTemplates } from './templates/index.js';
import { buildGateway, emitGateway, type GatewayChange } from './gateway/index.js';

export type { EmitOptions } from './options.js';
export type { EmitWarning, FileSet, GeneratedFile, Target } from './types.js';

export type { GatewayChange } from './gateway/index.js';
export { RESOLVED_BY_GATEWAY_REWRITES, unresolvedByGateway } from './gateway/resolved-rules.js';
export { implementationFiles, orphanedImplementations } from './handlers/index.js';

export type Emitter = (api: Api, options: EmitOptions) => FileSet;

export const EMITTERS: Readonly<Record<Target, Emitter>> = {
  sdk: emitSdk,
  handlers: emitHandlers,
  templates: emitTemplates,
  gateway: emitGateway,
};

export const ALL_TARGETS: readonly Target[] = ['sdk', 'handlers', 'templates', 'gateway'];

export function isTarget(name: string): name is Target {
  return (ALL_TARGETS as readonly string[]).includes(name);
}

/** Runs each requested target's emitter (all four by default). */
export function emit(api: Api, options: EmitOptions, targets: readonly Target[] = ALL_TARGETS): Partial<Record<Target, FileSet>> {
  const files: Partial<Record<Target, FileSet>> = {};
  for (const target of targets) files[target] = EMITTERS[target](api, options);
  return files;
}

export interface EmitReport {
  files: Partial<Record<Target, FileSet>>;
  /** What the gateway target rewrote in the document (present when that target ran). */
  gatewayChanges?: GatewayChange[];
  /** Warnings of the targets that ran, in target order. */
  warnings: EmitWarning[];
}

/** Like `emit`, and also returns what the gateway target rewrote, for the CLI to print. */
export function emitWithReport(api: Api, options: EmitOptions, targets: readonly Target[] = ALL_TARGETS): EmitReport {
  const report: EmitReport = { files: {}, warnings: [] };
  for (const target of targets) {
    if (target === 'sdk') {
      const sdk = buildSdk(api, options);
      report.files.sdk = sdk.files;
      report.warnings.push(...sdk.warnings);
    } else if (target === 'gateway') {
      const gateway = buildGateway(api, options);
      report.files.gateway = gateway.files;
      report.gatewayChanges = gateway.changes;
    } else report.files[target] = EMITTERS[target](api, options);
  }
  return report;
}
