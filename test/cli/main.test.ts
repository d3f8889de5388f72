// main() in-process: exit codes and error printing, with output captured through the io option.
import { describe, it, expect, vi } from 'vitest';
import { resolve } from 'node:path';

const loadApi = vi.hoisted(() => vi.fn());
vi.mock('../../src/pipeline.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/pipeline.js')>();
  loadApi.mockImplementation(real.loadApi);
  return { ...real, loadApi };
});

const { main, EXIT_INTERNAL, EXIT_USAGE } = await import('../../src/cli/main.js');
const petstore = resolve(__dirname, '../../fixtures/petstore/openapi.yaml');

async function runMain(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { io: { out: (t) => void (stdout += t), err: (t) => void (stderr += t), cwd: resolve(__dirname, '../..'), isTTY: false, color: false } });
  return { code, stdout, stderr };
}

describe('main()', () => {
  it('returns 0 and prints through the given io', async () => {
    const r = await runMain(['routes', petstore, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(0);
    expect(r.stderr).toBe('');
  });

  it('an ApigwError is one line with its position, exit 2', async () => {
    const r = await runMain(['routes', 'fixtures/petstore/nope.yaml']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('nope.yaml');
  });

  it('an unexpected error is reported as an internal error (exit 70) without a stack trace', async () => {
    loadApi.mockImplementationOnce(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'paths')");
    });
    const r = await runMain(['routes', petstore]);
    expect(r.code).toBe(EXIT_INTERNAL);
    expect(r.stderr).toContain("apigw-gen: internal error: Cannot read properties of undefined (reading 'paths')");
    expect(r.stderr).toContain('APIGW_GEN_DEBUG=1');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('never calls process.exit nor sets process.exitCode', async () => {
    const exit = vi.spyOn(process, 'exit');
    const before = process.exitCode;
    await runMain(['lint', petstore, '--format', 'xml']);
    await runMain(['--help']);
    expect(exit).not.toHaveBeenCalled();
    expect(process.exitCode).toBe(before);
    exit.mockRestore();
  });
});
