// The public API composes like the CLI: load → normalize → lint → emit → write.
import { describe, it, expect, afterEach } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as apigw from '../src/index.js';

const petstore = resolve(__dirname, '../fixtures/petstore/openapi.yaml');
let out: string | undefined;
afterEach(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('public API', () => {
  it('runs each stage by hand on the petstore', async () => {
    out = mkdtempSync(join(tmpdir(), 'apigw-gen-api-'));
    const document = await apigw.load(petstore);
    expect(document.entry).toBe(petstore);
    const api = apigw.normalize(document);
    expect(api.kind).toBe('rest');
    expect(apigw.routeRows(api).some((r) => r.method === 'GET' && r.path === '/pets')).toBe(true);
    const diagnostics = apigw.lint(api, document, {});
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const files = apigw.emit(api, { document, config: {} });
    expect(Object.keys(files).sort()).toEqual(['gateway', 'handlers', 'sdk', 'templates']);
    const first = apigw.write(files, out);
    expect(first.check).toBe(false);
    const again = apigw.write(apigw.emit(api, { document, config: {} }), out, { check: true });
    expect(again.stale).toBe(false);
  });

  it('build() does what `apigw-gen build` does and reports errors as ApigwError', async () => {
    out = mkdtempSync(join(tmpdir(), 'apigw-gen-api-'));
    const outcome = await apigw.build({ spec: petstore, out });
    expect(outcome.stoppedByLint).toBe(false);
    expect(outcome.written?.outDir).toBe(out);
    await expect(apigw.build({ spec: join(out, 'missing.yaml'), out })).rejects.toBeInstanceOf(apigw.ApigwError);
  });

  it('build() with broken $refs does not throw: it stops on OAS-002, or (lint off) returns refusedBrokenRefs and writes nothing', async () => {
    out = mkdtempSync(join(tmpdir(), 'apigw-gen-api-'));
    const spec = join(out, 'api.yaml');
    writeFileSync(spec, 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\npaths:\n  /pets:\n    $ref: paths/pets.yaml\n');
    const target = join(out, 'generated');
    const linted = await apigw.build({ spec, out: target });
    expect(linted.stoppedByLint).toBe(true);
    expect(linted.refusedBrokenRefs).toBeUndefined();
    expect(linted.diagnostics.map((d) => d.ruleId)).toEqual(['OAS-002']);
    const outcome = await apigw.build({ spec, out: target, lint: false });
    expect(outcome.stoppedByLint).toBe(false);
    expect(outcome.written).toBeUndefined();
    const refused: apigw.BuildOutcome['refusedBrokenRefs'] = outcome.refusedBrokenRefs;
    const refs: apigw.BrokenRef[] | undefined = refused?.refs;
    expect(refs?.map((r) => `${r.ref} ${r.reason} ${r.position.line}:${r.position.column}`)).toEqual(['paths/pets.yaml missing-file 5:5']);
    expect(refused?.error).toBeInstanceOf(apigw.ApigwError);
    expect(refused?.error.code).toBe('BROKEN_REF');
    expect(refused?.error.message).toMatch(/^\$ref "paths\/pets\.yaml": file not found/);
    expect(existsSync(target)).toBe(false);
  });

  it('build() with a load cache re-parses only the files that changed (what `build --watch` passes)', async () => {
    out = mkdtempSync(join(tmpdir(), 'apigw-gen-api-'));
    const spec = resolve(__dirname, '../fixtures/multi-file/openapi.yaml');
    const cache = apigw.createLoadCache();
    const first = await apigw.build({ spec, out, config: { targets: ['sdk'] }, lint: false, load: { cache } });
    expect(first.document.files.length).toBeGreaterThan(1);
    expect(cache.misses).toBe(first.document.files.length);
    expect(cache.hits).toBe(0);
    const second = await apigw.build({ spec, out, config: { targets: ['sdk'] }, lint: false, load: { cache } });
    expect(cache.hits).toBe(second.document.files.length);
    expect(cache.misses).toBe(first.document.files.length);
    expect(second.written?.stale).toBe(false);
  });
});
