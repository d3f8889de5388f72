// One execution environment of a function, seen from the server: a worker thread, its start-up,
// one invocation at a time with the function's timeout, and its end. An environment that timed out,
// crashed or exited is never used again (the next invocation gets a fresh one, as on Lambda).

import { Worker } from 'node:worker_threads';
import type { InvokeOutcome } from './index.js';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';
import type { LambdaError } from './lambda-errors.js';

/** Starts the worker module named in workerData, after registering the TypeScript hooks if asked. */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { hooks } = workerData;
if (hooks) require('node:module').register(hooks.url, { data: { port: hooks.port }, transferList: [hooks.port] });
import(workerData.entry);
`;

export interface InstanceOptions {
  setup: WorkerSetup;
  env: Record<string, string>;
  /** The V8 heap limit, from the function's memory size. */
  memoryMb: number;
  /** One line of the function's output: level is INFO/WARN/ERROR/… for console, OUT/ERR for raw stdout/stderr. */
  log: (requestId: string | undefined, level: string, message: string) => void;
}

/** Lambda's limit on a function's init phase. */
const INIT_TIMEOUT_MS = 10_000;

type Pending = { requestId: string; resolve: (outcome: InvokeOutcome) => void; timer: NodeJS.Timeout };

export class Instance {
  /** Resolves undefined once the handler is loaded, or to the error outcome of a failed start. */
  readonly ready: Promise<InvokeOutcome | undefined>;
  /** False once the environment must not serve again (it failed, timed out, or is ending). */
  usable = true;
  /** Set when the worker has exited. */
  readonly exited: Promise<void>;
  lastUsed = Date.now();
  private readonly worker: Worker;
  private pending: Pending | undefined;
  private exitError: Error | undefined;
  private resolveReady!: (outcome: InvokeOutcome | undefined) => void;

  constructor(private readonly options: InstanceOptions) {
    // Loading the module has Lambda's init limit, apart from the function's timeout.
    const initTimer = setTimeout(() => {
      this.options.log(undefined, 'ERROR', `Init timed out after ${(INIT_TIMEOUT_MS / 1000).toFixed(2)} seconds`);
      this.resolveReady({ kind: 'error', errorType: 'Sandbox.Timedout', errorMessage: `${new Date().toISOString()} Init timed out after ${(INIT_TIMEOUT_MS / 1000).toFixed(2)} seconds`, trace: [], cause: 'timeout' });
      void this.terminate();
    }, INIT_TIMEOUT_MS);
    this.ready = new Promise<InvokeOutcome | undefined>((resolve) => (this.resolveReady = resolve)).finally(() => clearTimeout(initTimer));
    this.worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: options.setup,
      transferList: options.setup.hooks ? [options.setup.hooks.port] : [],
      env: options.env,
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    });
    this.forward(this.worker.stdout, 'OUT');
    this.forward(this.worker.stderr, 'ERR');
    this.worker.on('message', (message: FromWorker) => this.onMessage(message));
    this.worker.on('error', (error) => (this.exitError = error));
    this.exited = new Promise((resolve) => this.worker.once('exit', (code) => {
      this.onExit(code);
      resolve();
    }));
  }

  /** Runs one invocation on a ready environment (see `ready`); the timeout starts as the handler is called. */
  invoke(event: string, requestId: string, timeoutMs: number): Promise<InvokeOutcome> {
    this.lastUsed = Date.now();
    return new Promise<InvokeOutcome>((resolve) => {
      this.pending = { requestId, resolve, timer: setTimeout(() => this.timedOut(timeoutMs), timeoutMs) };
      this.worker.postMessage({ type: 'invoke', requestId, event, deadlineMs: Date.now() + timeoutMs } satisfies ToWorker);
    });
  }

  terminate(): Promise<void> {
    this.usable = false;
    void this.worker.terminate();
    return this.exited;
  }

  private settle(outcome: InvokeOutcome): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    this.lastUsed = Date.now();
    pending.resolve(outcome);
  }

  private timedOut(timeoutMs: number): void {
    const requestId = this.pending?.requestId;
    if (requestId === undefined) return;
    const message = `${new Date().toISOString()} ${requestId} Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`;
    this.options.log(requestId, 'ERROR', `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`);
    this.settle({ kind: 'error', errorType: 'Sandbox.Timedout', errorMessage: message, trace: [], cause: 'timeout' });
    void this.terminate();
  }

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.resolveReady(undefined);
        return;
      case 'init-error':
        this.usable = false;
        this.resolveReady(failure(message.error, 'runtime'));
        return;
      case 'result':
        if (this.pending?.requestId === message.requestId) this.settle({ kind: 'ok', payload: JSON.parse(message.payload) as unknown });
        return;
      case 'error':
        if (message.fatal) this.usable = false;
        if (this.pending?.requestId === message.requestId) this.settle(failure(message.error, message.fatal ? 'runtime' : 'handler'));
        return;
      case 'fatal':
        this.usable = false;
        return;
      case 'log':
        this.options.log(message.requestId, message.level, message.message);
        return;
    }
  }

  /** The worker ended: whatever was waiting on it fails as Lambda reports a runtime that exited. */
  private onExit(code: number): void {
    this.usable = false;
    const requestId = this.pending?.requestId;
    const prefix = requestId === undefined ? '' : `RequestId: ${requestId} `;
    const outOfMemory = (this.exitError as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    const outcome: InvokeOutcome = outOfMemory
      ? { kind: 'error', errorType: 'Runtime.OutOfMemory', errorMessage: `${prefix}Error: Runtime exited with error: signal: killed`, trace: [], cause: 'runtime' }
      : {
          kind: 'error',
          errorType: 'Runtime.ExitError',
          errorMessage: `${prefix}Error: ${code === 0 ? 'Runtime exited without providing a reason' : `Runtime exited with error: exit status ${code}`}`,
          trace: [],
          cause: 'runtime',
        };
    this.resolveReady(outcome);
    this.settle(outcome);
  }

  /** Raw writes to process.stdout/stderr, line by line, under the request being served. */
  private forward(stream: NodeJS.ReadableStream, level: string): void {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) this.options.log(this.pending?.requestId, level, line);
    });
    stream.on('end', () => {
      if (rest !== '') this.options.log(this.pending?.requestId, level, rest);
    });
  }
}

function failure(error: LambdaError, cause: 'handler' | 'runtime'): InvokeOutcome {
  return { kind: 'error', errorType: error.errorType, errorMessage: error.errorMessage, trace: error.trace ?? [], cause };
}
