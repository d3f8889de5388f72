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

// The messages of every invocation are plain strings, `<JSON header>\n<JSON body>`: a string
// crosses between threads several times faster than an object holding the same string.

/** An invocation, to the worker. */
export function invokeMessage(requestId: string, deadlineMs: number, event: string): string {
  return `${JSON.stringify([requestId, deadlineMs])}\n${event}`;
}

export function readInvokeMessage(message: string): { requestId: string; deadlineMs: number; event: string } {
  const newline = message.indexOf('\n');
  const [requestId, deadlineMs] = JSON.parse(message.slice(0, newline)) as [string, number];
  return { requestId, deadlineMs, event: message.slice(newline + 1) };
}

/** A handler's result, from the worker. */
export function resultMessage(requestId: string, payload: string): string {
  return `${JSON.stringify(requestId)}\n${payload}`;
}

export function readResultMessage(message: string): { requestId: string; payload: string } {
  const newline = message.indexOf('\n');
  return { requestId: JSON.parse(message.slice(0, newline)) as string, payload: message.slice(newline + 1) };
}

/** Every other message from the worker. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'init-error'; error: LambdaError }
  /** `fatal`: the worker exits right after (uncaught exception, unhandled rejection). */
  | { type: 'error'; requestId: string; error: LambdaError; fatal: boolean }
  /** The worker is about to exit although no invocation is waiting for it. */
  | { type: 'fatal' }
  | { type: 'log'; requestId: string | undefined; level: string; message: string };
