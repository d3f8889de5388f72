// Errors as the Node.js Lambda runtime reports them (its runtime interface client: `Errors.js`):
// the `{errorType, errorMessage, trace}` body of a function error, the runtime's own error classes
// (`Runtime.ImportModuleError`, …), and the text of an `Invoke Error` log line.

import { types } from 'node:util';

export interface LambdaError {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

/** Duck-typed like the runtime: an object with string name, message and stack counts as an Error. */
function looksLikeError(value: unknown): value is { name: string; message: string; stack: string } {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return !!v.name && !!v.message && !!v.stack && typeof v.name === 'string' && typeof v.message === 'string' && typeof v.stack === 'string';
}

/**
 * The body Lambda returns for a failed invocation. A thrown non-Error keeps its `typeof` as type
 * (`throw 'oops'` → `{errorType: 'string', errorMessage: 'oops', trace: []}`); one whose text
 * cannot be taken (`undefined`) is reported as `handled`, as the runtime does.
 */
export function toRapidResponse(error: unknown): LambdaError {
  try {
    if (types.isNativeError(error) || looksLikeError(error)) {
      const e = error as { name: string; message: string; stack?: string };
      return { errorType: e.name, errorMessage: e.message, trace: typeof e.stack === 'string' ? e.stack.split('\n') : [] };
    }
    return { errorType: typeof error, errorMessage: (error as { toString(): string }).toString(), trace: [] };
  } catch {
    return {
      errorType: 'handled',
      errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
      trace: [],
    };
  }
}

/** The runtime wraps what it rejects or fails with into an Error before logging it. */
export function intoError(error: unknown): Error {
  return error instanceof Error ? error : new Error(error as string);
}

/** The JSON the runtime logs after `Invoke Error` / `Uncaught Exception` (own enumerable properties kept). */
export function toFormatted(error: unknown): string {
  try {
    return `\t${JSON.stringify(error, (_key, value: unknown) => withEnumerableProperties(value))}`;
  } catch {
    return `\t${JSON.stringify(toRapidResponse(error))}`;
  }
}

function withEnumerableProperties(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const out: Record<string, unknown> = { errorType: value.name, errorMessage: value.message, code: (value as { code?: unknown }).code, ...value };
  if (typeof value.stack === 'string') out.stack = value.stack.split('\n');
  return out;
}

/** The runtime's own error classes; their names are what Lambda reports as `errorType`. */
function runtimeError(name: string) {
  const cls = class extends Error {};
  Object.defineProperty(cls.prototype, 'name', { value: `Runtime.${name}`, writable: true, configurable: true });
  return cls;
}

export const ImportModuleError = runtimeError('ImportModuleError');
export const HandlerNotFound = runtimeError('HandlerNotFound');
export const UserCodeSyntaxError = runtimeError('UserCodeSyntaxError');
export const UnhandledPromiseRejection = runtimeError('UnhandledPromiseRejection');
