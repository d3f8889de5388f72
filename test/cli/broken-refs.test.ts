// A $ref whose target is missing, through the real CLI: lint lists every one as OAS-002 (exit 1) in
// every format; build stops on them (exit 1) and, with --no-lint, refuses to generate (exit 2);
// routes lists what is there and warns; vtl render refuses a template behind a broken ref.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildDist, hasStackTrace, run, start, waitFor } from './helpers.js';

const MOCK = [
  '      x-amazon-apigateway-integration:',
  '        type: mock',
  "        requestTemplates: {application/json: '{\"statusCode\": 200}'}",
  "        responses: {default: {statusCode: '200'}}",
].join('\n');

const FILES: Record<string, string> = {
  'api.yaml': [
    'openapi: 3.0.1',
    'info: {title: x, version: "1"}',
    'paths:',
    '  /pets:',
    '    get:',
    '      operationId: listPets',
    '      responses:',
    '        "200":',
    '          description: ok',
    '          content:',
    "            application/json: {schema: {$ref: '#/components/schemas/Pett'}}",
    MOCK,
    '  /owners:',
    '    $ref: paths/owners.yaml',
    '  /vets:',
    '    $ref: paths/vets.yaml',
    'components:',
    '  schemas:',
    '    Pet: {type: object}',
    '',
  ].join('\n'),
  'paths/owners.yaml': [
    'get:',
    '  operationId: listOwners',
    '  responses:',
    '    "200":',
    '      description: ok',
    '      content:',
    "        application/json: {schema: {$ref: '../schemas.yaml#/Owner'}}",
    '  x-amazon-apigateway-integration:',
    '    type: mock',
    '    requestTemplates:',
    '      application/json: {$ref: ../templates/missing.vtl}',
    "    responses: {default: {statusCode: '200'}}",
    '',
  ].join('\n'),
  'schemas.yaml': 'Person: {type: object}\n',
};

const temps: string[] = [];
/**
 * Runs `apigw-gen <args>` (a `build --watch`) in `dir`, runs `steps` against its output (`watching()`
 * counts the "watching N files" lines so far), then stops it with Ctrl-C and expects exit 0. A
 * failing step's message carries the whole output.
 */
async function watchBuild(args: string[], dir: string, steps: (output: () => string, watching: () => number) => Promise<void>): Promise<void> {
  const { child, output } = start(args, dir);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const watching = () => (output().match(/watching \d+ files? for changes/g) ?? []).length;
  try {
    await steps(output, watching);
  } catch (error) {
    throw new Error(`${(error as Error).message}; output:\n${output()}`, { cause: error });
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-gen-broken-refs-'));
  temps.push(dir);
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** The broken refs of FILES: pointer of the diagnostic, file:line:column of the $ref. */
const EXPECTED = [
  '/paths/~1owners/get/responses/200/content/application~1json/schema/$ref paths/owners.yaml:7:37',
  '/paths/~1owners/get/x-amazon-apigateway-integration/requestTemplates/application~1json/$ref paths/owners.yaml:11:26',
  '/paths/~1pets/get/responses/200/content/application~1json/schema/$ref api.yaml:11:41',
  '/paths/~1vets/$ref api.yaml:19:5',
];

beforeAll(() => buildDist());
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('broken $refs', () => {
  it('lint --format json lists every one as OAS-002 with file, line and column; exit 1', () => {
    const dir = project();
    const r = run(['lint', 'api.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { diagnostics: Array<{ ruleId: string; severity: string; pointer: string; file: string; line: number; column: number; message: string }> };
    const oas002 = out.diagnostics.filter((d) => d.ruleId === 'OAS-002');
    expect(oas002.map((d) => `${d.pointer} ${d.file}:${d.line}:${d.column}`).sort()).toEqual(EXPECTED);
    expect(oas002.every((d) => d.severity === 'error')).toBe(true);
    expect(oas002.find((d) => d.file === 'api.yaml' && d.line === 19)?.message).toMatch(/^\$ref "paths\/vets\.yaml": file not found: paths\/vets\.yaml: create that file/);
    expect(oas002.find((d) => d.line === 7)?.message).toMatch(/schemas\.yaml has no node at \/Owner/);
    // no second report of the same refs
    expect(out.diagnostics.filter((d) => d.ruleId === 'APIGW-DOC-003' && d.severity === 'error')).toEqual([]);
  });

  it('a baseline of them still matches in a copy of the project elsewhere (messages carry no absolute path)', () => {
    const dir = project();
    writeFileSync(join(dir, 'apigw-gen.config.json'), JSON.stringify({ lint: { baseline: '.apigw-gen-baseline.json' } }));
    expect(run(['lint', 'api.yaml', '--baseline'], dir).code).toBe(0);
    expect(run(['lint', 'api.yaml'], dir).code).toBe(0);
    const copy = mkdtempSync(join(tmpdir(), 'apigw-gen-broken-refs-copy-'));
    temps.push(copy);
    cpSync(dir, copy, { recursive: true });
    const moved = run(['lint', 'api.yaml', '--format', 'json'], copy);
    expect(JSON.parse(moved.stdout).diagnostics).toEqual([]);
    expect(moved.code).toBe(0);
  });

  it('sarif and github output carry them too', () => {
    const dir = project();
    const sarif = run(['lint', 'api.yaml', '--format', 'sarif'], dir);
    expect(sarif.code).toBe(1);
    const results = (JSON.parse(sarif.stdout).runs[0].results as Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>)
      .filter((x) => x.ruleId === 'OAS-002');
    expect(results.map((x) => {
      const loc = x.locations[0]!.physicalLocation;
      return `${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn} ${x.level}`;
    }).sort()).toEqual(['api.yaml:11:41 error', 'api.yaml:19:5 error', 'paths/owners.yaml:11:26 error', 'paths/owners.yaml:7:37 error']);
    const github = run(['lint', 'api.yaml', '--format', 'github'], dir);
    expect(github.code).toBe(1);
    const lines = github.stdout.split('\n').filter((l) => l.includes('OAS-002'));
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => l.startsWith('::error file=paths/owners.yaml,line=7,col=37'))).toBe(true);
  });

  it('build stops on them (exit 1); --no-lint refuses to generate (exit 2) at the first one, writing nothing', () => {
    const dir = project();
    const stopped = run(['build', 'api.yaml'], dir);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/OAS-002/);
    expect(stopped.stderr).toMatch(/build stopped: \d+ lint errors?/);
    expect(existsSync(join(dir, 'generated'))).toBe(false);

    // The hint must not send the user to --no-lint: it never skips broken $refs.
    expect(stopped.stderr).not.toMatch(/pass --no-lint to generate anyway/);
    expect(stopped.stderr).toMatch(/never skipped/);

    const forced = run(['build', 'api.yaml', '--no-lint'], dir);
    expect(forced.code).toBe(2);
    expect(forced.stdout).toBe('');
    expect(hasStackTrace(forced.stderr)).toBe(false);
    // one line: file:line:col of the first broken ref by file, line and column, what is missing, how many
    expect(forced.stderr.trim().split('\n')).toHaveLength(1);
    expect(forced.stderr).toMatch(/^apigw-gen: [^ ]*api\.yaml:11:41: \$ref "#\/components\/schemas\/Pett": .*4 broken \$refs; `apigw-gen lint` lists them all\)/m);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('with OAS-002 a warning, build prints the warnings, then refuses (exit 2) saying they are listed above', () => {
    const dir = project();
    writeFileSync(join(dir, 'apigw-gen.config.json'), JSON.stringify({ lint: { rules: { 'OAS-002': 'warn' } } }));
    const r = run(['build', 'api.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/warning .*OAS-002/g)).toHaveLength(4);
    expect(r.stderr).toMatch(/4 broken \$refs, listed above as OAS-002/);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('build stopped by other lint errors does not suggest --no-lint when the spec has broken refs (OAS-002 a warning)', () => {
    const dir = project();
    writeFileSync(join(dir, 'apigw-gen.config.json'), JSON.stringify({ lint: { rules: { 'OAS-002': 'warn' } } }));
    // a real error besides the broken refs: a path variable that is not a whole segment
    writeFileSync(join(dir, 'api.yaml'), FILES['api.yaml']!.replace('  /pets:', '  /pets/{id}.json:').replace('operationId: listPets', 'operationId: listPets\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]'));
    const r = run(['build', 'api.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/APIGW-PATH-002/);
    expect(r.stderr).not.toMatch(/pass --no-lint to generate anyway/);
    expect(r.stderr).toMatch(/build stopped: 1 lint error \(.*4 broken \$refs.*never skipped/);
    // and what it says is true: --no-lint refuses
    expect(run(['build', 'api.yaml', '--no-lint'], dir).code).toBe(2);
  });

  it('build --no-lint with the broken refs baselined does not claim `apigw-gen lint` lists them', () => {
    const dir = project();
    writeFileSync(join(dir, 'apigw-gen.config.json'), JSON.stringify({ lint: { baseline: 'bl.json' } }));
    expect(run(['lint', 'api.yaml', '--baseline'], dir).code).toBe(0);
    expect(run(['lint', 'api.yaml'], dir).code).toBe(0);
    const r = run(['build', 'api.yaml', '--no-lint'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/`apigw-gen lint` lists none of them: OAS-002 is off, ignored or baselined/);
    expect(r.stderr).not.toMatch(/lists them all/);
  });

  it('build with OAS-002 turned off still refuses to generate (exit 2)', () => {
    const dir = project();
    writeFileSync(join(dir, 'apigw-gen.config.json'), JSON.stringify({ lint: { rules: { 'OAS-002': 'off' } } }));
    const r = run(['build', 'api.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\$ref ".*"/);
    // lint would list none of them: the hint must not say it does
    expect(r.stderr).toMatch(/`apigw-gen lint` lists none of them: OAS-002 is off, ignored or baselined/);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('build --watch rebuilds when the missing file is created (also in a missing folder), and --no-lint keeps watching the spec\'s files', async () => {
    const dir = project();
    // /pets, /owners and /vets' problems fixed but paths/vets.yaml and templates/missing.vtl
    writeFileSync(join(dir, 'api.yaml'), FILES['api.yaml']!.replace('Pett', 'Pet'));
    writeFileSync(join(dir, 'schemas.yaml'), 'Owner: {type: object}\n');
    for (const extra of [[], ['--no-lint']]) {
      rmSync(join(dir, 'paths/vets.yaml'), { force: true });
      rmSync(join(dir, 'templates'), { recursive: true, force: true });
      await watchBuild(['build', 'api.yaml', '--watch', ...extra], dir, async (output, watching) => {
        await waitFor(() => watching() >= 1);
        // the spec's three files that exist (api, paths/owners, schemas), and the two missing ones
        expect(output()).toMatch(/watching 5 files for changes/);
        mkdirSync(join(dir, 'templates'));
        writeFileSync(join(dir, 'templates/missing.vtl'), '{"statusCode": 200}');
        // the rebuild that created templates/ and missing.vtl triggered: only paths/vets.yaml is left
        const lastBuild = () => output().split(/watching \d+ files?/).slice(-2)[0] ?? '';
        await waitFor(() => watching() >= 2 && /paths\/vets\.yaml": file not found/.test(lastBuild()) && !/missing\.vtl": file not found/.test(lastBuild()));
        writeFileSync(join(dir, 'paths/vets.yaml'), FILES['paths/owners.yaml']!.replace('listOwners', 'listVets'));
        await waitFor(() => /generated \d+ added/.test(output()));
        expect(existsSync(join(dir, 'generated'))).toBe(true);
      });
      rmSync(join(dir, 'generated'), { recursive: true, force: true });
    }
  }, 60_000);

  it('build --watch follows a missing file whose folders are created one at a time (a/, a/b/, then a/b/pets.yaml)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigw-gen-broken-refs-'));
    temps.push(dir);
    writeFileSync(join(dir, 'api.yaml'), 'openapi: 3.0.1\ninfo: {title: x, version: "1"}\npaths:\n  /pets:\n    $ref: a/b/pets.yaml\n');
    await watchBuild(['build', 'api.yaml', '--watch'], dir, async (output, watching) => {
      await waitFor(() => watching() >= 1);
      // each step is a rebuild (still refused: the file is missing), after which one level deeper is watched
      mkdirSync(join(dir, 'a'));
      await waitFor(() => watching() >= 2);
      mkdirSync(join(dir, 'a/b'));
      await waitFor(() => watching() >= 3);
      writeFileSync(join(dir, 'a/b/pets.yaml'), FILES['paths/owners.yaml']!.replace("{$ref: '../schemas.yaml#/Owner'}", '{type: object}').replace('{$ref: ../templates/missing.vtl}', "'{\"statusCode\": 200}'"));
      await waitFor(() => /generated \d+ added/.test(output()));
      expect(existsSync(join(dir, 'generated'))).toBe(true);
    });
  }, 60_000);

  it('routes lists what is there (exit 0) and warns on stderr with the first one', () => {
    const dir = project();
    const r = run(['routes', 'api.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ method: string; path: string }>;
    expect(rows.map((x) => `${x.method} ${x.path}`).sort()).toEqual(['GET /owners', 'GET /pets']);
    expect(r.stderr).toMatch(/^apigw-gen: warning: 4 \$refs point at nothing.*first: .*\.yaml:\d+:\d+: \$ref/m);
  });

  it('vtl render refuses a template behind a broken ref, at the $ref (exit 2)', () => {
    const dir = project();
    const r = run(['vtl', 'render', 'api.yaml#/paths/~1owners/get/x-amazon-apigateway-integration/requestTemplates/application~1json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/paths\/owners\.yaml:11:26: \$ref "\.\.\/templates\/missing\.vtl": file not found/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
