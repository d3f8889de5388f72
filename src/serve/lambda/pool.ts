// The execution environments of one function, as Lambda scales it: an invocation takes an idle
// warm environment, else starts a new one (up to `maxInstances`), else waits for one to free up
// (up to `maxQueued` waiting, beyond which it is throttled). Idle environments are stopped after
// `idleMs`, except the most recently used, which stays warm. A retired pool (after reload) starts
// nothing more: its idle environments stop at once, busy ones when their invocation ends.

import type { FunctionSpec, InvokeOutcome } from './index.js';
import type { Instance } from './instance.js';

export interface PoolLimits {
  maxInstances: number;
  maxQueued: number;
  idleMs: number;
}

/** Returned by a retired pool to an invocation that had not started: run it on the new code. */
export const RETIRED = Symbol('retired');

const THROTTLED: InvokeOutcome = { kind: 'error', errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [], cause: 'runtime' };

export class FunctionPool {
  private readonly instances = new Set<Instance>();
  /** Most recently released last. */
  private idle: Instance[] = [];
  private readonly waiting: Array<(instance: Instance | undefined) => void> = [];
  private retired = false;

  constructor(
    readonly spec: FunctionSpec,
    private readonly limits: PoolLimits,
    private readonly start: () => Instance,
  ) {}

  async invoke(event: string, requestId: string): Promise<InvokeOutcome | typeof RETIRED> {
    const instance = this.retired ? undefined : (this.takeIdle() ?? this.startOrWait());
    const got = instance instanceof Promise ? await instance : instance;
    if (got === undefined) return this.retired ? RETIRED : THROTTLED;
    try {
      return await got.invoke(event, requestId, this.spec.timeoutMs);
    } finally {
      this.release(got);
    }
  }

  get size(): number {
    return this.instances.size;
  }

  private takeIdle(): Instance | undefined {
    let instance: Instance | undefined;
    while ((instance = this.idle.pop()) && !instance.usable) void instance.terminate();
    return instance;
  }

  private startOrWait(): Instance | Promise<Instance | undefined> | undefined {
    if (this.instances.size < this.limits.maxInstances) return this.startOne();
    if (this.waiting.length >= this.limits.maxQueued) return undefined;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private startOne(): Instance {
    const instance = this.start();
    this.instances.add(instance);
    void instance.exited.then(() => this.forget(instance));
    return instance;
  }

  private release(instance: Instance): void {
    if (!instance.usable || this.retired) {
      void instance.terminate();
      return;
    }
    const next = this.waiting.shift();
    if (next) next(instance);
    else this.idle.push(instance);
  }

  /** An environment ended (stopped, crashed, timed out): a waiting invocation may start a new one. */
  private forget(instance: Instance): void {
    this.instances.delete(instance);
    this.idle = this.idle.filter((i) => i !== instance);
    if (!this.retired && this.waiting.length > 0 && this.instances.size < this.limits.maxInstances) this.waiting.shift()!(this.startOne());
  }

  /** Stops environments idle for longer than `idleMs`, keeping the most recently used one warm. */
  reap(now: number): void {
    const stale = this.idle.slice(0, -1).filter((i) => now - i.lastUsed >= this.limits.idleMs);
    if (stale.length === 0) return;
    this.idle = this.idle.filter((i) => !stale.includes(i));
    for (const instance of stale) void instance.terminate();
  }

  /** After a reload: nothing new starts here; waiting invocations go to the new pool. */
  async retire(): Promise<void> {
    this.retired = true;
    for (const resolve of this.waiting.splice(0)) resolve(undefined);
    const idle = this.idle.splice(0);
    await Promise.all(idle.map((i) => i.terminate()));
  }

  /** Stops every environment; invocations in progress end as a runtime that exited. */
  async close(): Promise<void> {
    await this.retire();
    await Promise.all([...this.instances].map((i) => i.terminate()));
  }
}
