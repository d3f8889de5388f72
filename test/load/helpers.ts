// Shared paths and a scratch-folder helper for the load tests.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ApigwError } from '../../src/errors.js';
import { SHARED_DIR } from '../support/shared.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** `../shared` beside the repository, as in CI. */
export const sharedDir = SHARED_DIR;
export const fixturesDir = path.join(repoRoot, 'fixtures');

/** Writes `files` (relative path → text) into a fresh temporary folder; returns its path. */
export function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'apigw-load-'));
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** Awaits `promise`, expecting an ApigwError; returns it. */
export async function expectApigwError(promise: Promise<unknown>): Promise<ApigwError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ApigwError);
  return caught as ApigwError;
}

/** Every `$ref` string in a document, with the pointer of the object holding it. */
export function collectRefs(node: unknown, pointer = '', out: Array<{ at: string; ref: string }> = []): Array<{ at: string; ref: string }> {
  if (Array.isArray(node)) node.forEach((item, i) => collectRefs(item, `${pointer}/${i}`, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push({ at: pointer, ref: value });
      else collectRefs(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
    }
  }
  return out;
}

/** Follows an internal `$ref` (`#/a/b`) in `document`; undefined when it leads nowhere. */
export function resolveInternal(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const pointer = decodeURIComponent(ref.slice(1));
  if (pointer === '') return document;
  let cur: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, token)) return undefined;
    cur = (cur as Record<string, unknown>)[token];
  }
  return cur;
}

/**
 * Asserts that every `$ref` of a bundled document is internal and points at something, except those
 * held at `brokenAt` (pointers of refs load recorded as broken), which must be internal too.
 */
export function expectSelfContained(document: unknown, brokenAt: ReadonlySet<string> = new Set()): void {
  const refs = collectRefs(document);
  const bad = refs.filter(({ at, ref }) => !ref.startsWith('#') || (!brokenAt.has(at) && resolveInternal(document, ref) === undefined));
  expect(bad).toEqual([]);
}
