import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft4 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { formatDiagnostics, allRules, type Diagnostic } from '../../src/lint/index.js';
import { escapeData, escapeProperty } from '../../src/lint/format/github.js';
import { lintText, REPO } from './helpers.js';

const CWD = '/repo';
const NASTY: Diagnostic[] = [
  { ruleId: 'APIGW-MODEL-001', severity: 'error', message: 'bad <name> & "quotes" 100%\nnext line, a: b', pointer: '/components/schemas/A_B', file: '/repo/specs/api.yaml', line: 3, column: 5 },
  { ruleId: 'APIGW-PARAM-002', severity: 'warn', message: 'ignored', pointer: '/paths/~1a/get/parameters/0', file: '/repo/specs/api.yaml', line: 9, column: 7 },
  { ruleId: 'APIGW-MODEL-007', severity: 'info', message: 'fyi \u001b[31m', pointer: '/x', file: '/repo/other dir/b.yaml', line: 1, column: 1 },
];
const opts = { rules: allRules, cwd: CWD };

describe('formatters', () => {
  it('json has the documented shape with cwd-relative files and a summary', () => {
    const out = JSON.parse(formatDiagnostics('json', NASTY, opts));
    expect(Object.keys(out)).toEqual(['diagnostics', 'summary']);
    expect(out.summary).toEqual({ errors: 1, warnings: 1, infos: 1 });
    expect(out.diagnostics[0]).toEqual({ ruleId: 'APIGW-MODEL-001', severity: 'error', message: NASTY[0]!.message, pointer: '/components/schemas/A_B', file: 'specs/api.yaml', line: 3, column: 5 });
  });

  it('stylish groups by file, prints a summary, and colors only when asked', () => {
    const plain = formatDiagnostics('stylish', NASTY, opts);
    expect(plain).not.toMatch(/\u001b/);
    expect(plain).toMatch(/^specs\/api\.yaml\n {2}3:5 +error +bad <name>/);
    expect(plain).toContain('other dir/b.yaml\n  1:1  info');
    expect(plain).toContain('✖ 3 problems (1 error, 1 warning, 1 info)');
    const colored = formatDiagnostics('stylish', NASTY, { ...opts, color: true });
    expect(colored).toContain('\u001b[31merror');
    expect(colored).not.toContain('\u001b[31m\u001b[31m'); // the message's own escape is neutralised
    expect(formatDiagnostics('stylish', [], opts)).toBe('No problems found.\n');
  });

  it('github annotations escape data and properties per the workflow-command rules', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const lines = formatDiagnostics('github', NASTY, opts).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('::error file=specs/api.yaml,line=3,col=5,title=APIGW-MODEL-001::bad <name> & "quotes" 100%25%0Anext line, a: b (APIGW-MODEL-001 at /components/schemas/A_B)');
    expect(lines[1]).toMatch(/^::warning file=specs\/api\.yaml,line=9,col=7,title=APIGW-PARAM-002::/);
    expect(lines[2]).toMatch(/^::notice file=other dir\/b\.yaml,/);
  });

  it('junit is escaped XML with one failing testcase per diagnostic', () => {
    const xml = formatDiagnostics('junit', NASTY, opts);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="apigw-gen lint" tests="3" failures="3"')).toBe(true);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(3);
    expect(xml).toContain('message="bad &lt;name&gt; &amp; &quot;quotes&quot; 100%');
    expect(xml).not.toMatch(/\u001b/);
    // every < starts a known tag: nothing from a message leaked unescaped
    for (const tag of xml.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(/^<(\?xml|\/?testsuites|\/?testsuite|\/?testcase|\/?failure)[\s>/]/);
    expect(formatDiagnostics('junit', [], opts)).toContain('<testcase classname="apigw-gen.lint" name="no problems"/>');
  });

  it('sarif validates against the SARIF 2.1.0 JSON schema and carries rules with help and doc links', async () => {
    const schema = JSON.parse(readFileSync(join(REPO, 'test/lint/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // ajv-draft-04 and ajv-formats are CommonJS: under NodeNext their default import is the module object.
    const ajv = new (AjvDraft4 as unknown as typeof AjvDraft4.default)({ allErrors: true, strict: false, unicodeRegExp: false });
    (addFormats as unknown as typeof addFormats.default)(ajv);
    const validate = ajv.compile(schema);
    // real diagnostics from the pipeline, plus the nasty ones
    const { diagnostics } = await lintText('openapi: 3.0.1\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    trace:\n      responses: {"200": {description: ok}}\ncomponents:\n  schemas:\n    A_B: {type: object}\n');
    const all = [...diagnostics, ...NASTY];
    const log = JSON.parse(formatDiagnostics('sarif', all, { rules: allRules, cwd: REPO }));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules).toHaveLength(allRules.length);
    const r = run.tool.driver.rules.find((x: { id: string }) => x.id === 'APIGW-MODEL-001');
    expect(r.helpUri).toMatch(/docs\/rules\/APIGW-MODEL-001\.md$/);
    expect(r.help.text).toContain('AWS fact:');
    expect(r.defaultConfiguration.level).toBe('error');
    const res = run.results.find((x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.ruleId === 'APIGW-MODEL-001' && x.locations[0]!.physicalLocation.artifactLocation.uri.startsWith('../'));
    expect(res.level).toBe('error');
    expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    expect(run.results.find((x: { level: string }) => x.level === 'note')).toBeDefined();
    expect(run.results.find((x: { message: { text: string } }) => x.message.text === 'ignored').locations[0].physicalLocation.artifactLocation.uri).toMatch(/^(\.\.\/)+repo\/specs\/api\.yaml$/);
    expect(run.results.find((x: { message: { text: string } }) => x.message.text.startsWith('fyi')).locations[0].physicalLocation.artifactLocation.uri).toMatch(/other%20dir\/b\.yaml$/);
  });
});
