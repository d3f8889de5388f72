// Spec text printed by the CLI must never drive the terminal: a hostile `$ref`, title, path or
// key carrying ESC/BEL/CSI (window title, clear screen, colors) shows up escaped in every message —
// errors (also between rebuilds of `build --watch`), the routes table and JSON, lint output and
// the build report.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildDist, run } from './helpers.js';

beforeAll(() => buildDist(), 120_000);

/** Code points a terminal acts on: C0 (except \n), DEL and C1. */
function controlCharacters(text: string): string[] {
  return [...text].filter((c) => {
    const n = c.codePointAt(0)!;
    return (n < 0x20 && n !== 0x0a) || (n >= 0x7f && n <= 0x9f);
  }).map((c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

// YAML double-quoted escapes: \e ESC, \a BEL, \x9b CSI (C1), \r CR.
const HOSTILE_REF = 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\npaths:\n  /x:\n    get:\n      responses:\n        "200": {$ref: "./\\e]0;pwned\\a\\e[2J\\e[31mRED.yaml"}\n';
const HOSTILE_TEXT = [
  'openapi: 3.0.1',
  'info: {title: "Evil \\e[2J\\x9b31m title\\r", version: "1"}',
  'paths:',
  '  "/pets/\\e]0;owned\\a{id}":',
  '    get:',
  '      operationId: "op\\e[31m"',
  '      parameters: [{name: id, in: path, required: true, schema: {type: string}}]',
  '      responses: {"200": {description: "ok \\e[5m"}}',
  '      x-amazon-apigateway-integration:',
  '        type: http_proxy',
  '        httpMethod: GET',
  '        uri: "https://example.com/\\e[31m\\x9b2J"',
  'components:',
  '  schemas:',
  '    "Bad\\e[31mName": {type: object}',
  '',
].join('\n');

function project(spec: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-gen-tty-'));
  writeFileSync(join(dir, 'api.yaml'), spec);
  return dir;
}

describe('terminal-safe CLI output', () => {
  it('a $ref naming a hostile (missing) file: the message is escaped (lint, build, build --no-lint, routes)', () => {
    const dir = project(HOSTILE_REF);
    // A missing target is an OAS-002 lint error (exit 1; build stops on it), refused by --no-lint
    // builds (exit 2) and a warning of routes (exit 0): the file name is escaped everywhere.
    const cases: Array<[string[], number, 'stdout' | 'stderr']> = [
      [['lint', 'api.yaml'], 1, 'stdout'],
      [['build', 'api.yaml'], 1, 'stderr'],
      [['build', 'api.yaml', '--no-lint'], 2, 'stderr'],
      [['routes', 'api.yaml'], 0, 'stderr'],
    ];
    for (const [args, code, stream] of cases) {
      const r = run(args, dir);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r[stream], args.join(' ')).toContain('\\u001b]0;pwned\\u0007');
      expect(controlCharacters(r.stderr)).toEqual([]);
      expect(controlCharacters(r.stdout)).toEqual([]);
    }
  });

  it('spec text in the routes table and JSON, lint output in every format and the build report', () => {
    const dir = project(HOSTILE_TEXT);
    const outputs = [
      run(['routes', 'api.yaml'], dir),
      run(['routes', 'api.yaml', '--format', 'json'], dir),
      ...['stylish', 'json', 'sarif', 'github', 'junit'].map((f) => run(['lint', 'api.yaml', '--format', f], dir)),
      run(['build', 'api.yaml', '--no-lint'], dir),
      run(['build', 'api.yaml'], dir),
    ];
    for (const r of outputs) {
      expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
      expect(controlCharacters(r.stdout)).toEqual([]);
      expect(controlCharacters(r.stderr)).toEqual([]);
    }
    expect(outputs[0]!.stdout).toContain('/pets/\\u001b]0;owned\\u0007{id}');
    // JSON stays JSON: the escape decodes back to the original text.
    const rows = JSON.parse(outputs[1]!.stdout) as { path: string }[];
    expect(rows[0]!.path).toBe('/pets/\u001b]0;owned\u0007{id}');
  });

  it('build --watch prints a failed rebuild escaped and keeps watching', async () => {
    const dir = project(HOSTILE_REF);
    mkdirSync(join(dir, 'out'));
    let stderr = '';
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const err = (text: string) => {
      stderr += text;
      if (text.includes('watching')) stop();
    };
    const code = await main(['build', 'api.yaml', '--watch', '--out', 'out'], {
      io: { out: () => undefined, err, cwd: dir, isTTY: false, color: false },
      stopSignal: stopped,
    });
    expect(code).toBe(0);
    expect(stderr).toContain('\\u001b[2J');
    expect(controlCharacters(stderr)).toEqual([]);
  });
});
