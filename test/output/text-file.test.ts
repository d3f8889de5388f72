import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTextFile } from '../../src/output/index.js';
import { ApigwError } from '../../src/errors.js';

describe('writeTextFile', () => {
  it('replaces the file and leaves no temp file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigw-text-'));
    const file = join(dir, 'baseline.json');
    writeFileSync(file, 'old');
    writeTextFile(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['baseline.json']);
  });

  it('a missing folder is IO_ERROR naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigw-text-'));
    const file = join(dir, 'missing', 'baseline.json');
    let error: unknown;
    try {
      writeTextFile(file, 'x');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApigwError);
    expect((error as ApigwError).code).toBe('IO_ERROR');
    expect((error as ApigwError).message).toContain(`cannot write ${file}`);
  });
});
