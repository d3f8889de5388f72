// The generated SDK compiles with the real TypeScript compiler under --strict,
// --exactOptionalPropertyTypes, --noUncheckedIndexedAccess, --noUnusedLocals and
// --noUnusedParameters (ES2022 + DOM, no @types/node): every fixture and the two big real specs,
// zero errors. Emission is deterministic.
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { generate, tsFiles, readmeExamples, REPO_ROOT } from './helpers.js';
import { typeCheck, STRICT_OPTIONS } from '../shared/compile.js';
import { itShared } from '../../support/shared.js';

const FIXTURES = readdirSync(resolve(REPO_ROOT, 'fixtures'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => ['openapi.yaml', 'swagger.yaml', 'template.yaml', 'openapi.json'].map((f) => `fixtures/${d.name}/${f}`).filter((p) => existsSync(resolve(REPO_ROOT, p))).slice(0, 1));

/** Generated code must not break consumers that reject unused names. */
const OPTIONS = { ...STRICT_OPTIONS, noUnusedLocals: true, noUnusedParameters: true };

const CONFIG = { stages: { prod: {}, staging: { baseUrl: 'https://staging.example.com/api' } }, sdk: { groupByTag: true } };

describe('generated SDK compiles under strict settings', () => {
  it('has fixtures to compile', () => {
    expect(FIXTURES).toEqual(expect.arrayContaining(['fixtures/petstore/openapi.yaml', 'fixtures/http-api/openapi.yaml', 'fixtures/swagger2/swagger.yaml', 'fixtures/multi-file/openapi.yaml']));
  });

  it('all fixtures and the kitchen-sink spec (with their README examples), both result styles, in one program each', async () => {
    for (const spec of [...FIXTURES, 'test/emit/sdk/specs/kitchen.yaml', 'test/emit/sdk/specs/hostile.yaml', 'test/emit/sdk/specs/http-default.yaml', 'test/emit/sdk/specs/request-authorizers.yaml']) {
      for (const throwOnError of [false, true]) {
        const { files, api } = await generate(spec, { ...CONFIG, sdk: { ...CONFIG.sdk, throwOnError } });
        expect(api.routes.length, spec).toBeGreaterThan(0);
        expect([...files.keys()].sort(), spec).toEqual(['README.md', 'client.ts', 'index.ts', 'runtime.ts', 'sigv4.ts', 'types.ts']);
        // The README's usage examples compile against the SDK too.
        const examples = readmeExamples(files.get('README.md')!);
        expect(examples, spec).toContain('createClient(');
        expect(typeCheck(new Map([...tsFiles(files), ['readme-examples.ts', examples]]), OPTIONS), `${spec} throwOnError=${throwOnError}`).toEqual([]);
      }
    }
    // Sixteen whole-program compiles: more than the default timeout allows on a busy machine.
  }, 600_000);

  it('the result, redirect and credential-header specs too (with their README examples), both result styles', async () => {
    for (const spec of ['test/emit/sdk/specs/results.yaml', 'test/emit/sdk/specs/auth-headers.yaml']) {
      for (const throwOnError of [false, true]) {
        const { files } = await generate(spec, { ...CONFIG, sdk: { ...CONFIG.sdk, throwOnError } });
        const examples = readmeExamples(files.get('README.md')!);
        expect(typeCheck(new Map([...tsFiles(files), ['readme-examples.ts', examples]]), OPTIONS), `${spec} throwOnError=${throwOnError}`).toEqual([]);
      }
    }
  });

  it('also for the strictest consumers and for Node projects without the DOM lib (@types/node only)', async () => {
    const strictest = { ...OPTIONS, noImplicitReturns: true, noPropertyAccessFromIndexSignature: true, verbatimModuleSyntax: true, isolatedModules: true };
    const nodeOnly = { ...OPTIONS, lib: ['lib.es2022.d.ts'], types: ['node'], typeRoots: [resolve(REPO_ROOT, 'node_modules/@types')] };
    const program = new Map<string, string>();
    for (const spec of ['test/emit/sdk/specs/kitchen.yaml', 'fixtures/petstore/openapi.yaml', 'test/emit/sdk/specs/http-default.yaml']) {
      const { files } = await generate(spec, CONFIG);
      for (const [p, text] of tsFiles(files)) program.set(`${spec.replace(/\W+/g, '_')}/${p}`, text);
    }
    expect(typeCheck(program, strictest)).toEqual([]);
    expect(typeCheck(program, nodeOnly)).toEqual([]);
  });

  it('is byte-identical across runs', async () => {
    for (const spec of ['fixtures/petstore/openapi.yaml', 'fixtures/multi-file/openapi.yaml']) {
      const a = await generate(spec, CONFIG);
      const b = await generate(spec, CONFIG);
      expect([...a.files]).toEqual([...b.files]);
    }
  });

  itShared('Stripe', async () => {
    const { files, api } = await generate('../shared/specs/stripe/openapi.yaml', CONFIG);
    expect(api.routes.length).toBeGreaterThan(400);
    const client = files.get('client.ts')!;
    // One method per operation.
    expect(client.match(/^ {2}\w+\((?:params|options)[^\n]*\): Promise</gm)!.length).toBe(api.routes.length);
    expect(typeCheck(tsFiles(files), OPTIONS)).toEqual([]);
  });

  itShared('DigitalOcean (multi-file)', async () => {
    const { files, api } = await generate('../shared/specs/digitalocean/DigitalOcean-public.v2.yaml', CONFIG);
    expect(api.routes.length).toBeGreaterThan(200);
    expect(typeCheck(tsFiles(files), OPTIONS)).toEqual([]);
  });
});
