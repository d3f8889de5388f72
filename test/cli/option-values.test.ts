// Every option of every command, through the real CLI: given with no value, and with a value of the
// wrong kind, it is a usage error (exit 2) naming the option and the value, before anything runs.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDist, fixture, hasStackTrace, project, run } from './helpers.js';

const spec = fixture('petstore/openapi.yaml');
let dir: string;
beforeAll(() => {
  buildDist();
  dir = project();
  writeFileSync(join(dir, 'a-file.txt'), 'x');
  mkdirSync(join(dir, 'a-folder'));
  writeFileSync(join(dir, 't.vtl'), '{}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A flag each command knows that takes no value, to put after an option given without one. */
const NEXT_FLAG: Record<string, string> = { build: '--check', lint: '--allow-remote-refs', routes: '--allow-remote-refs', 'vtl render': '--check-json', serve: '--watch' };

/** The arguments before the option under test, per command. */
const PREFIX: Record<string, string[]> = {
  build: ['build', spec],
  lint: ['lint', spec],
  routes: ['routes', spec],
  'vtl render': ['vtl', 'render', 't.vtl'],
  serve: ['serve', spec],
};

interface Case {
  /** Value-taking options: how the error for a missing value reads (null: the option may be given bare). */
  missing: RegExp | null;
  /** A value of the wrong kind, and the error it gets. */
  wrong: [string[], RegExp];
}

const SPEC_OPTIONS: Record<string, Case> = {
  '--config': { missing: /--config needs a value: a file/, wrong: [['--config', 'a-folder'], /--config "a-folder": is a folder, not a file/] },
  '--api-type': { missing: /--api-type needs a value: one of "rest", "http"/, wrong: [['--api-type', 'graphql'], /--api-type "graphql": expected one of "rest", "http"/] },
  '--allow-remote-refs': { missing: null, wrong: [['--allow-remote-refs=maybe'], /--allow-remote-refs takes no value \(or =true \/ =false\), got "maybe"/] },
  '--root': { missing: /--root needs a value: a folder/, wrong: [['--root', 'a-file.txt'], /--root "a-file.txt": is a file, not a folder/] },
  '--api': { missing: /--api needs a value: the logical id/, wrong: [['--api', 'Orders-Api'], /--api "Orders-Api": expected the logical id of a resource \(letters and digits\)/] },
};
const GLOBAL: Record<string, Case> = {
  '--help': { missing: null, wrong: [['--help=please'], /--help takes no value \(or =true \/ =false\), got "please"/] },
  '--version': { missing: null, wrong: [['--version=2'], /--version takes no value \(or =true \/ =false\), got "2"/] },
};

const OPTIONS: Record<string, Record<string, Case>> = {
  build: {
    ...SPEC_OPTIONS,
    ...GLOBAL,
    '--out': { missing: /--out needs a value: a folder/, wrong: [['--out', 'a-file.txt'], /--out "a-file.txt": is a file, not a folder/] },
    '--check': { missing: null, wrong: [['--check=maybe'], /--check takes no value \(or =true \/ =false\), got "maybe"/] },
    '--lint': { missing: null, wrong: [['--no-lint=yes'], /--no-lint takes no value, got "yes"/] },
    '--targets': { missing: /--targets needs a value/, wrong: [['--targets', 'sdk,docs'], /unknown target "docs": choose from/] },
    '--watch': { missing: null, wrong: [['--watch=1'], /--watch takes no value \(or =true \/ =false\), got "1"/] },
  },
  lint: {
    ...SPEC_OPTIONS,
    ...GLOBAL,
    '--format': { missing: /--format needs a value: one of "stylish", "json", "sarif", "github", "junit"/, wrong: [['--format', 'xml'], /--format "xml": expected one of "stylish"/] },
    '--max-warnings': { missing: /--max-warnings needs a value: a whole number, 0 or more/, wrong: [['--max-warnings', 'abc'], /--max-warnings "abc": expected a whole number, 0 or more/] },
    // `--baseline` alone writes the default file
    '--baseline': { missing: null, wrong: [['--baseline', 'a-folder'], /--baseline "a-folder": is a folder, not a file/] },
  },
  routes: {
    ...SPEC_OPTIONS,
    ...GLOBAL,
    '--format': { missing: /--format needs a value: one of "table", "json"/, wrong: [['--format', 'csv'], /--format "csv": expected one of "table", "json"/] },
  },
  'vtl render': {
    ...GLOBAL,
    '--event': { missing: /--event needs a value: a file/, wrong: [['--event', 'missing.json'], /--event "missing.json": no such file/] },
    '--context': { missing: /--context needs a value: a file/, wrong: [['--context', 'a-folder'], /--context "a-folder": is a folder, not a file/] },
    '--stage-vars': { missing: /--stage-vars needs a value: name=value/, wrong: [['--stage-vars', 'stage'], /--stage-vars "stage": expected name=value/] },
    '--check-json': { missing: null, wrong: [['--check-json=no'], /--check-json takes no value \(or =true \/ =false\), got "no"/] },
  },
  serve: {
    ...SPEC_OPTIONS,
    ...GLOBAL,
    '--port': { missing: /--port needs a value: a port number from 0 to 65535/, wrong: [['--port', '70000'], /--port "70000": expected a port number from 0 to 65535/] },
    '--host': { missing: /--host needs a value/, wrong: [['--host='], /--host needs a value/] },
    '--stage': { missing: /--stage needs a value/, wrong: [['--stage='], /--stage needs a value/] },
    '--watch': { missing: null, wrong: [['--watch=1'], /--watch takes no value \(or =true \/ =false\), got "1"/] },
  },
};

function expectUsageError(args: string[], message: RegExp): void {
  const r = run(args, dir);
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(2);
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(r.stdout).toBe('');
}

describe.each(Object.keys(OPTIONS))('%s', (command) => {
  const prefix = PREFIX[command]!;
  const cases = OPTIONS[command]!;

  it('the table covers every option its --help lists', () => {
    const help = run([...prefix.filter((a) => a !== spec && a !== 't.vtl'), '--help'], dir);
    expect(help.code).toBe(0);
    const options = help.stdout.slice(help.stdout.indexOf('Options:'), help.stdout.indexOf('Examples:'));
    const listed = new Set([...options.matchAll(/^ +(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]!));
    expect(listed.size).toBeGreaterThan(2);
    expect([...listed].sort()).toEqual(Object.keys(cases).sort());
  });

  const valueTaking = Object.entries(cases).filter(([, c]) => c.missing !== null);
  it.each(valueTaking)('%s with no value, at the end and before another flag', (option, c) => {
    expectUsageError([...prefix, option], c.missing!);
    expectUsageError([...prefix, option, NEXT_FLAG[command]!], c.missing!);
  });

  it.each(Object.entries(cases))('%s with a value of the wrong kind', (_option, c) => {
    expectUsageError([...prefix, ...c.wrong[0]], c.wrong[1]);
  });
});

describe('values are checked whatever the spelling', () => {
  it.each([
    [['build', spec, '-o'], /-o needs a value: a folder/],
    [['build', spec, '--out='], /--out needs a value: a folder/],
    [['lint', spec, '--max-warnings='], /--max-warnings needs a value/],
    [['build', spec, '-t'], /-t needs a value/],
    [['lint', spec, '-f'], /-f needs a value: one of/],
    [['lint', spec, '-f=xml'], /-f "xml": expected one of/],
    [['lint', spec, '--max-warnings', '-1'], /--max-warnings "-1": expected a whole number, 0 or more/],
    [['lint', spec, '--max-warnings=1.5'], /--max-warnings "1.5": expected a whole number, 0 or more/],
    [['lint', spec, '--maxWarnings', 'x'], /--maxWarnings "x": expected a whole number/],
    [['lint', spec, '-c', 'missing.json'], /-c "missing.json": no such file/],
    [['vtl', 'render', 't.vtl', '-e'], /-e needs a value: a file/],
  ])('apigw-gen %j', (args, message) => expectUsageError(args, message));

  it('good values still run: --max-warnings 0 gates, --out writes where told', () => {
    const lint = run(['lint', spec, '--max-warnings', '0'], dir);
    expect(lint.code).toBe(1);
    expect(lint.stderr).toMatch(/more than --max-warnings 0/);
    const build = run(['build', spec, '--out', 'out-here', '--targets', 'sdk'], dir);
    expect(build.code).toBe(0);
    expect(build.stdout).toContain('out-here');
  });
});
