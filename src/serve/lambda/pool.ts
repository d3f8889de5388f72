// The execution environments of one function, as Lambda scales it: an invocation takes an idle
// warm environment, else waits for the first to free up while a new one starts for it (up to
// `maxInstances`; up to `maxQueued` invocations wait, more are throttled). Idle environments are stopped after
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
  /** Environments loading their module; each will serve the first waiting invocation when ready. */
  private starting = 0;
  /** Most recently released last. */
  private idle: Instance[] = [];
  private readonly waiting: Array<(got: Instance | InvokeOutcome | undefined) => void> = [];
  private retired = false;

  constructor(
    readonly spec: FunctionSpec,
    private readonly limits: PoolLimits,
    private readonly start: () => Instance,
  ) {}

  async invoke(event: string, requestId: string): Promise<InvokeOutcome | typeof RETIRED> {
    if (this.retired) return RETIRED;
    const got = this.takeIdle() ?? (await this.wait());
    if (got === undefined) return RETIRED;
    if ('kind' in got) return got;
    try {
      return await got.invoke(event, requestId, this.spec.timeoutMs);
    } finally {
      this.release(got);
    }
  }

  /** Environments alive (starting, idle or busy). */
  get size(): number {
    return this.instances.size;
  }

  private takeIdle(): Instance | undefined {
    let instance: Instance | undefined;
    while ((instance = this.idle.pop()) && !instance.usable) void instance.terminate();
    return instance;
  }

  /**
   * Waits for the first environment to become free: a busy one finishing, or a new one started for
   * this invocation, whichever comes first (a new environment that loses the race joins the idle ones).
   */
  private wait(): Promise<Instance | InvokeOutcome | undefined> | InvokeOutcome {
    // Invocations that a starting environment will serve are not queued; the others are.
    if (this.waiting.length - this.starting >= this.limits.maxQueued) return THROTTLED;
    const got = new Promise<Instance | InvokeOutcome | undefined>((resolve) => this.waiting.push(resolve));
    this.startIfNeeded();
    return got;
  }

  private startIfNeeded(): void {
    if (this.retired || this.waiting.length <= this.starting || this.instances.size >= this.limits.maxInstances) return;
    const instance = this.start();
    this.instances.add(instance);
    this.starting++;
    void instance.exited.then(() => this.forget(instance));
    void instance.ready.then((failed) => {
      this.starting--;
      if (!failed) return this.release(instance);
      // The start failed (the module does not load): the invocation waiting for it gets the error, as on Lambda.
      void instance.terminate();
      this.waiting.shift()?.(failed);
    });
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

  /** An environment ended (stopped, crashed, timed out): waiting invocations may need a new one. */
  private forget(instance: Instance): void {
    this.instances.delete(instance);
    this.idle = this.idle.filter((i) => i !== instance);
    this.startIfNeeded();
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
