// The Lambda runtime `serve` invokes functions through. Each function runs in worker threads of
// its own (never in the server's heap, never sharing globals or environment variables with another
// function), kept warm between invocations, one invocation per environment at a time, with the
// function's timeout, memory size and environment; see pool.ts for scaling and worker.ts for
// what a handler sees.

import { randomUUID } from 'node:crypto';
import { isTypeScript, HOOKS_URL } from './ts-hooks.js';
import { TranspileService } from './transpile.js';
import { FunctionPool, RETIRED, type PoolLimits } from './pool.js';
import { Instance } from './instance.js';
import { DEFAULT_MEMORY_MB, environmentOf, functionArn, handlerName, logStreamName } from './environment.js';
import { packageFile } from '../../package-files.js';
import { MAX_REQUEST_BYTES, type WorkerSetup } from './protocol.js';

export interface FunctionSpec {
  /** The function's name, as `apigw-gen routes` shows it. */
  name: string;
  /** Absolute path of the handler's module (.ts, .mts, .cts, .js, .mjs, .cjs). */
  module: string;
  exportName: string;
  timeoutMs: number;
  environment: Record<string, string>;
  /** MB, as the function's MemorySize (default 128): the worker's heap limit and `context.memoryLimitInMB`. */
  memorySize?: number;
}

export type InvokeOutcome =
  /** The handler's result, JSON round-tripped as Lambda does (`undefined` becomes null). */
  | { kind: 'ok'; payload: unknown }
  /**
   * `handler`: the handler threw, rejected or called back with an error. `timeout`: errorMessage as
   * Lambda writes it (`<timestamp> <requestId> Task timed out after 3.00 seconds`), errorType
   * `Sandbox.Timedout`. `runtime`: the module failed to load (Runtime.ImportModuleError,
   * Runtime.UserCodeSyntaxError, Runtime.HandlerNotFound), the environment crashed or exited
   * (Runtime.UnhandledPromiseRejection, Runtime.ExitError, Runtime.OutOfMemory), the function is
   * unknown (ResourceNotFoundException) or too busy (TooManyRequestsException), the event is not
   * JSON or over 6 MB (InvalidRequestContentException, RequestEntityTooLargeException). A result
   * over 6 MB is the handler's error Function.ResponseSizeTooLarge.
   */
  | { kind: 'error'; errorType: string; errorMessage: string; trace: string[]; cause: 'handler' | 'timeout' | 'runtime' };

export interface LambdaRuntime {
  invoke(functionName: string, event: unknown, options?: { requestId?: string }): Promise<InvokeOutcome>;
  /** New invocations use the new functions (and code read afresh); invocations in progress finish on the old. */
  reload(functions: FunctionSpec[]): Promise<void>;
  close(): Promise<void>;
}

export interface LambdaRuntimeOptions {
  /** Receives each line a function writes, prefixed `[<function>] <request id> <LEVEL>`. */
  log?: (line: string) => void;
  /** Execution environments per function at most. Default 10. */
  maxInstances?: number;
  /** Invocations waiting for an environment per function at most; more are throttled. Default 1000. */
  maxQueued?: number;
  /** Idle environments beyond the most recently used are stopped after this long. Default 60 s. */
  idleMs?: number;
}

export const DEFAULT_LIMITS: PoolLimits = { maxInstances: 10, maxQueued: 1000, idleMs: 60_000 };

/** This runtime's worker module: beside this file in src/ and dist/; the bundled CLI uses dist/'s. */
function workerEntry(): string {
  return import.meta.url.endsWith('.ts') ? new URL('./worker.ts', import.meta.url).href : packageFile('dist/serve/lambda/worker.js').href;
}

export function createLambdaRuntime(functions: FunctionSpec[], options: LambdaRuntimeOptions = {}): LambdaRuntime {
  const limits: PoolLimits = {
    maxInstances: options.maxInstances ?? DEFAULT_LIMITS.maxInstances,
    maxQueued: options.maxQueued ?? DEFAULT_LIMITS.maxQueued,
    idleMs: options.idleMs ?? DEFAULT_LIMITS.idleMs,
  };
  const log = options.log ?? (() => {});
  const entry = workerEntry();
  let transpiler: TranspileService | undefined;
  const hooksFor = (spec: FunctionSpec): WorkerSetup['hooks'] => {
    if (!isTypeScript(spec.module) && !isTypeScript(entry)) return undefined;
    transpiler ??= new TranspileService();
    return { url: HOOKS_URL, port: transpiler.connect() };
  };

  const startInstance = (spec: FunctionSpec): Instance => {
    const stream = logStreamName();
    const { variables, context } = environmentOf(spec, stream);
    const hooks = hooksFor(spec);
    return new Instance({
      setup: {
        entry,
        ...(hooks ? { hooks } : {}),
        module: spec.module,
        exportName: spec.exportName,
        handlerName: handlerName(spec),
        context,
      },
      env: variables,
      memoryMb: spec.memorySize ?? DEFAULT_MEMORY_MB,
      log: (requestId, level, message) => log(`[${spec.name}] ${requestId ?? '-'} ${level} ${message}`),
    });
  };
  const poolsOf = (specs: FunctionSpec[]) => new Map(specs.map((spec) => [spec.name, new FunctionPool(spec, limits, () => startInstance(spec))]));

  let pools = poolsOf(functions);
  /** Pools replaced by a reload whose environments may still be finishing an invocation. */
  const draining = new Set<FunctionPool>();
  let closed = false;
  const reaper = setInterval(() => {
    const now = Date.now();
    for (const pool of pools.values()) pool.reap(now);
  }, Math.max(1000, limits.idleMs / 4));
  reaper.unref();

  return {
    async invoke(functionName, event, invokeOptions = {}) {
      const requestId = invokeOptions.requestId ?? randomUUID();
      let json: string;
      try {
        json = JSON.stringify(event === undefined ? null : event);
      } catch (error) {
        return { kind: 'error', errorType: 'InvalidRequestContentException', errorMessage: `Could not parse request body into json: ${(error as Error).message}`, trace: [], cause: 'runtime' };
      }
      if (Buffer.byteLength(json) > MAX_REQUEST_BYTES) {
        const errorMessage = `Request must be smaller than ${MAX_REQUEST_BYTES} bytes for the InvokeFunction operation`;
        return { kind: 'error', errorType: 'RequestEntityTooLargeException', errorMessage, trace: [], cause: 'runtime' };
      }
      for (;;) {
        if (closed) return { kind: 'error', errorType: 'ServiceException', errorMessage: 'The Lambda runtime is closed', trace: [], cause: 'runtime' };
        const pool = pools.get(functionName);
        if (!pool) {
          return { kind: 'error', errorType: 'ResourceNotFoundException', errorMessage: `Function not found: ${functionArn(functionName)}`, trace: [], cause: 'runtime' };
        }
        const outcome = await pool.invoke(json, requestId);
        if (outcome !== RETIRED) return outcome;
      }
    },
    async reload(next) {
      const old = pools;
      pools = poolsOf(next);
      for (const pool of draining) if (pool.size === 0) draining.delete(pool);
      for (const pool of old.values()) draining.add(pool);
      await Promise.all([...old.values()].map((pool) => pool.retire()));
    },
    async close() {
      closed = true;
      clearInterval(reaper);
      await Promise.all([...pools.values(), ...draining].map((pool) => pool.close()));
    },
  };
}
