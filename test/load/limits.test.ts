// The load limits (src/load/limits.ts): nesting depth in every way a document can nest (JSON, YAML
// block and flow, through aliases, across bundled files) and the alias budget. At the limit a
// document loads; one step over it is a TOO_LARGE error at the file, line and column that crossed.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { MAX_ALIAS_EXPANSION, MAX_ALIASES, MAX_NESTING_DEPTH } from '../../src/load/limits.js';
import { expectApigwError, writeTree } from './helpers.js';

const HEAD = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n';

/** `levels` nested flow sequences, innermost holding a scalar: `[[[1]]]` is 3 levels. */
function flowNest(levels: number): string {
  return `${'['.repeat(levels)}1${']'.repeat(levels)}`;
}

/** `levels` nested block mappings under `key`, starting at `indent` spaces. */
function blockNest(levels: number, indent: number): string {
  let out = '';
  for (let i = 0; i < levels; i++) out += `${' '.repeat(indent + i)}k:\n`;
  return `${out}${' '.repeat(indent + levels)}leaf: 1\n`;
}

interface DepthCase {
  name: string;
  /** Files of a project whose entry is `api.*`, with the whole document nested `depth` levels (root = 1). */
  files: (depth: number) => Record<string, string>;
  entry: string;
  /** Where the error must point when the document is one level too deep. */
  at: (dir: string) => { file: string; line: number; column: number };
}

const depthCases: DepthCase[] = [
  {
    name: 'JSON',
    entry: 'api.json',
    files: (depth) => ({ 'api.json': `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},\n "x-deep": ${flowNest(depth - 1)}}` }),
    // the root `{` is level 1 and the first `[` (column 12) level 2, so the (limit)th `[` crosses
    at: (dir) => ({ file: path.join(dir, 'api.json'), line: 2, column: 12 + MAX_NESTING_DEPTH - 1 }),
  },
  {
    name: 'YAML flow',
    entry: 'api.yaml',
    files: (depth) => ({ 'api.yaml': `${HEAD}x-deep: ${flowNest(depth - 1)}\n` }),
    // js-yaml marks a flow collection just past its opening bracket: the (limit)th `[` is at column 9 + limit - 1
    at: (dir) => ({ file: path.join(dir, 'api.yaml'), line: 4, column: 9 + MAX_NESTING_DEPTH }),
  },
  {
    name: 'YAML block',
    entry: 'api.yaml',
    files: (depth) => ({ 'api.yaml': `${HEAD}x-deep:\n${blockNest(depth - 2, 2)}` }),
    // the mapping at line 5 + i (indent 2 + i) is level 2 + i; the one over the limit starts at its key
    at: (dir) => ({ file: path.join(dir, 'api.yaml'), line: 5 + MAX_NESTING_DEPTH - 1, column: MAX_NESTING_DEPTH + 2 }),
  },
  {
    name: 'YAML aliases (an anchor nested again by its alias)',
    entry: 'api.yaml',
    // the anchor is 50 levels high; its alias sits inside the root and (depth - 51) brackets
    files: (depth) => ({ 'api.yaml': `${HEAD}x-anchor: &a ${flowNest(50)}\nx-deep: ${'['.repeat(depth - 51)}*a${']'.repeat(depth - 51)}\n` }),
    at: (dir) => ({ file: path.join(dir, 'api.yaml'), line: 5, column: 9 + (MAX_NESTING_DEPTH + 1 - 51) }),
  },
  {
    name: 'bundled files (each under the limit on its own)',
    entry: 'api.yaml',
    // api.yaml puts pet.yaml's path item 3 levels deep (root, paths, /pets)
    files: (depth) => ({
      'api.yaml': 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /pets:\n    $ref: pet.yaml\n',
      'pet.yaml': `x-deep: ${flowNest(depth - 3)}\n`,
    }),
    at: (dir) => ({ file: path.join(dir, 'pet.yaml'), line: 1, column: 9 + (MAX_NESTING_DEPTH - 3) }),
  },
];

describe('nesting limit', () => {
  it.each(depthCases)('$name: $entry nested to the limit loads', async ({ files, entry }) => {
    const dir = writeTree(files(MAX_NESTING_DEPTH));
    const loaded = await load(path.join(dir, entry));
    expect(loaded.document.openapi).toBe('3.0.3');
  });

  it.each(depthCases)('$name: one level more is TOO_LARGE at the node that crosses', async ({ files, entry, at }) => {
    const dir = writeTree(files(MAX_NESTING_DEPTH + 1));
    const error = await expectApigwError(load(path.join(dir, entry)));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain(`${MAX_NESTING_DEPTH}`);
    expect(error.position).toEqual(at(dir));
  });

  it('refuses depth that would overflow every recursive walk (JSON 100,000 deep) without a RangeError', async () => {
    const dir = writeTree({ 'api.json': `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x": ${flowNest(100_000)}}` });
    const error = await expectApigwError(load(path.join(dir, 'api.json')));
    expect(error.code).toBe('TOO_LARGE');
  });

  it('does not count brackets inside JSON strings', async () => {
    const dir = writeTree({ 'api.json': JSON.stringify({ openapi: '3.0.3', info: { title: '[{'.repeat(500), version: '"\\[' }, paths: {} }) });
    await expect(load(path.join(dir, 'api.json'))).resolves.toBeDefined();
  });
});

/** A bomb: anchor l0 is a list of one scalar; each next anchor lists `fan` aliases of the one before. */
function aliasBomb(levels: number, fan: number): string {
  let text = `${HEAD}x-bomb:\n  l0: &l0 [lol]\n`;
  for (let i = 1; i < levels; i++) text += `  l${i}: &l${i} [${Array(fan).fill(`*l${i - 1}`).join(', ')}]\n`;
  return `${text}x-use: *l${levels - 1}\n`;
}

describe('alias budget', () => {
  it('refuses a billion laughs at the first alias that crosses the expansion budget', async () => {
    const dir = writeTree({ 'api.yaml': aliasBomb(10, 9) });
    const error = await expectApigwError(load(path.join(dir, 'api.yaml')));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain(`${MAX_ALIAS_EXPANSION}`);
    // l1…l4 add 15,642 nodes; each *l4 (13,942 nodes) adds 13,941 more, so the 7th alias in l5's list (line 10) crosses
    expect(error.position).toEqual({ file: path.join(dir, 'api.yaml'), line: 10, column: 42 });
    expect(error.message).toContain('this alias of *l4');
  });

  it('accepts expansion up to the budget, refuses one node more', async () => {
    // an anchor of n scalars is n + 1 nodes, so each alias of it adds n
    const n = 1000;
    const uses = MAX_ALIAS_EXPANSION / n;
    const spec = (count: number) => `${HEAD}x-anchor: &a [${Array(n).fill('v').join(', ')}]\nx-uses:\n${'  - *a\n'.repeat(count)}`;
    await expect(load(path.join(writeTree({ 'api.yaml': spec(uses) }), 'api.yaml'))).resolves.toBeDefined();
    const dir = writeTree({ 'api.yaml': `${spec(uses)}  - [*a]\n` });
    const error = await expectApigwError(load(path.join(dir, 'api.yaml')));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.position).toEqual({ file: path.join(dir, 'api.yaml'), line: 6 + uses, column: 6 });
  });

  it(`refuses more than ${MAX_ALIASES} aliases, at the one over`, async () => {
    const spec = (count: number) => `${HEAD}x-anchor: &a v\nx-uses: [${Array(count).fill('*a').join(', ')}]\n`;
    await expect(load(path.join(writeTree({ 'api.yaml': spec(MAX_ALIASES) }), 'api.yaml'))).resolves.toBeDefined();
    const dir = writeTree({ 'api.yaml': spec(MAX_ALIASES + 1) });
    const error = await expectApigwError(load(path.join(dir, 'api.yaml')));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain(`${MAX_ALIASES} YAML aliases`);
    expect(error.position).toEqual({ file: path.join(dir, 'api.yaml'), line: 5, column: 10 + 4 * MAX_ALIASES });
  });

  it.each([
    ['a mapping', 'x-loop: &x\n  self: *x\n', 5, 9],
    ['a sequence', 'x-loop: &x [1, [*x]]\n', 4, 17],
    ['a merge key', 'x-loop: &x\n  a: 1\n  b:\n    <<: *x\n', 7, 9],
  ])('refuses an alias inside the node it names (%s), which would make the data circular', async (_name, body, line, column) => {
    const dir = writeTree({ 'api.yaml': `${HEAD}${body}` });
    const error = await expectApigwError(load(path.join(dir, 'api.yaml')));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('inside the node it names');
    expect(error.position).toEqual({ file: path.join(dir, 'api.yaml'), line, column });
  });

  it('loads the common use: one integration anchored, aliased by 300 operations', async () => {
    let text = `openapi: 3.0.3\ninfo: {title: t, version: "1"}\nx-integration: &lambda\n  type: aws_proxy\n  httpMethod: POST\n  uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations\npaths:\n`;
    for (let i = 0; i < 300; i++) text += `  /r${i}:\n    get:\n      responses: {"200": {description: ok}}\n      x-amazon-apigateway-integration: *lambda\n`;
    const loaded = await load(path.join(writeTree({ 'api.yaml': text }), 'api.yaml'));
    expect(Object.keys(loaded.document.paths as object)).toHaveLength(300);
  });
});
