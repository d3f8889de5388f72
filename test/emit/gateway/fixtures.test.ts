// Every fixture through the real pipeline: the emitted document lints with zero errors, loads back
// to the same model (modulo the rewrites in CHANGES.md), the template is structurally sound, and
// the files match the reviewed snapshots in __snapshots__/.

import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/index.js';
import { cfnProblems, emitSpec, reload, templateOf, type Emitted } from './helpers.js';
import { modelView } from './model-view.js';

const FIXTURES = [
  { name: 'petstore', spec: 'fixtures/petstore/openapi.yaml', file: 'openapi.rest.json' },
  { name: 'http-api', spec: 'fixtures/http-api/openapi.yaml', file: 'openapi.http.json' },
  { name: 'swagger2', spec: 'fixtures/swagger2/swagger.yaml', file: 'openapi.rest.json' },
  { name: 'multi-file', spec: 'fixtures/multi-file/openapi.yaml', file: 'openapi.rest.json' },
  { name: 'sam-intrinsics', spec: 'fixtures/sam-intrinsics/openapi.yaml', file: 'openapi.rest.json' },
];

describe.each(FIXTURES)('gateway target on $name', ({ name, spec, file }) => {
  let cached: Promise<Emitted> | undefined;
  const emitted = () => (cached ??= emitSpec(spec));

  it('emits the OpenAPI 3.0 document, template, routes.md and CHANGES.md', async () => {
    const { build } = await emitted();
    expect([...build.files.keys()].sort()).toEqual(['CHANGES.md', 'routes.md', 'template.yaml', file].sort());
    const doc = JSON.parse(build.files.get(file)!.content);
    expect(doc.openapi).toMatch(/^3\.0\.\d$/);
    expect(doc.swagger).toBeUndefined();
  });

  it('emits a document that lints with zero errors', async () => {
    const back = await reload(await emitted());
    const errors = lint(back.api, back.document, {}).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.ruleId} ${d.pointer} ${d.message}`)).toEqual([]);
  });

  it('round-trips: the emitted document normalizes to the same model', async () => {
    const e = await emitted();
    const back = await reload(e);
    const options = { renames: e.build.modelRenames, restRewrites: e.api.kind === 'rest' };
    expect(modelView(back.api, options)).toEqual(modelView(e.api, options));
  });

  it('emits a structurally sound CloudFormation template', async () => {
    expect(cfnProblems(templateOf(await emitted()))).toEqual([]);
  });

  it('matches the reviewed snapshots', async () => {
    const { build } = await emitted();
    for (const [path, generated] of build.files) {
      await expect(generated.content).toMatchFileSnapshot(`./__snapshots__/${name}/${path}`);
    }
  });
});
