// Messages between the server and a function's worker. Events and results cross as JSON text, as
// they cross the Lambda service: the handler gets a parsed copy, the caller the result's JSON.

import type { MessagePort } from 'node:worker_threads';
import type { LambdaError } from './lambda-errors.js';

/** Lambda's limits on a synchronous invocation's request and response payloads (6 MB; its messages name these exact byte counts). */
export const MAX_REQUEST_BYTES = 6_291_456;
export const MAX_PAYLOAD_BYTES = 6_291_556;

/** What a worker is started with (`workerData`). */
export interface WorkerSetup {
  /** The worker module to import (this runtime's worker.ts or worker.js). */
  entry: string;
  /** The TypeScript module hooks (a data: URL) and the port of the runtime's TranspileService, when needed. */
  hooks?: { url: string; port: MessagePort };
  module: string;
  exportName: string;
  /** `_HANDLER`, as the runtime names the handler in its errors (`orders.handler`). */
  handlerName: string;
  context: { functionName: string; functionVersion: string; invokedFunctionArn: string; memoryLimitInMB: string; logGroupName: string; logStreamName: string };
}

export type ToWorker = { type: 'invoke'; requestId: string; event: string; deadlineMs: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'init-error'; error: LambdaError }
  | { type: 'result'; requestId: string; payload: string }
  /** `fatal`: the worker exits right after (uncaught exception, unhandled rejection). */
  | { type: 'error'; requestId: string; error: LambdaError; fatal: boolean }
  /** The worker is about to exit although no invocation is waiting for it. */
  | { type: 'fatal' }
  | { type: 'log'; requestId: string | undefined; level: string; message: string };
