// End to end: the real `apigw-gen` binary on real fixtures, as separate processes.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDist, fixture, hasStackTrace, project, run, shared, snapshot, start, waitFor } from './helpers.js';
import { itShared } from '../support/shared.js';

const petstore = fixture('petstore/openapi.yaml');
/** An integration type API Gateway rejects at import: a lint error whatever else the rules check. */
const BROKEN_SPEC = [
  'openapi: 3.0.1',
  'info: { title: x, version: "1" }',
  'paths:',
  '  /a:',
  '    get:',
  '      operationId: a',
  '      responses:',
  '        "200": { description: ok }',
  '      x-amazon-apigateway-integration:',
  '        type: banana',
  '        uri: https://example.com',
  '',
].join('\n');
const temps: string[] = [];
const tempProject = (...fixtures: string[]) => {
  const dir = project(...fixtures);
  temps.push(dir);
  return dir;
};

beforeAll(() => buildDist());
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('--help', () => {
  it('lists every command, with examples and the exit codes', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['build', 'lint', 'routes', 'vtl']) expect(r.stdout).toContain(`apigw-gen ${command}`);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 +ok\n {2}1 +problems found[^\n]*\n {2}2 +bad input or usage[^\n]*\n {2}70 +internal error/);
  });

  it.each([
    ['build', ['--out', '--check', '--no-lint', '--targets', '--watch', '--api-type', '--config']],
    ['lint', ['--format', '--max-warnings', '--baseline', '--api-type']],
    ['routes', ['--format']],
  ])('%s --help shows its options and examples', (command, options) => {
    const r = run([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(`apigw-gen ${command} openapi.yaml`);
    for (const option of options) expect(r.stdout).toContain(option.replace('--no-', '--'));
  });

  it('vtl --help works', () => {
    const r = run(['vtl', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('vtl');
  });
});

describe('usage errors exit 2 without a stack trace', () => {
  it.each([
    [[], /Say which command to run/],
    [['frobnicate'], /Unknown argument: frobnicate/],
    [['build', petstore, '--bogus'], /Unknown argument: bogus/],
    [['lint', petstore, '--format', 'xml'], /--format "xml": expected one of "stylish"/],
    [['build', petstore, '--targets', 'sdk,docs'], /unknown target "docs"/],
    [['build', petstore, '--watch', '--check'], /mutually exclusive/],
    [['routes'], /no spec given/],
  ])('apigw-gen %j', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('bad input exits 2 with file:line:column and no stack trace', () => {
  it('malformed YAML', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'bad.yaml'), 'openapi: 3.0.1\ninfo:\n  title: x\n  version: [1\npaths: {}\n');
    for (const command of ['build', 'lint', 'routes']) {
      const r = run([command, 'bad.yaml'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${join(dir, 'bad.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stdout).toBe('');
    }
  });

  it('a broken $ref points at the $ref (routes still lists, and warns; more in broken-refs.test.ts)', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'api.yaml'), 'openapi: 3.0.1\ninfo: { title: x, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          $ref: "./missing.yaml#/R"\n');
    const r = run(['routes', 'api.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/GET +\/a/);
    expect(r.stderr).toMatch(/warning: .*api\.yaml:8:\d+: /);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a document that is not OpenAPI', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'notes.yaml'), 'shopping:\n  - milk\n');
    const r = run(['lint', 'notes.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/notes\.yaml:\d+:\d+: /);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a missing spec file', () => {
    const r = run(['build', 'no/such/openapi.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/openapi.yaml');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a bad config file', () => {
    const dir = tempProject('petstore');
    writeFileSync(join(dir, 'apigw-gen.config.yaml'), 'input: petstore/openapi.yaml\ntargets:\n  - sdk\n  - docs\n');
    const r = run(['build'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'apigw-gen.config.yaml')}:4:5: invalid config: /targets/1 must be one of`);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('routes', () => {
  it('prints one aligned row per route of the petstore', () => {
    const r = run(['routes', petstore]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^METHOD\s+PATH\s+INTEGRATION\s+TARGET\s+AUTHORIZER\s+API KEY\s+VALIDATOR$/);
    const rows = lines.slice(1).map((l) => l.split(/\s{2,}/));
    const row = (method: string, path: string) => rows.find((cells) => cells[0] === method && cells[1] === path);
    expect(row('GET', '/pets')?.slice(2)).toEqual(['lambda-proxy', 'petstore-list-pets', 'none', 'required', 'params-only']);
    expect(row('POST', '/pets')?.slice(2)).toEqual(['lambda', 'petstore-create-pet:live', 'petstore-cognito (cognito) [petstore/pets.write]', '-', 'all']);
    expect(row('GET', '/pets/{petId}')?.[4]).toBe('petstore-token (token)');
    expect(row('DELETE', '/pets/{petId}')?.slice(2, 4)).toEqual(['aws-service', 'dynamodb:DeleteItem']);
    expect(row('GET', '/pets/{petId}/photo')?.slice(2, 4)).toEqual(['http-proxy', 'https://photos.petstore.example.com/pets/{petId}/photo']);
    expect(row('GET', '/health')?.slice(2, 4)).toEqual(['mock', '-']);
    // Aligned: each header starts at the same column as its cells.
    const targetColumn = lines[0]!.indexOf('TARGET');
    for (const line of lines.slice(1)) expect(line.slice(targetColumn - 2, targetColumn)).toBe('  ');
  });

  it('--format json gives the same rows as data', () => {
    const r = run(['routes', petstore, '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { method: string; path: string; apiKeyRequired: boolean }[];
    expect(rows.find((x) => x.method === 'GET' && x.path === '/pets')).toMatchObject({ integration: 'lambda-proxy', apiKeyRequired: true });
    expect(rows.length).toBe(run(['routes', petstore]).stdout.trimEnd().split('\n').length - 1);
  });

  itShared('reads an HTTP API spec and a SAM spec with intrinsics', () => {
    const http = run(['routes', fixture('http-api/openapi.yaml')]);
    expect(http.code).toBe(0);
    expect(http.stdout).toMatch(/\$default/);
    const sam = run(['routes', shared('corpus/apigw/aws-samples__amazon-api-gateway-url-shortener__api.yaml')]);
    expect(sam.code).toBe(0);
    expect(sam.stdout).toMatch(/^GET\s+\/\{linkId\}\s+aws-service\s+dynamodb:GetItem\s+none\s+-\s+params$/m);
  });
});

describe('lint', () => {
  it('exit code follows errors and --max-warnings', () => {
    const json = run(['lint', petstore, '--format', 'json']);
    const report = JSON.parse(json.stdout) as { diagnostics: { severity: string; file: string; line: number }[] };
    const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = report.diagnostics.filter((d) => d.severity === 'warn').length;
    expect(json.code).toBe(errors > 0 ? 1 : 0);
    for (const d of report.diagnostics) expect(d.line).toBeGreaterThan(0);
    if (errors === 0 && warnings > 0) {
      expect(run(['lint', petstore, '--max-warnings', String(warnings)]).code).toBe(0);
      const over = run(['lint', petstore, '--max-warnings', String(warnings - 1)]);
      expect(over.code).toBe(1);
      expect(over.stderr).toContain(`more than --max-warnings ${warnings - 1}`);
    }
  });

  it('exits 1 on a spec with errors and prints them with positions', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'api.yaml'), BROKEN_SPEC);
    const r = run(['lint', 'api.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^api\.yaml$/m);
    expect(r.stdout).toMatch(/^\s+10:9\s+error\s+.*banana.*APIGW-INT-002$/m);
    const github = run(['lint', 'api.yaml', '--format', 'github'], dir);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=api\.yaml,line=\d+,col=\d+/m);
  });

  it('--baseline writes today\'s problems; with it configured they no longer fail the run', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'api.yaml'), BROKEN_SPEC);
    const written = run(['lint', 'api.yaml', '--baseline'], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('.apigw-gen-baseline.json');
    const baseline = JSON.parse(readFileSync(join(dir, '.apigw-gen-baseline.json'), 'utf8')) as { entries: unknown[] };
    expect(baseline.entries.length).toBeGreaterThan(0);
    writeFileSync(join(dir, 'apigw-gen.config.json'), JSON.stringify({ lint: { baseline: '.apigw-gen-baseline.json' } }));
    expect(run(['lint', 'api.yaml'], dir).code).toBe(0);
    // build honours the same baseline: the accepted errors no longer stop it.
    expect(run(['build', 'api.yaml', '--targets', 'templates'], dir).code).toBe(0);
  });

  it('--baseline into a folder that does not exist: IO_ERROR naming the file (exit 2), not an internal error', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'api.yaml'), BROKEN_SPEC);
    const r = run(['lint', 'api.yaml', '--baseline', 'no/such/folder/baseline.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${join(dir, 'no/such/folder/baseline.json')}`);
    expect(r.stderr).not.toContain('internal error');
  });

  it('a configured baseline that cannot be read is a config error (exit 2)', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'api.yaml'), BROKEN_SPEC);
    writeFileSync(join(dir, 'apigw-gen.config.json'), JSON.stringify({ lint: { baseline: 'missing.json' } }));
    const r = run(['lint', 'api.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`lint baseline ${join(dir, 'missing.json')} cannot be read`);
  });
});

describe('config and flags', () => {
  it('--api-type and config apiType decide which rules apply; the flag wins over the config', () => {
    const dir = tempProject('swagger2');
    const errorIds = (args: string[]) => {
      const r = run(['lint', 'swagger2/swagger.yaml', '--format', 'json', ...args], dir);
      return { code: r.code, ids: (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; severity: string }[] }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId) };
    };
    expect(errorIds([])).toEqual({ code: 0, ids: [] });
    // A Swagger 2.0 document cannot be imported as an HTTP API.
    const asHttp = errorIds(['--api-type', 'http']);
    expect(asHttp.code).toBe(1);
    expect(asHttp.ids).toContain('APIGW-DOC-001');
    writeFileSync(join(dir, 'apigw-gen.config.yaml'), 'apiType: http\n');
    expect(errorIds([]).ids).toContain('APIGW-DOC-001');
    expect(errorIds(['--api-type', 'rest'])).toEqual({ code: 0, ids: [] });
  });

  it('remote $refs are refused with the position of the $ref', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'remote.yaml'), 'openapi: 3.0.1\ninfo: { title: x, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          $ref: "https://example.com/r.yaml#/R"\n');
    const r = run(['routes', 'remote.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/remote\.yaml:8:\d+: remote \$ref/);
  });
});

describe('build', () => {
  it('writes the four target folders, and a second build rewrites nothing', () => {
    const dir = tempProject('petstore');
    const first = run(['build', 'petstore/openapi.yaml'], dir);
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^apigw-gen: generated \d+ added, 0 changed, 0 removed, 0 unchanged/);
    for (const target of ['sdk', 'handlers', 'templates', 'gateway']) expect(existsSync(join(dir, 'generated', target)), target).toBe(true);
    expect(existsSync(join(dir, 'generated/.apigw-gen-manifest.json'))).toBe(true);

    const before = snapshot(join(dir, 'generated'));
    const second = run(['build', 'petstore/openapi.yaml'], dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/ 0 added, 0 changed, 0 removed, [1-9]\d* unchanged/);
    expect(snapshot(join(dir, 'generated'))).toEqual(before);

    expect(run(['build', 'petstore/openapi.yaml', '--check'], dir).code).toBe(0);
  });

  it('--check after a spec change exits 1, lists the stale files and writes nothing', () => {
    const dir = tempProject('petstore');
    expect(run(['build', 'petstore/openapi.yaml', '--out', 'out'], dir).code).toBe(0);
    const before = snapshot(join(dir, 'out'));
    const spec = join(dir, 'petstore/openapi.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace(/^(\s+title:) PetStore$/m, '$1 PetStore Renamed'));

    const r = run(['build', 'petstore/openapi.yaml', '--out', 'out', '--check'], dir);
    expect(r.code).toBe(1);
    // the command to run is the build this --check stands for, with its --out
    expect(r.stdout).toContain('apigw-gen: out is out of date; run `apigw-gen build petstore/openapi.yaml --out out` to update:');
    expect(r.stdout).toMatch(/^ {2}(changed|added|removed) +(sdk|handlers|templates|gateway)\/\S+$/m);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('--check lists a generated file edited by hand as a conflict; build then refuses to overwrite it', () => {
    const dir = tempProject('petstore');
    expect(run(['build', 'petstore/openapi.yaml', '--out', 'out'], dir).code).toBe(0);
    const edited = join(dir, 'out/gateway/routes.md');
    writeFileSync(edited, 'my notes\n');
    const check = run(['build', 'petstore/openapi.yaml', '--out', 'out', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('apigw-gen: out is out of date');
    expect(check.stdout).toMatch(/^ {2}conflict gateway\/routes\.md$/m);
    // not sent to run a build that refuses: told what to do with the file first
    expect(check.stdout).toContain('the file marked conflict below is not apigw-gen\'s output or edited since, and a build refuses to overwrite it: move it out of out to keep it, or delete it to let apigw-gen regenerate it; then run `apigw-gen build petstore/openapi.yaml --out out`');
    const build = run(['build', 'petstore/openapi.yaml', '--out', 'out'], dir);
    expect(build.code).toBe(2);
    expect(build.stderr).toContain('gateway/routes.md');
    expect(readFileSync(edited, 'utf8')).toBe('my notes\n');
  });

  it('stops on lint errors (exit 1, nothing written) unless --no-lint', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'api.yaml'), BROKEN_SPEC);
    const r = run(['build', 'api.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/build stopped: \d+ lint errors?/);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
    const forced = run(['build', 'api.yaml', '--no-lint'], dir);
    expect(forced.stderr).not.toMatch(/internal error/);
    expect(forced.code).toBe(0);
  });

  it('--targets writes only the chosen folders; the config file sets out and flags override it', () => {
    const dir = tempProject('petstore');
    writeFileSync(join(dir, 'apigw-gen.config.json'), JSON.stringify({ input: 'petstore/openapi.yaml', out: 'from-config', targets: ['gateway'] }));
    mkdirSync(join(dir, 'sub'));
    // Config found upward from a subfolder; its paths are relative to the config file.
    expect(run(['build'], join(dir, 'sub')).code).toBe(0);
    expect(existsSync(join(dir, 'from-config/gateway'))).toBe(true);
    expect(existsSync(join(dir, 'from-config/sdk'))).toBe(false);

    expect(run(['build', '--out', 'flag-out', '--targets', 'sdk,handlers'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'flag-out/sdk'))).toBe(true);
    expect(existsSync(join(dir, 'flag-out/handlers'))).toBe(true);
    expect(existsSync(join(dir, 'flag-out/gateway'))).toBe(false);
  });

  it('--watch rebuilds when the spec changes and stops on SIGINT with exit 0', async () => {
    const dir = tempProject('petstore');
    const { child, output } = start(['build', 'petstore/openapi.yaml', '--watch'], dir);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor(() => /watching \d+ files? for changes/.test(output()));
      const spec = join(dir, 'petstore/openapi.yaml');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace(/^(\s+title:) PetStore$/m, '$1 PetStore Watched'));
      await waitFor(() => (output().match(/watching \d+ files? for changes/g) ?? []).length >= 2);
      expect(output()).toMatch(/apigw-gen: generated \d+ added, [1-9]\d* changed|apigw-gen: generated \d+ added, \d+ changed, [1-9]\d* removed/);
      // A broken save is reported with its position and watching goes on.
      writeFileSync(spec, 'openapi: 3.0.1\ninfo: [\n');
      await waitFor(() => (output().match(/watching \d+ files? for changes/g) ?? []).length >= 3);
      expect(output()).toMatch(/petstore\/openapi\.yaml:\d+:\d+: /);
      expect(child.exitCode).toBe(null);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(hasStackTrace(output())).toBe(false);
  });
});
