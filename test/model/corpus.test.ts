// Real-world specs: every corpus document that loads must normalize without throwing, and the
// model must account for every operation in it.

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { normalize } from '../../src/model/index.js';
import { loadDocument, parseWithYaml, sharedDir } from './helpers.js';
import { describeShared, hasShared } from '../support/shared.js';

const METHOD_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method'];

function corpusEntries(dir: string): string[] {
  if (!hasShared) return [];
  const full = path.join(sharedDir, 'corpus', dir);
  return readdirSync(full)
    .map((name) => path.join(full, name))
    .map((p) => (statSync(p).isDirectory() ? path.join(p, 'index.yaml') : p))
    .filter((p) => /\.(ya?ml|json)$/.test(p))
    .sort();
}

/** Operations a model should list: object-valued method keys under object-valued path items. */
function countOperations(document: Record<string, unknown>): number {
  const paths = document.paths;
  if (typeof paths !== 'object' || paths === null) return 0;
  let n = 0;
  for (const [p, item] of Object.entries(paths)) {
    if (p.startsWith('x-') || typeof item !== 'object' || item === null || '$ref' in item || 'Fn::If' in item) continue;
    for (const k of METHOD_KEYS) {
      const op = (item as Record<string, unknown>)[k];
      if (typeof op === 'object' && op !== null && !Array.isArray(op)) n++;
    }
  }
  return n;
}

for (const dir of ['apigw', 'apigw-sam']) {
  describeShared(`corpus/${dir}`, () => {
    for (const file of corpusEntries(dir)) {
      it(`normalizes ${path.relative(path.join(sharedDir, 'corpus'), file)}`, async () => {
        let doc;
        try {
          doc = await loadDocument(file);
        } catch (e) {
          // The loader rejects a few (broken `$ref`s, version "2.0.0"). Normalize the raw parse
          // anyway: unresolved refs must not make it throw either.
          expect((e as Error).name).toBe('ApigwError');
          doc = parseWithYaml(statSync(file).isDirectory() ? path.join(file, 'index.yaml') : file);
        }
        const api = normalize(doc);
        expect(api.routes.length).toBe(countOperations(doc.document));
        expect(new Set(api.routes.map((r) => r.key)).size).toBe(api.routes.length);
        for (const r of api.routes) expect(r.pointer.startsWith('/paths/')).toBe(true);
      });
    }
  });
}

describeShared('large specs', () => {
  it('normalizes Stripe', async () => {
    const doc = await loadDocument(path.join(sharedDir, 'specs/stripe/openapi.yaml'));
    const api = normalize(doc);
    expect(api.kind).toBe('rest');
    expect(api.routes.length).toBe(countOperations(doc.document));
    expect(api.routes.length).toBeGreaterThan(400);
    expect(api.models.length).toBeGreaterThan(500);
  });

  it('normalizes DigitalOcean (multi-file)', async () => {
    const doc = await loadDocument(path.join(sharedDir, 'specs/digitalocean/DigitalOcean-public.v2.yaml'));
    const api = normalize(doc);
    expect(api.routes.length).toBe(countOperations(doc.document));
    expect(api.routes.length).toBeGreaterThan(300);
    // Parameters are `$ref`s into other files: they must come out resolved, with names.
    const withParams = api.routes.filter((r) => r.parameters.length > 0);
    expect(withParams.length).toBeGreaterThan(100);
    for (const r of withParams) for (const p of r.parameters) expect(p.name).not.toBe('');
  });
});
