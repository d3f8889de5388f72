// Shared by the SDK tests: run the real pipeline (load → normalize → emitSdk) on a spec.
import { resolve } from 'node:path';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { emitSdk } from '../../../src/emit/sdk/index.js';
import type { ResolvedConfig } from '../../../src/config/types.js';
import type { Api } from '../../../src/model/types.js';
import type { LoadedDocument } from '../../../src/load/types.js';
import { SHARED_DIR } from '../../support/shared.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const SHARED = SHARED_DIR;

export interface Generated {
  api: Api;
  document: LoadedDocument;
  files: Map<string, string>;
}

export async function generate(spec: string, config: ResolvedConfig = {}): Promise<Generated> {
  const document = await load(resolve(REPO_ROOT, spec));
  const api = normalize(document, config.apiType ? { apiType: config.apiType } : {});
  const fileSet = emitSdk(api, { document, config });
  const files = new Map([...fileSet].map(([path, f]) => [path, f.content]));
  return { api, document, files };
}

/** Only the TypeScript files, for the compiler. */
export function tsFiles(files: Map<string, string>): Map<string, string> {
  return new Map([...files].filter(([p]) => p.endsWith('.ts')));
}

/**
 * The README's ```ts blocks as one module, compiled beside the SDK: the first block (imports and
 * the client) at top level, each later block in its own `{ }` scope so their `const`s don't clash.
 */
export function readmeExamples(readme: string): string {
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!.replaceAll("'./sdk/index.js'", "'./index.js'"));
  if (blocks.length === 0) return '';
  const [first, ...rest] = blocks;
  return `${first}\n${rest.map((b) => `{\n${b}}\n`).join('\n')}\nexport {};\n`;
}
