// `apigw-gen serve` as a command: bad input is a located one-line error with exit 2, like the
// other commands; nothing is left listening.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, hasStackTrace, run } from '../cli/helpers.js';

let dir = '';
beforeAll(() => {
  buildDist();
  dir = mkdtempSync(join(tmpdir(), 'apigw-gen-serve-cli-'));
  writeFileSync(join(dir, 'broken.yaml'), 'openapi: 3.0.1\ninfo:\n  title: x\n  version: "1"\npaths:\n  /a: [unclosed\n');
  writeFileSync(join(dir, 'ok.yaml'), 'openapi: 3.0.1\ninfo: { title: ok, version: "1" }\npaths: {}\n');
});

describe('serve command errors', () => {
  // apigw-gen's own contract (README "Exit codes"): bad input is file:line:col and exit 2.
  it('reports a spec that does not parse at file:line:col and exits 2', () => {
    const r = run(['serve', 'broken.yaml', '--port', '0'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^apigw-gen: .*broken\.yaml:\d+:\d+: invalid YAML/m);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  // apigw-gen's own contract: a usage error is exit 2.
  it('rejects a port that is not one', () => {
    const r = run(['serve', 'ok.yaml', '--port', '70000'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port "70000": expected a port number from 0 to 65535');
  });

  // apigw-gen's own contract: an environment problem is one clear line, not a stack trace.
  it('says when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = run(['serve', 'ok.yaml', '--port', String(port)], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is in use (--port picks another)`);
      expect(hasStackTrace(r.stderr)).toBe(false);
    } finally {
      blocker.close();
    }
  });
});
