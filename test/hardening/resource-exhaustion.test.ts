// Hostile specs against the real CLI under a memory ceiling (a 1 GB heap) and a time ceiling (a
// minute): each is refused with exit 2 and a `file:line:column` (no stack trace, nothing written),
// or, where it is legal, handled with exit 0/1. Inputs are generated here, small on disk.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, buildDist, hasStackTrace } from '../cli/helpers.js';

const HEAP_MB = 1024;
const TIME_LIMIT_MS = 60_000;

const MOCK = { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' }, responses: { default: { statusCode: '200' } } };
const YAML_HEAD = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration: ${JSON.stringify(MOCK)}
`;

/** A JSON document whose one operation takes and returns `schemaRef`. */
function jsonSpec(schemas: Record<string, unknown>, top: string, extra: Record<string, unknown> = {}): string {
  const body = { content: { 'application/json': { schema: { $ref: `#/components/schemas/${top}` } } } };
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: { '/a': { post: { operationId: 'postA', requestBody: body, responses: { 200: { description: 'ok', ...body } }, 'x-amazon-apigateway-integration': MOCK } } },
    components: { schemas },
    ...extra,
  });
}

function nested(levels: number): unknown {
  let s: unknown = { type: 'string' };
  for (let i = 0; i < levels; i++) s = { type: 'object', properties: { n: s } };
  return s;
}

interface Hostile {
  name: string;
  file: string;
  text: () => string;
  /** 2: refused at load, with this message; otherwise the input is legal and must end in 0 or 1. */
  refused?: RegExp;
}

const hostile: Hostile[] = [
  {
    name: 'YAML alias bomb (10 anchors × 9 aliases, 1.3 KB)',
    file: 'alias-bomb.yaml',
    text: () => {
      let anchors = 'x-bomb:\n  l0: &l0 [lol]\n';
      for (let i = 1; i < 10; i++) anchors += `  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
      return `${YAML_HEAD}${anchors}x-use: *l9\n`;
    },
    refused: /YAML aliases expand to more than/,
  },
  {
    name: 'YAML alias of its own ancestor (circular data)',
    file: 'alias-loop.yaml',
    text: () => `${YAML_HEAD}x-loop: &x {a: [1, *x]}\n`,
    refused: /inside the node it names/,
  },
  {
    name: 'YAML aliases stacking depth (each anchor nests the previous 5 deeper)',
    file: 'alias-deep.yaml',
    text: () => {
      let anchors = 'x-deep:\n  d0: &d0 {type: string}\n';
      for (let i = 1; i < 60; i++) anchors += `  d${i}: &d${i} {a: {b: {c: {d: {e: *d${i - 1}}}}}}\n`;
      return `${YAML_HEAD}${anchors}`;
    },
    refused: /levels deep, deeper than the limit/,
  },
  { name: 'YAML nested 1,000 levels', file: 'deep.yaml', text: () => `# YAML\n${jsonSpec({ Deep: nested(500) }, 'Deep')}`, refused: /nested deeper than/ },
  { name: 'JSON nested 1,000 levels (a schema)', file: 'deep.json', text: () => jsonSpec({ Deep: nested(500) }, 'Deep'), refused: /nested deeper than/ },
  {
    name: 'JSON nested 200,000 levels (an extension)',
    file: 'deeper.json',
    text: () => jsonSpec({ S: { type: 'string' } }, 'S', { 'x-deep': 'DEEP' }).replace('"DEEP"', `${'['.repeat(200_000)}${']'.repeat(200_000)}`),
    refused: /nested deeper than/,
  },
  {
    name: 'JSON $ref billion laughs (12 schemas, each 30 properties referring to the one before)',
    file: 'ref-fanout.json',
    text: () => {
      const schemas: Record<string, unknown> = { L0: { type: 'string' } };
      for (let i = 1; i < 12; i++) {
        schemas[`L${i}`] = { type: 'object', properties: Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`p${k}`, { $ref: `#/components/schemas/L${i - 1}` }])) };
      }
      return jsonSpec(schemas, 'L11');
    },
  },
  {
    name: 'JSON $ref chain (2,000 schemas, each allOf the one before)',
    file: 'ref-chain.json',
    text: () => {
      const schemas: Record<string, unknown> = { S0: { type: 'string' } };
      for (let i = 1; i < 2000; i++) schemas[`S${i}`] = { allOf: [{ $ref: `#/components/schemas/S${i - 1}` }, { type: 'object', properties: { [`p${i}`]: { type: 'string' } } }] };
      return jsonSpec(schemas, 'S1999');
    },
  },
  {
    name: 'huge single string (5 MB description) and key (1 MB)',
    file: 'huge-strings.json',
    text: () => jsonSpec({ S: { type: 'string' }, ['k'.repeat(1_000_000)]: { type: 'string' } }, 'S', { info: { title: 't', version: '1', description: 'x'.repeat(5_000_000) } }),
  },
  {
    name: 'very many paths (3,000, ten times API Gateway\'s default quota)',
    file: 'many-paths.json',
    text: () => {
      const paths: Record<string, unknown> = {};
      for (let i = 0; i < 3000; i++) paths[`/p${i}`] = { get: { operationId: `op${i}`, responses: { 200: { description: 'ok' } }, 'x-amazon-apigateway-integration': MOCK } };
      return JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths });
    },
  },
];

let dir: string;

beforeAll(() => {
  buildDist();
  dir = mkdtempSync(join(tmpdir(), 'apigw-hostile-'));
  for (const h of hostile) writeFileSync(join(dir, h.file), h.text());
});

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
}

/** At most two CLIs at a time (two cores): the time ceiling is about one run, not a queue. */
let running = 0;
const waiting: Array<() => void> = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function runCli(args: string[]): Promise<Outcome> {
  return slot(
    () =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, bin, ...args], {
          cwd: dir,
          env: { ...process.env, NO_COLOR: '1', APIGW_GEN_DEBUG: '' },
          stdio: ['ignore', 'ignore', 'pipe'],
          timeout: TIME_LIMIT_MS,
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code, signal) => resolve({ code, signal, stderr, ms: Date.now() - started }));
      }),
  );
}

const commands = ['lint', 'routes', 'build'] as const;

describe.concurrent('hostile specs under a 1 GB heap and a one-minute ceiling', () => {
  for (const h of hostile) {
    for (const command of commands) {
      it(`${command}: ${h.name} → ${h.refused ? 'exit 2, located' : 'exit 0/1'}`, async () => {
        const out = join(dir, `out-${command}-${h.file}`);
        const args = command === 'build' ? ['build', h.file, '--out', out] : [command, h.file];
        const r = await runCli(args);
        const seen = `${command} ${h.file}: code ${r.code} signal ${r.signal} after ${r.ms} ms\n${r.stderr.slice(0, 2000)}`;
        expect(r.signal, seen).toBeNull(); // not killed by the time ceiling, nor aborted by V8 out of heap
        expect(hasStackTrace(r.stderr), seen).toBe(false);
        if (h.refused) {
          expect(r.code, seen).toBe(2);
          expect(r.stderr, seen).toMatch(new RegExp(`${h.file.replace('.', '\\.')}:\\d+:\\d+: `));
          expect(r.stderr, seen).toMatch(h.refused);
          // refused before anything was written
          expect(existsSync(out) ? readdirSync(out) : [], seen).toEqual([]);
        } else {
          expect([0, 1], seen).toContain(r.code);
        }
      });
    }
  }
});
