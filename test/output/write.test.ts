import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { write, MANIFEST_NAME, type TargetFiles } from '../../src/output/index.js';
import { ApigwError } from '../../src/errors.js';
import type { FileSet, GeneratedFile } from '../../src/emit/types.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let work: string;
let out: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'apigw-gen-output-'));
  out = join(work, 'generated');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function fileSet(entries: Record<string, string | GeneratedFile>): FileSet {
  return new Map(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? { content: v } : v]));
}

/** Every file under dir, relative, sorted — to prove what exists and that nothing else does. */
function tree(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tree(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

function manifest(): { files: Record<string, { sha256: string; writeOnce?: boolean }> } {
  return JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8'));
}

/** The error `fn` throws (undefined if it returns). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Every file under dir with its content, to prove a refused write touched nothing. */
function contents(dir: string): [string, string][] {
  return tree(dir).map((p) => [p, readFileSync(join(dir, p), 'utf8')]);
}

/** Sets a file's mtime into the past so a rewrite would be visible. */
function age(path: string): number {
  const past = new Date(Date.now() - 3_600_000);
  utimesSync(path, past, past);
  return statSync(path).mtimeMs;
}

describe('write', () => {
  it('writes each target into its own folder and records a manifest with sha256 hashes', () => {
    const result = write({ sdk: fileSet({ 'client.ts': 'export {};\n', 'models/pet.ts': 'x' }), gateway: fileSet({ 'openapi.json': '{}' }) }, out);
    expect(tree(out)).toEqual([MANIFEST_NAME, 'gateway/openapi.json', 'sdk/client.ts', 'sdk/models/pet.ts']);
    expect(readFileSync(join(out, 'sdk/models/pet.ts'), 'utf8')).toBe('x');
    expect(result.added).toEqual(['gateway/openapi.json', 'sdk/client.ts', 'sdk/models/pet.ts']);
    expect(result.stale).toBe(true);
    expect(manifest().files['sdk/client.ts']).toEqual({ sha256: sha('export {};\n') });
    expect(manifest().files['sdk/models/pet.ts']).toEqual({ sha256: sha('x') });
  });

  it('does not rewrite unchanged files (mtime preserved) and rewrites changed ones', () => {
    write({ sdk: fileSet({ 'a.ts': 'A', 'b.ts': 'B' }) }, out);
    const aTime = age(join(out, 'sdk/a.ts'));
    const bTime = age(join(out, 'sdk/b.ts'));
    const manifestTime = age(join(out, MANIFEST_NAME));

    const same = write({ sdk: fileSet({ 'a.ts': 'A', 'b.ts': 'B' }) }, out);
    expect(same.unchanged).toEqual(['sdk/a.ts', 'sdk/b.ts']);
    expect(same.stale).toBe(false);
    expect(statSync(join(out, 'sdk/a.ts')).mtimeMs).toBe(aTime);
    expect(statSync(join(out, MANIFEST_NAME)).mtimeMs).toBe(manifestTime);

    const next = write({ sdk: fileSet({ 'a.ts': 'A', 'b.ts': 'B2' }) }, out);
    expect(next.changed).toEqual(['sdk/b.ts']);
    expect(statSync(join(out, 'sdk/a.ts')).mtimeMs).toBe(aTime);
    expect(statSync(join(out, 'sdk/b.ts')).mtimeMs).not.toBe(bTime);
    expect(readFileSync(join(out, 'sdk/b.ts'), 'utf8')).toBe('B2');
  });

  it('keeps the file mode of a file it replaces', () => {
    write({ handlers: fileSet({ 'run.sh': 'v1' }) }, out);
    chmodSync(join(out, 'handlers/run.sh'), 0o755);
    write({ handlers: fileSet({ 'run.sh': 'v2' }) }, out);
    expect(statSync(join(out, 'handlers/run.sh')).mode & 0o777).toBe(0o755);
  });

  it('writes a write-once file when missing and never overwrites or removes it', () => {
    const stub = { content: 'export const handler = () => 1;\n', writeOnce: true };
    write({ handlers: fileSet({ 'pets.ts': stub }) }, out);
    expect(readFileSync(join(out, 'handlers/pets.ts'), 'utf8')).toBe(stub.content);
    expect(manifest().files['handlers/pets.ts']!.writeOnce).toBe(true);

    writeFileSync(join(out, 'handlers/pets.ts'), 'my implementation');
    const again = write({ handlers: fileSet({ 'pets.ts': { content: 'new stub', writeOnce: true } }) }, out);
    expect(again.kept).toEqual(['handlers/pets.ts']);
    expect(again.stale).toBe(false);
    expect(readFileSync(join(out, 'handlers/pets.ts'), 'utf8')).toBe('my implementation');

    // No longer generated at all: still never removed.
    const gone = write({ handlers: fileSet({}) }, out);
    expect(gone.removed).toEqual([]);
    expect(readFileSync(join(out, 'handlers/pets.ts'), 'utf8')).toBe('my implementation');
  });

  it('never overwrites a user file that already exists where a write-once stub would go', () => {
    mkdirSync(join(out, 'handlers'), { recursive: true });
    writeFileSync(join(out, 'handlers/pets.ts'), 'written by hand');
    const result = write({ handlers: fileSet({ 'pets.ts': { content: 'stub', writeOnce: true } }) }, out);
    expect(result.kept).toEqual(['handlers/pets.ts']);
    expect(readFileSync(join(out, 'handlers/pets.ts'), 'utf8')).toBe('written by hand');
    // It was never ours, so it is not tracked as generated.
    expect(existsSync(join(out, MANIFEST_NAME)) ? manifest().files['handlers/pets.ts'] : undefined).toBeUndefined();
  });

  it('removes files it generated that are no longer generated, and the folders that leaves empty', () => {
    write({ sdk: fileSet({ 'keep.ts': 'k', 'old/gone.ts': 'g' }) }, out);
    const result = write({ sdk: fileSet({ 'keep.ts': 'k' }) }, out);
    expect(result.removed).toEqual(['sdk/old/gone.ts']);
    expect(tree(out)).toEqual([MANIFEST_NAME, 'sdk/keep.ts']);
    expect(Object.keys(manifest().files)).toEqual(['sdk/keep.ts']);
  });

  it('never removes a user file, nor a generated file the user edited since', () => {
    write({ sdk: fileSet({ 'a.ts': 'A', 'edited.ts': 'E' }) }, out);
    writeFileSync(join(out, 'sdk/mine.ts'), 'user file');
    writeFileSync(join(out, 'sdk/edited.ts'), 'E, edited by the user');
    const result = write({ sdk: fileSet({ 'a.ts': 'A' }) }, out);
    expect(result.removed).toEqual([]);
    expect(result.abandoned).toEqual(['sdk/edited.ts']);
    expect(tree(join(out, 'sdk'))).toEqual(['a.ts', 'edited.ts', 'mine.ts']);
    expect(Object.keys(manifest().files)).toEqual(['sdk/a.ts']);
  });

  it('leaves targets that were not written this time alone', () => {
    write({ sdk: fileSet({ 'a.ts': 'A' }), handlers: fileSet({ 'types.ts': 'T' }) }, out);
    const result = write({ sdk: fileSet({ 'a.ts': 'A' }) }, out);
    expect(result.removed).toEqual([]);
    expect(tree(out)).toContain('handlers/types.ts');
    expect(Object.keys(manifest().files).sort()).toEqual(['handlers/types.ts', 'sdk/a.ts']);
  });

  it('does not delete outside the output folder even when the manifest was tampered with', () => {
    write({ sdk: fileSet({ 'a.ts': 'A' }) }, out);
    const victim = join(work, 'victim.txt');
    writeFileSync(victim, 'precious');
    const hash = sha('precious');
    writeFileSync(join(out, MANIFEST_NAME), JSON.stringify({ files: { 'sdk/../../victim.txt': { sha256: hash }, 'sdk/a.ts': { sha256: 'x' } } }));
    write({ sdk: fileSet({}) }, out);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it.each([
    ['../escape.ts', /"\.\." segment/],
    ['a/../../escape.ts', /"\.\." segment/],
    ['/etc/passwd', /absolute/],
    ['C:/x.ts', /drive letter/],
    ['a\\..\\..\\x.ts', /backslash/],
    ['a\0.ts', /NUL/],
    ['', /empty/],
    ['a//b.ts', /empty segment/],
    ['./a.ts', /"\." segment/],
  ])('rejects the unsafe path %j with UNSAFE_PATH and writes nothing', (path, message) => {
    let error: unknown;
    try {
      write({ sdk: fileSet({ 'fine.ts': 'ok', [path]: 'evil' }) }, out);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApigwError);
    expect((error as ApigwError).code).toBe('UNSAFE_PATH');
    expect((error as ApigwError).message).toMatch(message);
    expect(tree(work)).toEqual([]);
  });

  // Paths that stay inside the output folder but that a file system cannot hold (Windows, macOS or
  // Linux: the output is committed and checked out anywhere). Found before anything is written.
  it.each([
    ['con.ts', /\(con is a device name reserved on Windows \(with any extension\)\)/],
    ['x/NUL.d.ts', /"NUL\.d\.ts": NUL is a device name reserved on Windows/],
    ['Lpt9', /Lpt9 is a device name/],
    ['com1.generated.ts', /com1 is a device name/],
    ['CONIN$.ts', /CONIN\$ is a device name/],
    ['aux .ts', /aux is a device name/],
    ['name.', /ends in a dot or a space/],
    ['name ', /ends in a dot or a space/],
    ['dir./a.ts', /"dir\.": the name ends in a dot/],
    ['ab:c.ts', /contains ":"/],
    ['a?.ts', /contains "\?"/],
    ['a<b>.ts', /contains "<"/],
    ['a|b.ts', /contains "\|"/],
    ['a"b.ts', /contains "\\""/],
    ['a*.ts', /contains "\*"/],
    ['tab\t.ts', /contains "\\t"/],
    [`${'x'.repeat(253)}.ts`, /256 bytes long in UTF-8; file systems accept at most 255/],
    [`${'é'.repeat(128)}.ts`, /259 bytes long in UTF-8/],
    ['\uD800.ts', /lone surrogate/],
  ])('refuses the unwritable path %j with UNSAFE_PATH naming it, and writes nothing', (path, reason) => {
    const error = thrown(() => write({ sdk: fileSet({ 'fine.ts': 'ok', [path]: 'x' }) }, out));
    expect(error).toBeInstanceOf(ApigwError);
    expect((error as ApigwError).code).toBe('UNSAFE_PATH');
    expect((error as ApigwError).message).toContain(`sdk/${path}  (`);
    expect((error as ApigwError).message).toMatch(reason);
    expect((error as ApigwError).message).toMatch(/nothing was written/);
    expect(tree(work)).toEqual([]);
  });

  it('accepts a name of exactly 255 UTF-8 bytes', () => {
    const name = `${'é'.repeat(126)}.ts`;
    expect(Buffer.byteLength(name)).toBe(255);
    expect(write({ sdk: fileSet({ [name]: 'x' }) }, out).added).toEqual([`sdk/${name}`]);
  });

  it('lists every unwritable path at once and leaves an existing output exactly as it was', () => {
    write({ handlers: fileSet({ 'a.ts': 'A1' }) }, out);
    const before = contents(out);
    const error = thrown(() => write({ handlers: fileSet({ 'a.ts': 'A2', 'prn.ts': 'P', [`${'f'.repeat(300)}.generated.ts`]: 'F' }) }, out));
    expect((error as ApigwError).code).toBe('UNSAFE_PATH');
    const message = (error as ApigwError).message;
    expect(message).toMatch(/^refusing to write 2 generated files whose paths cannot be written on every file system; nothing was written\./);
    expect(message).toContain('handlers/prn.ts  (prn is a device name reserved on Windows');
    expect(message).toContain(`handlers/${'f'.repeat(300)}.generated.ts  (the name is 313 bytes long`);
    expect(contents(out)).toEqual(before);
  });

  it('refuses two paths that one case-insensitive or normalization-insensitive file system would merge', () => {
    const error = thrown(() => write({ sdk: fileSet({ 'Client.ts': 'A', 'client.ts': 'B', 'caf\u00e9.ts': 'C', 'cafe\u0301.ts': 'D' }) }, out));
    expect((error as ApigwError).code).toBe('UNSAFE_PATH');
    expect((error as ApigwError).message).toContain('sdk/client.ts  (differs from sdk/Client.ts only in case or Unicode normalization');
    expect((error as ApigwError).message).toContain('sdk/cafe\u0301.ts  (differs from sdk/caf\u00e9.ts');
    expect(tree(work)).toEqual([]);
    // A file and a folder whose names differ only in case clash the same way.
    expect(() => write({ sdk: fileSet({ B: 'B', 'b/c.ts': 'C' }) }, out)).toThrow(/both the file sdk\/B and the file sdk\/b\/c.ts/);
  });

  it('refuses a file whose absolute path would pass the 4095 bytes Linux accepts, before creating any folder', () => {
    // Folders of 250 bytes each (a segment may have 255): the output folder itself is writable.
    let deep = work;
    while (Buffer.byteLength(deep) < 3900) deep = join(deep, 'd'.repeat(250));
    const name = `${'n'.repeat(240)}.ts`;
    const error = thrown(() => write({ sdk: fileSet({ 'short.ts': 'S', [name]: 'N' }) }, deep));
    expect((error as ApigwError).code).toBe('UNSAFE_PATH');
    expect((error as ApigwError).message).toMatch(new RegExp(`sdk/${name}  \\(the full path is \\d+ bytes long in UTF-8; file systems accept at most 4095\\)`));
    expect(tree(work)).toEqual([]);
  });

  it('refuses to write through a symlinked folder that points outside the output folder', () => {
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(out);
    symlinkSync(elsewhere, join(out, 'sdk'));
    expect(() => write({ sdk: fileSet({ 'a.ts': 'A' }) }, out)).toThrow(/resolves outside the output folder/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('never leaves a half-written output folder: on failure no file changes and temp files are cleaned', () => {
    write({ sdk: fileSet({ 'a.ts': 'A1' }) }, out);
    // A user file `blocker` sits where a folder must go: creating `blocker/c.ts` fails only after
    // the new content of a.ts is already in its temp file.
    writeFileSync(join(out, 'sdk/blocker'), 'user');
    const error = thrown(() => write({ sdk: fileSet({ 'a.ts': 'A2', 'blocker/c.ts': 'C' }) }, out));
    expect(error).toBeInstanceOf(ApigwError);
    expect((error as ApigwError).code).toBe('IO_ERROR');
    expect((error as ApigwError).message).toContain(`${join(out, 'sdk/blocker')} is a file, not a folder`);
    expect(readFileSync(join(out, 'sdk/a.ts'), 'utf8')).toBe('A1');
    expect(tree(out)).toEqual([MANIFEST_NAME, 'sdk/a.ts', 'sdk/blocker']);
  });

  it('removes the folders it created when a write fails', () => {
    mkdirSync(join(out, 'sdk'), { recursive: true });
    writeFileSync(join(out, 'sdk/blocker'), 'user');
    expect(() => write({ sdk: fileSet({ 'new/deep/x.ts': 'X', 'blocker/y.ts': 'Y' }) }, out)).toThrow();
    expect(tree(work)).toEqual(['generated/sdk/blocker']);
    expect(existsSync(join(out, 'sdk/new'))).toBe(false);
  });

  it('refuses to generate a file and a folder of the same name, before touching anything', () => {
    expect(() => write({ sdk: fileSet({ b: 'B', 'b/c.ts': 'C' }) }, out)).toThrow(/both the file sdk\/b and the file sdk\/b\/c.ts/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to replace a folder with a file, before touching anything', () => {
    mkdirSync(join(out, 'sdk/thing'), { recursive: true });
    expect(() => write({ sdk: fileSet({ 'a.ts': 'A', thing: 'T' }) }, out)).toThrow(/exists and is not a regular file/);
    expect(existsSync(join(out, 'sdk/a.ts'))).toBe(false);
  });

  it('check mode writes nothing and lists what would be added, changed and removed', () => {
    write({ sdk: fileSet({ 'same.ts': 'S', 'changes.ts': 'C1', 'goes.ts': 'G' }), handlers: fileSet({ 'stub.ts': { content: 's', writeOnce: true } }) }, out);
    writeFileSync(join(out, 'handlers/stub.ts'), 'edited stub');
    const before = tree(out).map((p) => [p, readFileSync(join(out, p), 'utf8'), statSync(join(out, p)).mtimeMs]);

    const result = write(
      { sdk: fileSet({ 'same.ts': 'S', 'changes.ts': 'C2', 'new.ts': 'N' }), handlers: fileSet({ 'stub.ts': { content: 'other stub', writeOnce: true } }) },
      out,
      { check: true },
    );
    expect(result.check).toBe(true);
    expect(result.added).toEqual(['sdk/new.ts']);
    expect(result.changed).toEqual(['sdk/changes.ts']);
    expect(result.removed).toEqual(['sdk/goes.ts']);
    expect(result.stale).toBe(true);
    // A write-once file that exists is never stale.
    expect(result.kept).toEqual(['handlers/stub.ts']);
    expect(tree(out).map((p) => [p, readFileSync(join(out, p), 'utf8'), statSync(join(out, p)).mtimeMs])).toEqual(before);

    // A deleted stub is something a build would add back.
    rmSync(join(out, 'handlers/stub.ts'));
    expect(write({ handlers: fileSet({ 'stub.ts': { content: 's', writeOnce: true } }) }, out, { check: true }).added).toEqual(['handlers/stub.ts']);
  });

  it('check mode on an up-to-date folder reports nothing stale', () => {
    const files: TargetFiles = { sdk: fileSet({ 'a.ts': 'A' }), templates: fileSet({ 'x.vtl': '$input.body' }) };
    write(files, out);
    const result = write(files, out, { check: true });
    expect(result.stale).toBe(false);
    expect(result.unchanged).toEqual(['sdk/a.ts', 'templates/x.vtl']);
  });

  it('check mode on a missing output folder creates nothing', () => {
    const result = write({ sdk: fileSet({ 'a.ts': 'A' }) }, out, { check: true });
    expect(result.added).toEqual(['sdk/a.ts']);
    expect(existsSync(out)).toBe(false);
  });

  it('keeps __proto__-style paths as data in the manifest', () => {
    // An object literal's `__proto__` would set the prototype, so build the FileSet from a Map.
    write({ sdk: new Map([['__proto__', { content: 'P' }], ['constructor', { content: 'C' }]]) }, out);
    expect(readFileSync(join(out, 'sdk/__proto__'), 'utf8')).toBe('P');
    expect(Object.keys(manifest().files).sort()).toEqual(['sdk/__proto__', 'sdk/constructor']);
    write({ sdk: new Map([['constructor', { content: 'C' }]]) }, out);
    expect(existsSync(join(out, 'sdk/__proto__'))).toBe(false);
  });
});

describe('write: files it did not generate (or that were edited) are never overwritten', () => {
  it('refuses to replace a user file at a generated path, names it, and writes nothing at all', () => {
    mkdirSync(join(out, 'sdk'), { recursive: true });
    writeFileSync(join(out, 'sdk/index.ts'), 'my precious');
    const error = thrown(() => write({ sdk: fileSet({ 'index.ts': 'generated', 'client.ts': 'C' }), gateway: fileSet({ 'openapi.json': '{}' }) }, out));
    expect(error).toBeInstanceOf(ApigwError);
    expect((error as ApigwError).code).toBe('OUTPUT_CONFLICT');
    const message = (error as ApigwError).message;
    expect(message).toContain('sdk/index.ts  (not generated by apigw-gen)');
    expect(message).toMatch(/move it out of the output folder/);
    expect(message).toMatch(/delete it/);
    expect(message).not.toContain('client.ts');
    // Not even the files without a conflict, nor a manifest, nor temp files.
    expect(contents(work)).toEqual([['generated/sdk/index.ts', 'my precious']]);
  });

  it('refuses to replace a generated file the user edited since, and keeps the edit', () => {
    write({ sdk: fileSet({ 'a.ts': 'A1', 'b.ts': 'B1' }) }, out);
    writeFileSync(join(out, 'sdk/b.ts'), 'B1 + my fix');
    const before = contents(out);
    const error = thrown(() => write({ sdk: fileSet({ 'a.ts': 'A2', 'b.ts': 'B2' }) }, out));
    expect((error as ApigwError).code).toBe('OUTPUT_CONFLICT');
    expect((error as ApigwError).message).toContain('sdk/b.ts  (generated by apigw-gen, then edited)');
    expect((error as ApigwError).message).not.toContain('sdk/a.ts');
    expect(contents(out)).toEqual(before);
  });

  it('lists every conflicting file in one error', () => {
    write({ sdk: fileSet({ 'a.ts': 'A1' }) }, out);
    writeFileSync(join(out, 'sdk/a.ts'), 'edited');
    writeFileSync(join(out, 'sdk/z.ts'), 'mine');
    const error = thrown(() => write({ sdk: fileSet({ 'a.ts': 'A2', 'z.ts': 'Z' }) }, out)) as ApigwError;
    expect(error.message).toMatch(/refusing to overwrite 2 files/);
    expect(error.message).toContain('sdk/a.ts  (generated by apigw-gen, then edited)');
    expect(error.message).toContain('sdk/z.ts  (not generated by apigw-gen)');
  });

  it('regenerates a conflicting file once the user deletes it', () => {
    write({ sdk: fileSet({ 'b.ts': 'B1' }) }, out);
    writeFileSync(join(out, 'sdk/b.ts'), 'edited');
    expect(() => write({ sdk: fileSet({ 'b.ts': 'B2' }) }, out)).toThrow(ApigwError);
    rmSync(join(out, 'sdk/b.ts'));
    const result = write({ sdk: fileSet({ 'b.ts': 'B2' }) }, out);
    expect(result.added).toEqual(['sdk/b.ts']);
    expect(readFileSync(join(out, 'sdk/b.ts'), 'utf8')).toBe('B2');
    expect(manifest().files['sdk/b.ts']).toEqual({ sha256: sha('B2') });
  });

  it('still replaces a generated file that nobody edited', () => {
    write({ sdk: fileSet({ 'b.ts': 'B1' }) }, out);
    expect(write({ sdk: fileSet({ 'b.ts': 'B2' }) }, out).changed).toEqual(['sdk/b.ts']);
    expect(readFileSync(join(out, 'sdk/b.ts'), 'utf8')).toBe('B2');
  });

  it('a file that already holds exactly the new content is no conflict, and becomes tracked', () => {
    mkdirSync(join(out, 'sdk'), { recursive: true });
    writeFileSync(join(out, 'sdk/a.ts'), 'A');
    const result = write({ sdk: fileSet({ 'a.ts': 'A' }) }, out);
    expect(result.unchanged).toEqual(['sdk/a.ts']);
    expect(manifest().files['sdk/a.ts']).toEqual({ sha256: sha('A') });
  });

  it('a first build into an existing empty folder works', () => {
    mkdirSync(out);
    const result = write({ sdk: fileSet({ 'a.ts': 'A' }) }, out);
    expect(result.added).toEqual(['sdk/a.ts']);
    expect(tree(out)).toEqual([MANIFEST_NAME, 'sdk/a.ts']);
  });

  it('unrelated user files in the output folder are left alone and do not block a build', () => {
    mkdirSync(join(out, 'sdk'), { recursive: true });
    writeFileSync(join(out, 'notes.md'), 'my notes');
    writeFileSync(join(out, 'sdk/extra.ts'), 'my helper');
    const result = write({ sdk: fileSet({ 'a.ts': 'A' }), gateway: fileSet({ 'openapi.json': '{}' }) }, out);
    expect(result.added).toEqual(['gateway/openapi.json', 'sdk/a.ts']);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('my notes');
    expect(readFileSync(join(out, 'sdk/extra.ts'), 'utf8')).toBe('my helper');
    expect(Object.keys(manifest().files).sort()).toEqual(['gateway/openapi.json', 'sdk/a.ts']);
  });

  it('a lost or corrupt manifest makes differing files conflicts (the safe side), not overwrites', () => {
    write({ sdk: fileSet({ 'a.ts': 'A1' }) }, out);
    writeFileSync(join(out, MANIFEST_NAME), '{ not json');
    expect((thrown(() => write({ sdk: fileSet({ 'a.ts': 'A2' }) }, out)) as ApigwError).code).toBe('OUTPUT_CONFLICT');
    expect(readFileSync(join(out, 'sdk/a.ts'), 'utf8')).toBe('A1');
  });

  it('check mode reports conflicts as stale without throwing, and writes nothing', () => {
    write({ sdk: fileSet({ 'a.ts': 'A1', 'b.ts': 'B1' }) }, out);
    writeFileSync(join(out, 'sdk/b.ts'), 'edited');
    writeFileSync(join(out, 'sdk/c.ts'), 'mine');
    const before = contents(out);
    const result = write({ sdk: fileSet({ 'a.ts': 'A1', 'b.ts': 'B2', 'c.ts': 'C' }) }, out, { check: true });
    expect(result.conflicts).toEqual(['sdk/b.ts', 'sdk/c.ts']);
    expect(result.changed).toEqual([]);
    expect(result.added).toEqual([]);
    expect(result.stale).toBe(true);
    expect(contents(out)).toEqual(before);
  });
});

describe('write: file-system failures are user errors (IO_ERROR) that name the path', () => {
  it('an output folder that is an existing regular file', () => {
    writeFileSync(out, 'a file, not a folder');
    for (const options of [{}, { check: true }]) {
      const error = thrown(() => write({ sdk: fileSet({ 'a.ts': 'A' }) }, out, options));
      expect(error).toBeInstanceOf(ApigwError);
      expect((error as ApigwError).code).toBe('IO_ERROR');
      expect((error as ApigwError).message).toBe(`cannot write into the output folder ${out}: it exists and is a file, not a folder (choose another output folder)`);
    }
    expect(contents(work)).toEqual([['generated', 'a file, not a folder']]);
  });

  it('a file where a target folder must go: nothing written, temps and created folders cleaned', () => {
    mkdirSync(out);
    writeFileSync(join(out, 'sdk'), 'user file named sdk');
    const error = thrown(() => write({ gateway: fileSet({ 'openapi.json': '{}' }), sdk: fileSet({ 'a.ts': 'A' }) }, out));
    expect((error as ApigwError).code).toBe('IO_ERROR');
    expect((error as ApigwError).message).toBe(
      `cannot create folder ${join(out, 'sdk')}: ${join(out, 'sdk')} is a file, not a folder (move it away or choose another output folder)`,
    );
    expect(contents(work)).toEqual([['generated/sdk', 'user file named sdk']]);
  });

  it('a folder where the manifest must go: refused before any file is written', () => {
    mkdirSync(join(out, MANIFEST_NAME), { recursive: true });
    const error = thrown(() => write({ sdk: fileSet({ 'a.ts': 'A' }) }, out));
    expect((error as ApigwError).code).toBe('IO_ERROR');
    expect((error as ApigwError).message).toContain(`cannot read the manifest ${join(out, MANIFEST_NAME)}: a folder of that name exists`);
    expect(existsSync(join(out, 'sdk'))).toBe(false);
    expect(readdirSync(out)).toEqual([MANIFEST_NAME]);
  });
});
