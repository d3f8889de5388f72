// End to end through the real pipeline: a config file with `templates.generate` (validated by the
// shipped JSON Schema) → `build` → files on disk under `<out>/templates/`, rendered with the engine.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../src/config/index.js';
import { build } from '../../../src/pipeline.js';
import { renderTemplate } from '../../../src/vtl/index.js';
import { ApigwError } from '../../../src/errors.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'apigw-templates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('build with the templates target', () => {
  it('writes extracted and configured templates that render', async () => {
    const configFile = path.join(dir, 'apigw-gen.config.json');
    writeFileSync(configFile, JSON.stringify({
      targets: ['templates'],
      templates: { generate: [{ route: 'POST /pets', template: 'passthrough', contentType: 'text/plain' }] },
    }));
    const config = loadConfigFile(configFile);
    const out = path.join(dir, 'out');
    const outcome = await build({ spec: path.join(repoRoot, 'fixtures/petstore/openapi.yaml'), out, config, lint: false });
    expect(outcome.stoppedByLint).toBe(false);
    const read = (rel: string) => readFileSync(path.join(out, 'templates', rel), 'utf8');
    expect(read('post-store-orders/request.application-json.vtl')).toBe('Action=SendMessage&MessageBody=$util.urlEncode($input.body)');
    const passthrough = read('post-pets/request.text-plain.vtl');
    const rendered = JSON.parse(renderTemplate(passthrough, { path: { petId: 'p1' }, body: '' }).output);
    expect(rendered.params.path).toEqual({ petId: 'p1' });
    // The spec's own template of that route is still there, untouched.
    expect(read('post-pets/request.application-json.vtl')).toContain('"pet": $input.json(\'$\')');
    const index = JSON.parse(read('index.json'));
    expect(index.templates.at(-1)).toMatchObject({ file: 'post-pets/request.text-plain.vtl', origin: 'generated', generator: 'passthrough', generatedFor: 'config', pointer: '/paths/~1pets/post/x-amazon-apigateway-integration/requestTemplates/text~1plain' });
  });

  it('a template for a proxy integration is refused', async () => {
    const configFile = path.join(dir, 'proxy.config.json');
    writeFileSync(configFile, JSON.stringify({ targets: ['templates'], templates: { generate: [{ route: 'GET /pets/{petId}/photo', template: 'passthrough' }] } }));
    await expect(build({ spec: path.join(repoRoot, 'fixtures/petstore/openapi.yaml'), out: path.join(dir, 'out2'), config: loadConfigFile(configFile), lint: false })).rejects.toThrow(/proxy integration \(http_proxy\), which never runs mapping templates/);
  });

  it('the config schema rejects an unknown generator', () => {
    const configFile = path.join(dir, 'bad.config.json');
    writeFileSync(configFile, JSON.stringify({ templates: { generate: [{ route: 'GET /x', template: 'dynamodb-scan' }] } }));
    expect(() => loadConfigFile(configFile)).toThrow(ApigwError);
    expect(() => loadConfigFile(configFile)).toThrow(/template/);
  });
});
