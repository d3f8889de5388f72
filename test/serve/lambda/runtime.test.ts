// The Lambda runtime over real worker threads, with real handler files written to a temp folder.
// Error bodies are compared whole, as the Node.js Lambda runtime writes them.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLambdaRuntime, type FunctionSpec, type InvokeOutcome, type LambdaRuntime } from '../../../src/serve/lambda/index.js';

let dir: string;
const lines: string[] = [];
let runtime: LambdaRuntime;

const files: Record<string, string> = {
  'esm/package.json': '{ "type": "module" }',
  'esm/util.ts': 'export const greet = (name: string): string => `hello ${name}`;\n',
  'esm/app.ts': [
    "import { greet } from './util.js';",
    "import { threadId } from 'node:worker_threads';",
    'let count = 0;',
    'interface Event { name?: string; wait?: number }',
    'export const handler = async (event: Event, context: any) => {',
    '  count++;',
    "  console.log('hello from', event.name);",
    '  if (event.wait) await new Promise((r) => setTimeout(r, event.wait));',
    '  return {',
    '    greeting: greet(event.name ?? "world"), count, threadId, when: new Date(0), nothing: undefined,',
    '    env: { own: process.env.OWN, other: process.env.OTHER_ONLY, fn: process.env.AWS_LAMBDA_FUNCTION_NAME, handler: process.env._HANDLER, memory: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, version: process.env.AWS_LAMBDA_FUNCTION_VERSION, group: process.env.AWS_LAMBDA_LOG_GROUP_NAME, tz: process.env.TZ },',
    '    context: { id: context.awsRequestId, name: context.functionName, version: context.functionVersion, arn: context.invokedFunctionArn, memory: context.memoryLimitInMB,',
    '      group: context.logGroupName, stream: context.logStreamName, remaining: context.getRemainingTimeInMillis(), waits: context.callbackWaitsForEmptyEventLoop },',
    '    sawGlobal: (globalThis as any).leaked ?? null,',
    '  };',
    '};',
    'export const leak = async () => { (globalThis as any).leaked = "yes"; process.env.OWN = "changed"; return null; };',
    '',
    'export const fails = async () => {',
    "  throw new TypeError('bad input');",
    '};',
  ].join('\n'),
  'esm/throws.mjs': [
    "export const string = async () => { throw 'oops'; };",
    'export const object = () => Promise.reject({ code: 42 });',
    'export const nothing = () => Promise.reject(undefined);',
    "export const sync = () => { throw new RangeError('too big'); };",
    "export const viaCallback = (event, context, callback) => { callback(new Error('from callback')); };",
    "export const viaFail = (event, context) => { context.fail('failed'); };",
    'export const circular = async () => { const a = {}; a.self = a; return a; };',
    'export const bigint = async () => ({ n: 10n });',
    "export const huge = async () => 'x'.repeat(6_291_556);",
  ].join('\n'),
  'esm/callbacks.mjs': [
    "export const waits = (event, context, callback) => { setTimeout(() => console.log('timer fired'), 300); callback(null, 'done'); };",
    "export const noWait = (event, context, callback) => { context.callbackWaitsForEmptyEventLoop = false; setTimeout(() => console.log('late timer'), 1500); callback(null, 'early'); };",
    "export const both = (event, context, callback) => { callback(null, 'from callback'); return Promise.resolve('from promise'); };",
    "export const promiseFirst = async (event, context, callback) => { setTimeout(() => callback(null, 'from callback'), 50); return 'from promise'; };",
    "export const succeed = (event, context) => { context.succeed({ via: 'succeed' }); context.fail(new Error('ignored')); };",
    'export const nothing = () => { setTimeout(() => {}, 50); };',
    'export const exits = () => { process.exit(2); };',
    'export const exitsZero = () => { process.exit(0); };',
    "export const lateRejection = async () => { setTimeout(() => Promise.reject(new Error('late')), 50); return 'answered'; };",
    "export const rejection = () => { Promise.reject(new Error('lost')); return new Promise(() => {}); };",
    "export const uncaught = () => { setTimeout(() => { throw new Error('thrown later'); }, 10); return new Promise(() => {}); };",
    "export const forever = () => new Promise(() => { setInterval(() => {}, 1000); });",
    'export const hog = async () => { const kept = []; for (;;) kept.push(new Array(1e6).fill(1)); };',
    "export const logs = async () => { console.log('one', { a: 1 }); console.warn('two'); console.error('three'); process.stdout.write('raw\\n'); return 1; };",
  ].join('\n'),
  'cjs/helper.ts': 'export function double(n: number): number { return n * 2; }\n',
  'cjs/app.ts': [
    "import { double } from './helper';",
    'const lib = require("./lib.cjs");',
    'export const handler = async (event: { n: number }) => ({ doubled: double(event.n), tripled: lib.triple(event.n), format: typeof module });',
  ].join('\n'),
  'cjs/lib.cjs': 'exports.triple = (n) => n * 3;\n',
  'cjs/plain.cjs': 'exports.handler = (event, context, callback) => callback(null, { cjs: true, n: event.n });\n',
  'broken/syntax.mjs': 'export const handler = async () => { return ; ) };\n',
  'broken/top-level.mjs': "throw new Error('cannot start');\n",
  'broken/imports.mjs': "import './not-there.mjs';\nexport const handler = async () => 1;\n",
  'broken/nohandler.mjs': 'export const other = 1;\n',
  'reload/v.mjs': "export const handler = async (event) => { if (event.wait) await new Promise((r) => setTimeout(r, event.wait)); return 'v1'; };\n",
};

const fn = (name: string, file: string, exportName: string, extra: Partial<FunctionSpec> = {}): FunctionSpec => ({
  name, module: path.join(dir, file), exportName, timeoutMs: 3000, environment: {}, ...extra,
});

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'apigw-lambda-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  runtime = createLambdaRuntime(
    [
      fn('App', 'esm/app.ts', 'handler', { environment: { OWN: 'mine' } }),
      fn('Other', 'esm/app.ts', 'handler', { environment: { OTHER_ONLY: 'theirs' }, memorySize: 256 }),
      fn('Leak', 'esm/app.ts', 'leak', { environment: { OWN: 'mine' } }),
      fn('Fails', 'esm/app.ts', 'fails'),
      ...['string', 'object', 'nothing', 'sync', 'viaCallback', 'viaFail', 'circular', 'bigint', 'huge'].map((e) => fn(`Throws-${e}`, 'esm/throws.mjs', e)),
      ...['waits', 'noWait', 'both', 'promiseFirst', 'succeed', 'nothing', 'exits', 'exitsZero', 'lateRejection', 'rejection', 'uncaught', 'logs'].map((e) => fn(`Cb-${e}`, 'esm/callbacks.mjs', e)),
      fn('Forever', 'esm/callbacks.mjs', 'forever', { timeoutMs: 1000 }),
      fn('Hog', 'esm/callbacks.mjs', 'hog', { timeoutMs: 20_000 }),
      fn('Cjs', 'cjs/app.ts', 'handler'),
      fn('PlainCjs', 'cjs/plain.cjs', 'handler'),
      fn('Syntax', 'broken/syntax.mjs', 'handler'),
      fn('TopLevel', 'broken/top-level.mjs', 'handler'),
      fn('Imports', 'broken/imports.mjs', 'handler'),
      fn('NoHandler', 'broken/nohandler.mjs', 'handler'),
      fn('Missing', 'broken/absent.mjs', 'handler'),
    ],
    { log: (line) => lines.push(line) },
  );
});

afterAll(async () => {
  await runtime?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ok = (outcome: InvokeOutcome) => {
  if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
  return outcome.payload as Record<string, any>;
};
const failure = (outcome: InvokeOutcome) => {
  if (outcome.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(outcome)}`);
  return outcome;
};
const waitFor = async (check: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; !check(); ) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('a TypeScript handler', () => {
  it('runs with its local imports, a JSON copy of its result, its context and its environment', async () => {
    const payload = ok(await runtime.invoke('App', { name: 'ada' }, { requestId: 'req-1' }));
    expect(payload.greeting).toBe('hello ada');
    expect(payload.when).toBe('1970-01-01T00:00:00.000Z');
    expect('nothing' in payload).toBe(false);
    expect(payload.env).toEqual({ own: 'mine', fn: 'App', handler: 'app.handler', memory: '128', version: '$LATEST', group: '/aws/lambda/App', tz: ':UTC' });
    const { remaining, stream, arn, ...context } = payload.context;
    expect(context).toEqual({ id: 'req-1', name: 'App', version: '$LATEST', memory: '128', group: '/aws/lambda/App', waits: true });
    expect(arn).toMatch(/^arn:aws:lambda:[a-z0-9-]+:123456789012:function:App$/);
    expect(stream).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(3000);
  });

  it('stays warm: module state persists between invocations', async () => {
    const first = ok(await runtime.invoke('App', {}));
    const second = ok(await runtime.invoke('App', {}));
    expect(second.count).toBe(first.count + 1);
    expect(second.threadId).toBe(first.threadId);
  });

  it('is isolated from other functions and from the server: globals, environment, memory size', async () => {
    ok(await runtime.invoke('Leak', {}));
    const other = ok(await runtime.invoke('Other', {}));
    expect(other.sawGlobal).toBeNull();
    expect(other.env.own).toBeUndefined();
    expect(other.env.other).toBe('theirs');
    expect(other.env.memory).toBe('256');
    expect(ok(await runtime.invoke('App', {})).env.own).toBe('mine');
    expect((globalThis as Record<string, unknown>).leaked).toBeUndefined();
    expect(process.env.AWS_LAMBDA_FUNCTION_NAME).toBeUndefined();
  });

  it('reports a thrown error with its stack at the TypeScript source position', async () => {
    const error = failure(await runtime.invoke('Fails', {}));
    expect(error).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad input', cause: 'handler' });
    expect(error.trace[0]).toBe('TypeError: bad input');
    // Line 20, column 9 of app.ts is `throw new TypeError(…)`'s `new`.
    expect(error.trace[1]).toMatch(new RegExp(`at fails \\((file://)?${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/esm/app\\.ts:20:9\\)$`));
  });

  it('runs CommonJS TypeScript importing another .ts file and requiring a .cjs one', async () => {
    expect(ok(await runtime.invoke('Cjs', { n: 2 }))).toEqual({ doubled: 4, tripled: 6, format: 'object' });
    expect(ok(await runtime.invoke('PlainCjs', { n: 1 }))).toEqual({ cjs: true, n: 1 });
  });
});

describe('handler errors, as the Node.js runtime reports them', () => {
  it('a thrown string: typeof as type, no trace', async () => {
    expect(await runtime.invoke('Throws-string', {})).toEqual({ kind: 'error', errorType: 'string', errorMessage: 'oops', trace: [], cause: 'handler' });
  });

  it('a rejected object and a rejection without reason', async () => {
    expect(await runtime.invoke('Throws-object', {})).toEqual({ kind: 'error', errorType: 'object', errorMessage: '[object Object]', trace: [], cause: 'handler' });
    expect(await runtime.invoke('Throws-nothing', {})).toEqual({ kind: 'error', errorType: 'string', errorMessage: 'handled', trace: [], cause: 'handler' });
  });

  it('a synchronous throw, callback(error) and context.fail', async () => {
    const sync = failure(await runtime.invoke('Throws-sync', {}));
    expect([sync.errorType, sync.errorMessage, sync.trace[0]]).toEqual(['RangeError', 'too big', 'RangeError: too big']);
    const viaCallback = failure(await runtime.invoke('Throws-viaCallback', {}));
    expect([viaCallback.errorType, viaCallback.errorMessage, viaCallback.cause]).toEqual(['Error', 'from callback', 'handler']);
    expect(await runtime.invoke('Throws-viaFail', {})).toEqual({ kind: 'error', errorType: 'string', errorMessage: 'failed', trace: [], cause: 'handler' });
  });

  it('a result that is not JSON-serializable', async () => {
    for (const name of ['Throws-circular', 'Throws-bigint']) {
      const error = failure(await runtime.invoke(name, {}));
      expect([error.errorType, error.errorMessage, error.cause, error.trace[0]]).toEqual(['Error', 'Unable to stringify response body', 'handler', 'Error: Unable to stringify response body']);
    }
  });

  it("a result or an event over Lambda's 6 MB payload limits", async () => {
    expect(await runtime.invoke('Throws-huge', {})).toEqual({
      kind: 'error', errorType: 'Function.ResponseSizeTooLarge', errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).', trace: [], cause: 'handler',
    });
    expect(await runtime.invoke('App', { body: 'x'.repeat(6_291_456) })).toEqual({
      kind: 'error', errorType: 'RequestEntityTooLargeException', errorMessage: 'Request must be smaller than 6291456 bytes for the InvokeFunction operation', trace: [], cause: 'runtime',
    });
  });

  it('logs each error as an Invoke Error line', () => {
    expect(lines.some((l) => /^\[Fails\] \S+ ERROR Invoke Error \t\{"errorType":"TypeError","errorMessage":"bad input"/.test(l))).toBe(true);
  });
});

describe('callbacks and promises', () => {
  it('callback waits for the event loop to empty', async () => {
    expect(ok(await runtime.invoke('Cb-waits', {}, { requestId: 'wait-1' }))).toBe('done');
    expect(lines).toContain('[Cb-waits] wait-1 INFO timer fired');
  });

  it('callbackWaitsForEmptyEventLoop = false answers at once', async () => {
    expect(ok(await runtime.invoke('Cb-noWait', {}, { requestId: 'nowait-1' }))).toBe('early');
    expect(lines.some((l) => l.includes('late timer'))).toBe(false);
  });

  it('callback and a returned promise: the first to be called wins', async () => {
    expect(ok(await runtime.invoke('Cb-both', {}))).toBe('from callback');
    expect(ok(await runtime.invoke('Cb-promiseFirst', {}))).toBe('from promise');
  });

  it('context.succeed counts once; later calls are ignored', async () => {
    expect(ok(await runtime.invoke('Cb-succeed', {}))).toEqual({ via: 'succeed' });
  });

  it('a handler that neither calls back nor returns a promise answers null when its work is done', async () => {
    expect(await runtime.invoke('Cb-nothing', {})).toEqual({ kind: 'ok', payload: null });
  });
});

describe('the environment ends', () => {
  it('on process.exit, as Runtime.ExitError; the next invocation gets a fresh one', async () => {
    expect(await runtime.invoke('Cb-exits', {}, { requestId: 'exit-1' })).toEqual({
      kind: 'error', errorType: 'Runtime.ExitError', errorMessage: 'RequestId: exit-1 Error: Runtime exited with error: exit status 2', trace: [], cause: 'runtime',
    });
    expect(await runtime.invoke('Cb-exitsZero', {}, { requestId: 'exit-0' })).toEqual({
      kind: 'error', errorType: 'Runtime.ExitError', errorMessage: 'RequestId: exit-0 Error: Runtime exited without providing a reason', trace: [], cause: 'runtime',
    });
  });

  it('on the timeout: the timeout outcome, then a fresh environment', async () => {
    const error = failure(await runtime.invoke('Forever', {}, { requestId: 'slow-1' }));
    expect(error).toMatchObject({ errorType: 'Sandbox.Timedout', trace: [], cause: 'timeout' });
    expect(error.errorMessage).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z slow-1 Task timed out after 1\.00 seconds$/);
    expect(lines).toContain('[Forever] slow-1 ERROR Task timed out after 1.00 seconds');
  });

  it('on reaching the memory size: Runtime.OutOfMemory', async () => {
    expect(await runtime.invoke('Hog', {}, { requestId: 'oom-1' })).toEqual({
      kind: 'error', errorType: 'Runtime.OutOfMemory', errorMessage: 'RequestId: oom-1 Error: Runtime exited with error: signal: killed', trace: [], cause: 'runtime',
    });
  });

  it('on an unhandled rejection during the invocation', async () => {
    const error = failure(await runtime.invoke('Cb-rejection', {}));
    expect([error.errorType, error.errorMessage, error.cause, error.trace[0]]).toEqual(['Runtime.UnhandledPromiseRejection', 'Error: lost', 'runtime', 'Runtime.UnhandledPromiseRejection: Error: lost']);
  });

  it('on an uncaught exception during the invocation', async () => {
    const error = failure(await runtime.invoke('Cb-uncaught', {}));
    expect([error.errorType, error.errorMessage, error.cause, error.trace[0]]).toEqual(['Error', 'thrown later', 'runtime', 'Error: thrown later']);
  });

  it('on an unhandled rejection after the response: the answer stands, the error is logged, the next invocation starts afresh', async () => {
    expect(await runtime.invoke('Cb-lateRejection', {}, { requestId: 'late-1' })).toEqual({ kind: 'ok', payload: 'answered' });
    await waitFor(() => lines.some((l) => l.startsWith('[Cb-lateRejection] late-1 ERROR Unhandled Promise Rejection')));
    expect(lines.find((l) => l.startsWith('[Cb-lateRejection] late-1 ERROR Unhandled Promise Rejection'))).toContain('"errorType":"Runtime.UnhandledPromiseRejection","errorMessage":"Error: late"');
    expect(await runtime.invoke('Cb-lateRejection', {})).toEqual({ kind: 'ok', payload: 'answered' });
  });
});

describe('module loading failures', () => {
  it('a syntax error: Runtime.UserCodeSyntaxError', async () => {
    const error = failure(await runtime.invoke('Syntax', {}));
    expect([error.errorType, error.cause]).toEqual(['Runtime.UserCodeSyntaxError', 'runtime']);
    expect(error.errorMessage).toBe("SyntaxError: Unexpected token ')'");
    expect(error.trace[0]).toBe("Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token ')'");
  });

  it('a missing module or import: Runtime.ImportModuleError', async () => {
    for (const [name, file] of [['Imports', 'broken/not-there.mjs'], ['Missing', 'broken/absent.mjs']]) {
      const error = failure(await runtime.invoke(name!, {}));
      expect([error.errorType, error.cause]).toEqual(['Runtime.ImportModuleError', 'runtime']);
      expect(error.errorMessage).toContain(`Error: Cannot find module '${path.join(dir, file!)}'`);
    }
  });

  it('no such export: Runtime.HandlerNotFound', async () => {
    const error = failure(await runtime.invoke('NoHandler', {}));
    expect([error.errorType, error.errorMessage, error.cause, error.trace[0]]).toEqual([
      'Runtime.HandlerNotFound', 'nohandler.handler is undefined or not exported', 'runtime', 'Runtime.HandlerNotFound: nohandler.handler is undefined or not exported',
    ]);
  });

  it('a module that throws while loading: its own error', async () => {
    const error = failure(await runtime.invoke('TopLevel', {}));
    expect([error.errorType, error.errorMessage, error.cause]).toEqual(['Error', 'cannot start', 'runtime']);
  });

  it('an unknown function', async () => {
    expect(await runtime.invoke('Nope', {})).toEqual({
      kind: 'error', errorType: 'ResourceNotFoundException', errorMessage: expect.stringMatching(/^Function not found: arn:aws:lambda:[a-z0-9-]+:123456789012:function:Nope$/), trace: [], cause: 'runtime',
    });
  });
});

describe('console output', () => {
  it('goes to log, prefixed with the function name, the request id and the level', async () => {
    ok(await runtime.invoke('Cb-logs', {}, { requestId: 'log-1' }));
    await waitFor(() => lines.includes('[Cb-logs] log-1 OUT raw'));
    // Console calls keep their order; raw stdout comes through its own stream, so only its line is checked.
    expect(lines.filter((l) => l.startsWith('[Cb-logs] log-1') && !l.includes(' OUT '))).toEqual([
      '[Cb-logs] log-1 INFO one { a: 1 }',
      '[Cb-logs] log-1 WARN two',
      '[Cb-logs] log-1 ERROR three',
    ]);
    expect(lines.filter((l) => l.startsWith('[Cb-logs] log-1 OUT'))).toEqual(['[Cb-logs] log-1 OUT raw']);
  });
});

describe('scaling', () => {
  // Invocations last longer than an environment takes to start, so that each concurrent one needs its own.
  const spec = (name: string) => fn(name, 'esm/app.ts', 'handler', { timeoutMs: 10_000 });
  const threadsOf = async (rt: LambdaRuntime, name: string, n: number, wait: number) => {
    const outcomes = await Promise.all(Array.from({ length: n }, () => rt.invoke(name, { wait })));
    return outcomes.map((o) => ok(o).threadId as number);
  };

  it('serves concurrent invocations with more environments, up to the cap, then queues, then throttles', async () => {
    const rt = createLambdaRuntime([spec('Wide'), spec('Narrow')], { maxInstances: 2, maxQueued: 1 });
    try {
      const wide = await threadsOf(rt, 'Wide', 2, 2000);
      expect(new Set(wide).size).toBe(2);
      const outcomes = await Promise.all([1, 2, 3, 4].map(() => rt.invoke('Narrow', { wait: 2000 })));
      expect(outcomes.filter((o) => o.kind === 'ok')).toHaveLength(3);
      expect(new Set(outcomes.filter((o) => o.kind === 'ok').map((o) => ok(o).threadId)).size).toBe(2);
      expect(outcomes.find((o) => o.kind === 'error')).toEqual({ kind: 'error', errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [], cause: 'runtime' });
    } finally {
      await rt.close();
    }
  });

  it('stops idle environments after idleMs, keeping the most recently used one warm', async () => {
    const rt = createLambdaRuntime([spec('Idle')], { idleMs: 200 });
    try {
      const before = new Set(await threadsOf(rt, 'Idle', 3, 2000));
      expect(before.size).toBe(3);
      await new Promise((r) => setTimeout(r, 1500));
      const after = await threadsOf(rt, 'Idle', 3, 2000);
      expect(after.filter((t) => before.has(t))).toHaveLength(1);
    } finally {
      await rt.close();
    }
  });
});

describe('reload', () => {
  it('runs new code for new invocations while the one in progress finishes on the old', async () => {
    const file = path.join(dir, 'reload/v.mjs');
    const rt = createLambdaRuntime([fn('V', 'reload/v.mjs', 'handler')]);
    try {
      expect(ok(await rt.invoke('V', {}))).toBe('v1');
      const inFlight = rt.invoke('V', { wait: 500 });
      await new Promise((r) => setTimeout(r, 100));
      writeFileSync(file, "export const handler = async () => 'v2';\n");
      await rt.reload([fn('V', 'reload/v.mjs', 'handler')]);
      expect(ok(await rt.invoke('V', {}))).toBe('v2');
      expect(ok(await inFlight)).toBe('v1');
    } finally {
      await rt.close();
    }
  });
});
