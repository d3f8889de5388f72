// TypeScript handlers without a build step. A function's worker registers these module hooks
// (node:module `register`) so that `import` of a `.ts`/`.mts`/`.cts` file runs it transpiled by
// sucrase, and installs `transpile` as the CommonJS loader of those extensions so that `require`
// does too. The hooks module must be plain JavaScript that Node can load before any TypeScript
// support exists, and it runs on the loader's own thread, so it is kept as source text here and
// loaded from a `data:` URL; sucrase is imported from the URL `initialize` receives.
//
// Sucrase keeps every line where it was; the inline source map adds the columns, so stack traces
// point into the .ts file (the worker enables source maps).

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** What `initialize` receives: where to import sucrase from. */
export interface HooksData {
  sucrase: string;
}

const HOOKS_SOURCE = String.raw`
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let sucrase;
export async function initialize(data) {
  const mod = await import(data.sucrase);
  sucrase = mod.transform ? mod : mod.default;
}

const TS = /\.(ts|mts|cts)$/;
const packageTypes = new Map();

/** 'module' or 'commonjs', as Node decides: by extension, else from the nearest package.json's type. */
export function formatOf(filename) {
  if (/\.m[jt]s$/.test(filename)) return 'module';
  if (/\.c[jt]s$/.test(filename)) return 'commonjs';
  return packageType(dirname(filename));
}

function packageType(dir) {
  let type = packageTypes.get(dir);
  if (type !== undefined) return type;
  const file = join(dir, 'package.json');
  if (existsSync(file)) {
    try {
      type = JSON.parse(readFileSync(file, 'utf8')).type === 'module' ? 'module' : 'commonjs';
    } catch {
      type = 'commonjs';
    }
  } else {
    const parent = dirname(dir);
    type = parent === dir || basename(dir) === 'node_modules' ? 'commonjs' : packageType(parent);
  }
  packageTypes.set(dir, type);
  return type;
}

export function transpile(code, filename, format) {
  const out = sucrase.transform(code, {
    transforms: format === 'module' ? ['typescript'] : ['typescript', 'imports'],
    filePath: filename,
    disableESTransforms: true,
    sourceMapOptions: { compiledFilename: basename(filename) },
  });
  const map = Buffer.from(JSON.stringify(out.sourceMap)).toString('base64');
  return out.code + '\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,' + map + '\n';
}

/** TypeScript sources import each other as './x.js' (or without extension): try the .ts file. */
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const parent = context.parentURL;
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !parent || !TS.test(parent) || !/^\.{1,2}\//.test(specifier)) throw error;
    const stem = specifier.replace(/\.(js|mjs|cjs)$/, '');
    const ext = { '.mjs': '.mts', '.cjs': '.cts' }[specifier.slice(stem.length)] ?? '.ts';
    for (const candidate of [stem + ext, specifier + '.ts', specifier + '/index.ts']) {
      if (existsSync(fileURLToPath(new URL(candidate, parent)))) return next(candidate, context);
    }
    throw error;
  }
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !TS.test(new URL(url).pathname)) return next(url, context);
  const filename = fileURLToPath(url);
  const format = formatOf(filename);
  // CommonJS goes through require, whose .ts loader the worker installs on its own thread.
  if (format === 'commonjs') return { format, shortCircuit: true };
  return { format, source: transpile(readFileSync(filename, 'utf8'), filename, format), shortCircuit: true };
}
`;

export const HOOKS_URL = `data:text/javascript;base64,${Buffer.from(HOOKS_SOURCE).toString('base64')}`;

export function hooksData(): HooksData {
  return { sucrase: pathToFileURL(createRequire(import.meta.url).resolve('sucrase')).href };
}

/** The hooks module's exports, as the worker uses them (module format, and the CommonJS .ts loader). */
export interface HooksModule {
  initialize(data: HooksData): Promise<void>;
  formatOf(filename: string): 'module' | 'commonjs';
  transpile(code: string, filename: string, format: 'module' | 'commonjs'): string;
}

/** Whether a module needs the hooks registered: TypeScript (the handler, or this runtime running from its sources). */
export function isTypeScript(file: string): boolean {
  return /\.(ts|mts|cts)$/.test(file);
}
