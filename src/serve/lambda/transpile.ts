// TypeScript to JavaScript for handlers, with sucrase: it only removes types (no type check, no
// downlevelling), keeps every line where it was, and its inline source map adds the columns, so
// stack traces point into the .ts file.
//
// Workers get ES modules transpiled by the runtime's TranspileService (one sucrase and one cache for
// all workers, instead of loading sucrase again in every new environment); a CommonJS .ts file,
// required synchronously, is transpiled in the worker itself.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

export type ModuleFormat = 'module' | 'commonjs';

type Sucrase = typeof import('sucrase');
let sucrase: Sucrase | undefined;
const packageTypes = new Map<string, ModuleFormat>();

/** As Node decides: `.mjs`/`.mts` are ES modules, `.cjs`/`.cts` CommonJS, others follow the nearest package.json's `type`. */
export function formatOf(filename: string): ModuleFormat {
  if (/\.m[jt]s$/.test(filename)) return 'module';
  if (/\.c[jt]s$/.test(filename)) return 'commonjs';
  return packageType(dirname(filename));
}

function packageType(dir: string): ModuleFormat {
  let type = packageTypes.get(dir);
  if (type !== undefined) return type;
  const file = join(dir, 'package.json');
  if (existsSync(file)) {
    try {
      type = (JSON.parse(readFileSync(file, 'utf8')) as { type?: unknown }).type === 'module' ? 'module' : 'commonjs';
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

export function transpile(code: string, filename: string, format: ModuleFormat): string {
  sucrase ??= createRequire(import.meta.url)('sucrase') as Sucrase;
  const out = sucrase.transform(code, {
    transforms: format === 'module' ? ['typescript'] : ['typescript', 'imports'],
    filePath: filename,
    disableESTransforms: true,
    sourceMapOptions: { compiledFilename: basename(filename) },
  });
  const map = Buffer.from(JSON.stringify(out.sourceMap)).toString('base64');
  return `${out.code}\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${map}\n`;
}

/** A request from a worker's load hook, and the answer. */
export type TranspileRequest = { id: number; filename: string };
export type TranspileReply = { id: number; format: ModuleFormat; source?: string; error?: string };

/** Transpiled modules kept at most; the oldest go first (a reload re-reads every file anyway). */
const CACHE_ENTRIES = 1000;

/** Serves the load hooks of every worker of a runtime: reads the file, decides its format, transpiles ES modules (cached by content). */
export class TranspileService {
  private readonly cache = new Map<string, string>();

  /** A port for one worker's hooks (transfer it); closing the worker closes it. */
  connect(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (request: TranspileRequest) => port1.postMessage(this.answer(request)));
    port1.unref();
    return port2;
  }

  private answer({ id, filename }: TranspileRequest): TranspileReply {
    const format = formatOf(filename);
    if (format === 'commonjs') return { id, format };
    try {
      const code = readFileSync(filename, 'utf8');
      const key = createHash('sha256').update(filename).update('\0').update(code).digest('base64');
      let source = this.cache.get(key);
      if (source === undefined) {
        source = transpile(code, filename, format);
        if (this.cache.size >= CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
        this.cache.set(key, source);
      }
      return { id, format, source };
    } catch (error) {
      return { id, format, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }
}
