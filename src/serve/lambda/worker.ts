// One Lambda execution environment: runs in its own worker thread (its own globals, module cache
// and process.env), loads the handler once, then serves one invocation at a time, warm, exactly as
// the Node.js runtime interface client does: the first of callback / context.done / succeed / fail /
// the returned promise wins; a callback's answer waits for the event loop to empty unless
// `context.callbackWaitsForEmptyEventLoop` is false; a handler that neither calls back nor returns
// a promise answers null when the loop empties; an uncaught exception or unhandled rejection fails
// the invocation and ends the environment.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { HandlerNotFound, ImportModuleError, UnhandledPromiseRejection, UserCodeSyntaxError, intoError, toFormatted, toRapidResponse } from './lambda-errors.js';
import { MAX_PAYLOAD_BYTES, type FromWorker, type ToWorker, type WorkerSetup } from './protocol.js';
import { formatOf, transpile } from './transpile.js';

type Handler = (event: unknown, context: object, callback: (error?: unknown, result?: unknown) => void) => unknown;

const setup = workerData as WorkerSetup;
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const noop = () => {};

let currentRequestId: string | undefined;
let initialized = false;
/** The invocation being served; `reported` once its outcome was posted (the first post wins). */
let invocation: { requestId: string; reported: boolean } | undefined;
/** What happens when the event loop empties (the runtime's BeforeExitListener). */
let onEmptyLoop: () => void = noop;

// Console output goes to the server's log with the request id it was written under, at the level
// the runtime gives each method.
const LEVELS: Record<string, string> = { log: 'INFO', info: 'INFO', debug: 'DEBUG', warn: 'WARN', error: 'ERROR', trace: 'TRACE' };
for (const [method, level] of Object.entries(LEVELS)) {
  (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => post({ type: 'log', requestId: currentRequestId, level, message: format(...args) });
}

process.on('uncaughtException', (error) => {
  console.error('Uncaught Exception', toFormatted(error));
  die(error, 129);
});
process.on('unhandledRejection', (reason) => {
  const error = new UnhandledPromiseRejection(describe(reason));
  console.error('Unhandled Promise Rejection', toFormatted(error));
  die(error, 128);
});
// The port is unreferenced while a handler runs, so the loop empties when the handler's own work is done.
process.on('beforeExit', () => {
  const listener = onEmptyLoop;
  onEmptyLoop = noop;
  port.ref();
  listener();
});

function describe(reason: unknown): string {
  try {
    return String(reason);
  } catch {
    return Object.prototype.toString.call(reason);
  }
}

/** Reports the error for the invocation in progress (or the failed init) and ends the environment. */
function die(error: unknown, code: number): never {
  const body = toRapidResponse(error);
  if (!initialized) post({ type: 'init-error', error: body });
  else if (invocation && !invocation.reported) {
    invocation.reported = true;
    post({ type: 'error', requestId: invocation.requestId, error: body, fatal: true });
  } else post({ type: 'fatal' });
  // eslint-disable-next-line no-restricted-properties -- ends this worker thread (the execution environment), not the server, as the Node.js runtime ends its process
  process.exit(code);
}

function report(message: FromWorker & { type: 'result' | 'error' }): void {
  if (!invocation || invocation.reported || invocation.requestId !== message.requestId) return;
  invocation.reported = true;
  post(message);
  port.ref();
}

async function loadHandler(): Promise<Handler> {
  const require = createRequire(import.meta.url);
  if (setup.hooks) installCommonJsLoader(require);
  let exports: Record<string, unknown>;
  try {
    exports = (formatOf(setup.module) === 'commonjs' ? require(setup.module) : await import(pathToFileURL(setup.module).href)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof SyntaxError || (error as Error | null)?.name === 'SyntaxError') throw new UserCodeSyntaxError(String(error));
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') throw new ImportModuleError(String(error));
    throw error;
  }
  const handler = setup.exportName.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], exports);
  if (!handler) throw new HandlerNotFound(`${setup.handlerName} is undefined or not exported`);
  if (typeof handler !== 'function') throw new HandlerNotFound(`${setup.handlerName} is not a function`);
  return handler as Handler;
}

/** `require` of .ts/.cts files (and their own requires) runs them transpiled to CommonJS, here, synchronously. */
function installCommonJsLoader(require: NodeJS.Require): void {
  type Loader = (module: { _compile(code: string, filename: string): void }, filename: string) => void;
  const extensions = (require('node:module') as { _extensions: Record<string, Loader> })._extensions;
  const loader: Loader = (module, filename) => module._compile(transpile(readFileSync(filename, 'utf8'), filename, 'commonjs'), filename);
  extensions['.ts'] = loader;
  extensions['.cts'] = loader;
}

function invoke(handler: Handler, { requestId, event, deadlineMs }: ToWorker): void {
  currentRequestId = requestId;
  invocation = { requestId, reported: false };
  let completed = false;
  let waitForEmptyEventLoop = true;

  const respond = (result: unknown) => {
    if (completed) {
      console.error('Invocation has already been reported as done. Cannot call complete more than once per invocation.');
      return;
    }
    completed = true;
    let payload: string;
    try {
      payload = JSON.stringify(result === undefined ? null : result);
    } catch {
      throw new Error('Unable to stringify response body');
    }
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      const errorMessage = `Response payload size exceeded maximum allowed payload size (${MAX_PAYLOAD_BYTES} bytes).`;
      report({ type: 'error', requestId, error: { errorType: 'Function.ResponseSizeTooLarge', errorMessage, trace: [] }, fatal: false });
      return;
    }
    report({ type: 'result', requestId, payload });
  };
  const postError = (error: unknown) => {
    console.error('Invoke Error', toFormatted(intoError(error)));
    report({ type: 'error', requestId, error: toRapidResponse(error), fatal: false });
  };
  const callback = (error?: unknown, result?: unknown) => {
    onEmptyLoop = noop;
    if (error !== undefined && error !== null) postError(error);
    else if (!waitForEmptyEventLoop) respond(result);
    else onEmptyLoop = () => setImmediate(() => respond(result));
  };
  const done = (error?: unknown, result?: unknown) => {
    onEmptyLoop = noop;
    if (error !== undefined && error !== null) postError(error);
    else respond(result);
  };
  // Only the first of callback, done, succeed and fail counts (a throwing one does not count).
  let finished = false;
  const once = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => {
    if (finished) return;
    fn(...args);
    finished = true;
  };
  const context = {
    get callbackWaitsForEmptyEventLoop() {
      return waitForEmptyEventLoop;
    },
    set callbackWaitsForEmptyEventLoop(value: boolean) {
      waitForEmptyEventLoop = value;
    },
    succeed: once((result?: unknown) => done(null, result)),
    fail: once((error?: unknown) => (error === undefined || error === null ? done('handled') : done(error, null))),
    done: once(done),
    ...setup.context,
    awsRequestId: requestId,
    clientContext: undefined,
    identity: undefined,
    getRemainingTimeInMillis: () => deadlineMs - Date.now(),
  };
  const guardedCallback = once(callback);
  onEmptyLoop = () => {
    completed = true;
    report({ type: 'result', requestId, payload: 'null' });
  };
  port.unref();
  try {
    const result = handler(JSON.parse(event), context, guardedCallback);
    if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
      (result as Promise<unknown>).then(context.succeed, context.fail).catch(context.fail);
    }
  } catch (error) {
    guardedCallback(error);
  }
}

process.setSourceMapsEnabled(true);
let handler: Handler;
try {
  handler = await loadHandler();
} catch (error) {
  console.error('Uncaught Exception', toFormatted(error));
  die(error, 1);
}
initialized = true;
port.on('message', (message: ToWorker) => invoke(handler, message));
post({ type: 'ready' });
