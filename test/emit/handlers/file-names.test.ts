// Handler file names come from function names (ARN names, stage variables, the API title), which a
// spec may make anything: Windows device names, trailing dots, characters Windows or macOS refuse,
// 300 characters. The emitter must turn each into a stem every file system accepts with
// `.ts` and `.generated.ts` appended, the same on every run, and distinct for distinct functions.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { emitHandlers, planHandlers } from '../../../src/emit/handlers/index.js';
import { MAX_FILE_STEM_BYTES, toFileStem } from '../../../src/emit/handlers/plan.js';
import { fileNameProblem, portableFileStem, WINDOWS_DEVICE_NAMES } from '../../../src/text/file-names.js';
import { removeDir, tempOutDir, writeHandlers } from './harness.js';

const long = (text: string, bytes: number) => text.repeat(Math.ceil(bytes / Buffer.byteLength(text))).slice(0, bytes);

/** Hostile function names: every device name in several spellings, and the other classes. */
const HOSTILE: string[] = [
  ...WINDOWS_DEVICE_NAMES.flatMap((d) => [d, d.toUpperCase(), `${d}.txt`, `${d.toUpperCase()}.tar.gz`, `${d} `]),
  'Con', 'cOn.', 'aux.', 'name.', 'name ', 'name. . .', '...', '   ', '', '-', '_', '$',
  'a<b>c', 'a:b', 'a"b', 'a|b', 'a?b', 'a*b', 'a/b', 'a\\b', 'tab\there', 'nul\u0000byte', 'bell\u0007',
  'ünïcödé', 'cafe\u0301', 'café', '名前', '🚀rocket', 'COM¹', 'lpt²',
  long('x', 300), `${long('x', 300)}-other`, long('é', 600), long('名', 900), long('ab-', 400),
];

const SUFFIXES = ['.ts', '.generated.ts'];

describe('handler file stems from hostile function names', () => {
  it.each(HOSTILE.map((name) => [JSON.stringify(name).slice(0, 60), name]))('%s', (_label, name) => {
    const stem = toFileStem(name);
    for (const suffix of SUFFIXES) expect(fileNameProblem(`${stem}${suffix}`), `${stem}${suffix}`).toBeUndefined();
    // Room for the counter uniqueNames may append.
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(MAX_FILE_STEM_BYTES);
    expect(toFileStem(name)).toBe(stem);
  });

  it('escapes device names readably and keeps ordinary names as they were', () => {
    expect(toFileStem('CON')).toBe('con_');
    expect(toFileStem('nul')).toBe('nul_');
    expect(toFileStem('PetsFunction')).toBe('pets-function');
    expect(toFileStem('my.func.')).toBe('my-func');
    expect(toFileStem('名前')).toBe('名前');
    // NFD and NFC spellings of a name are the same file on macOS: one stem.
    expect(toFileStem('cafe\u0301')).toBe(toFileStem('café'));
  });

  it('cuts long names on a character boundary and ends them in a hash of the whole name', () => {
    const a = toFileStem(long('x', 300));
    const b = toFileStem(`${long('x', 300)}-other`);
    expect(a).toMatch(/^x+-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    const accented = toFileStem(long('é', 600));
    expect(accented).toMatch(/^é+-[0-9a-f]{8}$/u);
    expect(Buffer.byteLength(accented)).toBeLessThanOrEqual(MAX_FILE_STEM_BYTES);
  });

  it('portableFileStem inserts the escape after the device name, so an extension cannot keep it reserved', () => {
    expect(portableFileStem('nul.d', 100)).toBe('nul_.d');
    expect(fileNameProblem(`${portableFileStem('AUX.tar', 100)}.gz`)).toBeUndefined();
    expect(portableFileStem('a:b?', 100)).toBe('a-b-');
    expect(portableFileStem('. .', 100, 'fallback')).toBe('fallback');
  });
});

const uri = (name: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${name}/invocations`;

/** Names an ARN can carry (no `:`), one route each. */
const SPEC_NAMES = ['CON', 'con', 'nul.txt', 'COM', 'com', 'com', 'LPT1', 'lpt', 'lpt', 'name.', 'a<b>|c?*', long('x', 300), `${long('x', 300)}-other`, long('é', 400)];

function specWith(names: readonly string[]): object {
  const paths: Record<string, object> = {};
  names.forEach((name, i) => {
    paths[`/r${i}`] = { get: { operationId: `get${i}`, responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: uri(name) } } };
  });
  return { openapi: '3.0.1', info: { title: 'Names', version: '1' }, paths };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

async function emit(spec: object) {
  const out = tempOutDir('file-names');
  dirs.push(out);
  const specFile = join(out, 'openapi.json');
  writeFileSync(specFile, JSON.stringify(spec));
  const document = await load(specFile);
  const api = normalize(document);
  return { out, api, files: emitHandlers(api, { document, config: {} }) };
}

describe('the handlers target writes every hostile function name', () => {
  it('one module per function, every path portable and distinct after case folding, stable across runs, written by the real writer', async () => {
    const { out, api, files } = await emit(specWith(SPEC_NAMES));
    const plan = planHandlers(api);
    // `com`/`com` and `lpt`/`lpt` are one function each (same ARN); `COM` and `com` are two.
    expect(plan.functions.length).toBe(new Set(SPEC_NAMES).size);
    const stems = plan.functions.map((f) => f.fileStem);
    expect(new Set(stems.map((s) => s.toLowerCase())).size).toBe(stems.length);
    // The counter that separates `COM` from `com` must not make a device name (`com2`).
    for (const stem of stems) expect(WINDOWS_DEVICE_NAMES).not.toContain(stem);
    for (const path of files.keys()) expect(fileNameProblem(path), path).toBeUndefined();
    expect(stems).toEqual(expect.arrayContaining(['con_', 'con_2', 'nul-txt', 'com', 'com10', 'name', 'a-b-c']));

    const again = await emit(specWith(SPEC_NAMES));
    expect([...again.files.keys()]).toEqual([...files.keys()]);

    const result = writeHandlers(files, out);
    expect(result.added).toHaveLength(files.size);
  });

  it('the default function named after a hostile API title', async () => {
    for (const title of ['CON', long('t', 300), 'prn.']) {
      const spec = { openapi: '3.0.1', info: { title, version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } } };
      const { out, files } = await emit(spec);
      for (const path of files.keys()) expect(fileNameProblem(path), path).toBeUndefined();
      expect(writeHandlers(files, out).added).toHaveLength(files.size);
    }
  });
});
