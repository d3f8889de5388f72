// `tsc --noEmit --strict` on the generated handlers, stubs as generated: zero errors for every
// fixture, for the real-world corpus, and for the big specs (Stripe, DigitalOcean, Kubernetes), also
// under noUnusedLocals / noUnusedParameters (generated code must not break a consumer's strictest
// settings). Also checks the module layout: one module per Lambda function (not per route),
// write-once stubs.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitHandlers, planHandlers } from '../../../src/emit/handlers/index.js';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { ApigwError } from '../../../src/errors.js';
import { formatErrors, loadApi, removeDir, sharedRoot, tempOutDir, typecheck, writeHandlers } from './harness.js';
import { itShared } from '../../support/shared.js';

/** On top of the harness's --strict: what the strictest consumers turn on. */
const NO_UNUSED = { noUnusedLocals: true, noUnusedParameters: true };

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

const FIXTURES = ['fixtures/petstore/openapi.yaml', 'fixtures/http-api/openapi.yaml', 'fixtures/swagger2/swagger.yaml', 'fixtures/multi-file/openapi.yaml', 'fixtures/sam-intrinsics/openapi.yaml'];

describe('handlers compile under tsc --strict as generated', () => {
  it.each(FIXTURES)('%s', async (entry) => {
    const { api, files } = await loadApi(entry);
    const plan = planHandlers(api);
    expect(plan.functions.length).toBeGreaterThan(0);

    // One module per function: as many modules as distinct FunctionRef keys among Lambda routes.
    const keys = new Set(api.routes.flatMap((r) => (r.integration && (r.integration.kind === 'lambda-proxy' || r.integration.kind === 'lambda') && r.integration.function ? [r.integration.function.key] : [])));
    expect(plan.functions.map((f) => f.key).sort()).toEqual([...keys].sort());
    for (const fn of plan.functions) {
      expect(files.get(`${fn.fileStem}.generated.ts`)?.writeOnce).toBeUndefined();
      expect(files.get(`${fn.fileStem}.ts`)?.writeOnce).toBe(true);
      expect(files.get(`${fn.fileStem}.ts`)!.content).toContain('TODO');
    }
    for (const path of files.keys()) expect(path).toMatch(/^[a-z0-9][a-z0-9.-]*\.(ts|md)$|^README\.md$/);

    const out = tempOutDir('compile');
    dirs.push(out);
    writeHandlers(files, out);
    const errors = typecheck(join(out, 'handlers'), { ...NO_UNUSED, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true });
    expect(formatErrors(errors)).toBe('');
  });

  it('groups routes that invoke the same function into one module with a router', async () => {
    const { api, files } = await loadApi('fixtures/http-api/openapi.yaml');
    const plan = planHandlers(api);
    const shared = plan.functions.find((f) => f.routes.length > 1);
    expect(shared).toBeDefined();
    const generated = files.get(`${shared!.fileStem}.generated.ts`)!.content;
    for (const r of shared!.routes) expect(generated).toContain(`key: ${JSON.stringify(r.route.key)}`);
  });

  itShared('the real-world corpus (every spec that loads) compiles', async () => {
    const out = tempOutDir('corpus');
    dirs.push(out);
    const folders = ['corpus/apigw', 'corpus/apigw-sam'].map((f) => join(sharedRoot, f));
    let generated = 0;
    for (const folder of folders) {
      for (const name of readdirSync(folder)) {
        let document;
        try {
          document = await load(join(folder, name));
        } catch (e) {
          // Specs the loader rejects (broken refs, bad versions) are the loader's tests' business;
          // anything else — a crash in load, normalize or the emitter — fails this test.
          if (e instanceof ApigwError) continue;
          throw e;
        }
        const api = normalize(document);
        writeHandlers(emitHandlers(api, { document, config: {} }), join(out, String(generated++)));
      }
    }
    expect(generated).toBeGreaterThan(100);
    expect(formatErrors(typecheck(out, NO_UNUSED))).toBe('');
  });

  itShared.each([
    ['stripe', '../shared/specs/stripe/openapi.yaml'],
    ['digitalocean', '../shared/specs/digitalocean/DigitalOcean-public.v2.yaml'],
    // 1,123 routes on one function: the route table once produced TS2590 (a union too complex to represent).
    ['kubernetes', '../shared/corpus/big/kubernetes/swagger.json'],
  ])('%s (no integrations: one default function for the whole API) compiles', async (_name, entry) => {
    const { api, files } = await loadApi(entry);
    const plan = planHandlers(api);
    expect(plan.usesDefaultFunction).toBe(true);
    expect(plan.functions).toHaveLength(1);
    expect(plan.functions[0]!.routes).toHaveLength(api.routes.length);
    expect(files.get('README.md')!.content).toContain('No Lambda integrations in the spec');
    const out = tempOutDir('big');
    dirs.push(out);
    writeHandlers(files, out);
    expect(existsSync(join(out, 'handlers', `${plan.functions[0]!.fileStem}.ts`))).toBe(true);
    expect(formatErrors(typecheck(join(out, 'handlers'), NO_UNUSED))).toBe('');
  });
});
