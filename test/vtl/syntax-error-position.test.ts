// Syntax errors point at the offending token even when jison's location starts at the whitespace
// (newlines included) before it: through parseTemplate, `vtl render` and lint's APIGW-VTL-010.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../src/vtl/index.js';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/index.js';
import { lint } from '../../src/lint/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function errorAt(text: string): { line: number; column: number; message: string } {
  const r = parseTemplate(text);
  expect(r.ast).toBeUndefined();
  const e = r.errors[0]!;
  return { line: e.line, column: e.column, message: e.message };
}

/** Where `needle` really is in `text` (its last occurrence), as 1-based line and column. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const at = text.lastIndexOf(needle);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - (before.lastIndexOf('\n') + 1) + 1 };
}

describe('syntax error positions', () => {
  const cases: Array<[string, string, number, number]> = [
    ['directly after the previous token', '#if($x{)', 1, 7],
    ['after a space', '#if($x {)', 1, 8],
    ['after tabs', '#if($x\t\t{)', 1, 9],
    ['after one newline', '#if($x\n{)', 2, 1],
    ['after several newlines and spaces', '#if($x\n\n\n   {)\n', 4, 4],
    ['after blank lines holding spaces and tabs', '#if($x\n  \t\n\t{)', 3, 2],
    ['after CRLF newlines', '#if($x\r\n\r\n  {)', 3, 3],
    ['on a later directive after newlines', '#if($x)\n#end\n#foreach( $a in \n\n ] )', 5, 2],
    ['when the same character appears earlier in the template', '{"a": 1}\n#if($x\n\n {)', 4, 2],
    ['on the same line after other tokens', 'line 1\n  #set($a = )\n', 2, 13],
  ];
  for (const [name, text, line, column] of cases) {
    it(`points at the token ${name}`, () => {
      const e = errorAt(text);
      expect([e.line, e.column]).toEqual([line, column]);
      expect(e.message).toMatch(/^syntax error: unexpected "[{\])]"/);
    });
  }

  it('the expected positions are where the bad token really is', () => {
    // Guards the table above against typos: each position is the last `{`, `]` or `)` of its text.
    for (const [, text, line, column] of cases) {
      const token = errorAt(text).message.match(/unexpected "(.)"/)![1]!;
      const real = positionOf(text.replace(/\r/g, ''), token);
      expect([line, column]).toEqual([real.line, real.column]);
    }
  });
});

describe('errors of constructs the hand-written parser checks itself', () => {
  // Each is an error in Apache Velocity 1.7 too (ParseErrorException; see velocity-oracle cases).
  const cases: Array<[string, string, number, number, RegExp]> = [
    ['an unclosed string literal, at its quote', '#set($a = 1)\n#set($s = "abc)\n', 2, 11, /^syntax error: string literal is never closed$/],
    ['an unclosed #* comment, at its #', 'a\n  #* never closed', 2, 3, /^syntax error: #\* comment is never closed with \*#$/],
    ['an unclosed #[[ block, at its #', '#[[ raw', 1, 1, /^syntax error: #\[\[ is never closed with \]\]#$/],
    ['an expression as a method argument, at the operator', '$str.substring(1+1)', 1, 17, /^syntax error: unexpected "\+" \(expected "," or "\)"\)$/],
    ['a unary minus, at the minus', '#set($w = - 3)', 1, 11, /^syntax error: unexpected "-" \(expected a value\)$/],
    ['a backslash-quote in an argument, at the backslash', '$input.params(\\"id\\")', 1, 15, /^syntax error: unexpected "\\" \(expected a value\)$/],
    ['an unclosed ${, at the end', '${str.length()} ${nope', 1, 23, /^syntax error: unexpected end of template \(expected "}" closing the reference\)$/],
    ['an error inside an interpolated string, at its own position', '#set($s = "a $x.y( b")', 1, 20, /^syntax error: unexpected "b"/],
  ];
  for (const [name, text, line, column, message] of cases) {
    it(name, () => {
      const e = errorAt(text);
      expect([e.line, e.column]).toEqual([line, column]);
      expect(e.message).toMatch(message);
    });
  }
});

describe('apigw-gen vtl render on a template with the bad token after newlines', () => {
  it('prints file:line:column of the token', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vtl-pos-'));
    writeFileSync(path.join(dir, 't7.vtl'), '#if($x\n\n\n   {)\n');
    writeFileSync(path.join(dir, 'event.json'), '{}');
    const r = spawnSync(process.execPath, [path.join(repo, 'bin/apigw-gen.js'), 'vtl', 'render', 't7.vtl', '--event', 'event.json'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^apigw-gen: ${path.join(dir, 't7.vtl').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:4:4: syntax error: unexpected "\\{"`));
  });
});

describe('APIGW-VTL-010 through load → normalize → lint', () => {
  it('names the template line and column of the bad token, and places the diagnostic at the template in the spec', async () => {
    const spec = `openapi: 3.0.1
info: { title: t, version: '1' }
paths:
  /items:
    post:
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:sqs:path/123456789012/q
        requestTemplates:
          application/json: |
            {"a": 1}
            #if($input.path('$.x')


               {)
            #end
        responses:
          default: { statusCode: '200' }
`;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vtl-lint-pos-'));
    const file = path.join(dir, 'openapi.yaml');
    writeFileSync(file, spec);
    const doc = await load(file);
    const api = normalize(doc, { apiType: 'rest' });
    const found = lint(api, doc).filter((d) => d.ruleId === 'APIGW-VTL-010');
    expect(found).toHaveLength(1);
    const d = found[0]!;
    // The template's text starts at line 13 of the spec; `{` is its 5th line, 4th column.
    expect(d.message).toContain('not valid VTL at template line 5, column 4: syntax error: unexpected "{"');
    expect(d.file).toBe(file);
    expect(d.pointer).toBe('/paths/~1items/post/x-amazon-apigateway-integration/requestTemplates/application~1json');
  });
});
