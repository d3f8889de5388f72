// The emit registry: every target's emitter by name. `emit` runs the requested targets and
// returns their file sets, each with paths relative to that target's own folder; the writer
// (src/output) places them under `<out>/<target>/`.

import type { Api } from '../model/types.js';
import type { EmitOptions } from './options.js';
import type { FileSet, Target } from './types.js';
import { emitSdk } from './sdk/index.js';
import { emitHandlers } from './handlers/index.js';
import { emitTemplates } from './templates/index.js';
import { emitGateway } from './gateway/index.js';

export type { EmitOptions } from './options.js';
export type { FileSet, GeneratedFile, Target } from './types.js';

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
