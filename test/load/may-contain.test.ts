// LoadedDocument.mayContain rules a word out from the source texts, without walking the document. It
// must never say "no" for a word the document holds: each way a parser or the bundler can spell a
// word that no text spells literally is tried here, against a walk over the loaded document.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { sharedDir, writeTree } from './helpers.js';
import { itShared } from '../support/shared.js';

const HEAD = 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\n';

/** Whether `word` occurs in any string or key of `data` (the walk mayContain saves). */
function holds(data: unknown, word: string): boolean {
  if (typeof data === 'string') return data.includes(word);
  if (data === null || typeof data !== 'object') return false;
  for (const key of Object.keys(data)) if (key.includes(word) || holds((data as Record<string, unknown>)[key], word)) return true;
  return false;
}

async function answer(files: Record<string, string>, word = 'stageVariables', entry = 'openapi.yaml'): Promise<{ may: boolean; holds: boolean }> {
  const dir = writeTree(files);
  const loaded = await load(path.join(dir, entry));
  return { may: loaded.mayContain!(word), holds: holds(loaded.document, word) };
}

describe('mayContain', () => {
  it('rules out a word no text spells, with backslashes outside double-quoted scalars (as in Stripe)', async () => {
    const spec = `${HEAD}paths:\n  /a:\n    get:\n      description: |\n        may not include \`\\\`, \`"\` characters\n      summary: a \\ b\n      operationId: 'it''s'\n`;
    expect(await answer({ 'openapi.yaml': spec })).toEqual({ may: false, holds: false });
  });

  it('finds a word spelled in a text', async () => {
    expect(await answer({ 'openapi.yaml': `${HEAD}paths: {}\nx-a: https://\${stageVariables.host}/\n` })).toEqual({ may: true, holds: true });
  });

  it('YAML escapes: \\x, \\u and a backslash line join in double-quoted scalars, in values and keys', async () => {
    expect(await answer({ 'openapi.yaml': `${HEAD}paths: {}\nx-a: "\\x73tageVariables.y"\n` })).toEqual({ may: true, holds: true });
    expect(await answer({ 'openapi.yaml': `${HEAD}paths: {}\n"\\u0073tageVariables.k": 1\n` })).toEqual({ may: true, holds: true });
    expect(await answer({ 'openapi.yaml': `${HEAD}paths: {}\nx-a: "stage\\\n   Variables.z"\n` })).toEqual({ may: true, holds: true });
    // a double-quoted escape that decodes to something else rules nothing in
    expect(await answer({ 'openapi.yaml': `${HEAD}paths: {}\nx-a: "stage\\tVariables"\n` })).toEqual({ may: false, holds: false });
  });

  it('folded lines never join two pieces into one word', async () => {
    const spec = `${HEAD}paths: {}\nx-a: stage\n  Variables.x\nx-b: >\n  stage\n  Variables.x\nx-c: 'stage\n  Variables.x'\n`;
    expect(await answer({ 'openapi.yaml': spec })).toEqual({ may: false, holds: false });
  });

  it('JSON: any backslash may be an escape', async () => {
    const json = (extra: string) => JSON.stringify({ openapi: '3.0.1', info: { title: 't', version: '1' }, paths: {} }).replace(/}$/, `,${extra}}`);
    expect(await answer({ 'openapi.json': json('"x-a":"\\u0073tageVariables.x"') }, 'stageVariables', 'openapi.json')).toEqual({ may: true, holds: true });
    expect(await answer({ 'openapi.json': json('"x-a":"a\\nb"') }, 'stageVariables', 'openapi.json')).toEqual({ may: true, holds: false });
    expect(await answer({ 'openapi.json': json('"x-a":"a b"') }, 'stageVariables', 'openapi.json')).toEqual({ may: false, holds: false });
  });

  it('YAML tags: a %TAG handle or a %-escape builds the key of an intrinsic', async () => {
    expect(await answer({ 'openapi.yaml': `%TAG !s! !stage\n---\n${HEAD}paths: {}\nx-a: !s!Variables.x foo\n` })).toEqual({ may: true, holds: true });
    expect(await answer({ 'openapi.yaml': `${HEAD}paths: {}\nx-a: !stage%56ariables.x foo\n` })).toEqual({ may: true, holds: true });
  });

  it('a "!" that is no tag (in text, in quotes, in a block) rules nothing in', async () => {
    const spec = `${HEAD}paths: {}\nx-a: First Step!\nx-b: "a != b"\nx-c: |\n  if !ok {}\n`;
    expect(await answer({ 'openapi.yaml': spec })).toEqual({ may: false, holds: false });
  });

  it('keys that are not strings in YAML read as null, true, Infinity', async () => {
    expect(await answer({ 'openapi.yaml': `${HEAD}paths: {}\nx-a:\n  ~: 1\n` }, 'null')).toEqual({ may: true, holds: true });
    expect(await answer({ 'openapi.yaml': `${HEAD}paths: {}\nx-a:\n  .inf: 1\n` }, 'Infinity')).toEqual({ may: true, holds: true });
  });

  it('names the bundler makes from percent-encoded file names', async () => {
    const files = {
      'openapi.yaml': `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: './stage%56ariables.x.yaml'}\n`,
      'stageVariables.x.yaml': 'type: object\n',
    };
    expect(await answer(files)).toEqual({ may: true, holds: true });
  });

  it('the content of a file read as text', async () => {
    const files = {
      'openapi.yaml': `${HEAD}paths: {}\nx-a: {$ref: './t.vtl'}\n`,
      't.vtl': '#set($x = $stageVariables.table)\n',
    };
    expect(await answer(files)).toEqual({ may: true, holds: true });
  });

  it('answers "maybe" for anything but a word of ASCII letters', async () => {
    const spec = `${HEAD}paths: {}\n`;
    expect((await answer({ 'openapi.yaml': spec }, 'stage-variables')).may).toBe(true);
  });

  itShared('Stripe holds no stage variable, and mayContain says so from its text', async () => {
    const loaded = await load(path.join(sharedDir, 'specs/stripe/openapi.yaml'));
    expect(loaded.mayContain!('stageVariables')).toBe(false);
    expect(holds(loaded.document, 'stageVariables')).toBe(false);
    expect(loaded.mayContain!('customer')).toBe(true);
  });
});
