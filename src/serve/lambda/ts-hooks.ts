// The module hooks (node:module `register`) that let a worker `import` TypeScript: `.ts`, `.mts`
// and `.cts` files load as the runtime's TranspileService answers (ES modules transpiled; CommonJS
// left to `require`, whose .ts loader the worker installs), and TypeScript's './x.js' imports of
// './x.ts' resolve. The hooks run on the loader's own thread before any TypeScript support exists,
// so they are plain JavaScript kept as text here and loaded from a data: URL.

const HOOKS_SOURCE = String.raw`
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TS = /\.(ts|mts|cts)$/;
let port;
let nextId = 0;
const waiting = new Map();

export function initialize(data) {
  port = data.port;
  port.on('message', (reply) => {
    const done = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) port.unref();
    done(reply);
  });
  port.unref();
}

function ask(filename) {
  return new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    port.ref();
    port.postMessage({ id, filename });
  });
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
  const reply = await ask(fileURLToPath(url));
  if (reply.error !== undefined) {
    const error = new SyntaxError(reply.error);
    error.stack = reply.error;
    throw error;
  }
  return reply.source === undefined ? { format: reply.format, shortCircuit: true } : { format: reply.format, source: reply.source, shortCircuit: true };
}
`;

export const HOOKS_URL = `data:text/javascript;base64,${Buffer.from(HOOKS_SOURCE).toString('base64')}`;

/** Whether a worker needs the hooks: its handler is TypeScript, or this runtime runs from its own TypeScript sources. */
export function isTypeScript(file: string): boolean {
  return /\.(ts|mts|cts)$/.test(file);
}
