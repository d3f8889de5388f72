// Every limit of limits.ts (and the parser's nesting bound) is hit by a small template, quickly and
// without allocating what the template asks for, and reported as a located error.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/index.js';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/index.js';
import {
  MAX_CALL_DEPTH,
  MAX_CHARS_PER_RENDER,
  MAX_ELEMENTS_PER_RENDER,
  MAX_ITERATIONS_PER_RENDER,
  MAX_NESTING_DEPTH,
  MAX_OUTPUT_CHARS,
  MAX_STRING_CHARS,
  parseTemplate,
  renderTemplate,
  VtlError,
  VtlLimitError,
} from '../../src/vtl/index.js';

/** The limit error a render stops with (fails when it renders or fails otherwise). */
function limitHit(template: string): VtlLimitError {
  try {
    renderTemplate(template);
  } catch (e) {
    if (e instanceof VtlLimitError) return e;
    throw e;
  }
  throw new Error('rendered without hitting a limit');
}

/** `#set($s = …)` to a string of 2^n "x" (doubling, so cheap). */
const doubled = (n: number) => `#set($s = "x")#foreach($i in [1..${n}])#set($s = "$s$s")#end`;

describe('render limits', () => {
  it('a range is refused before it is built, at the range', () => {
    const started = process.memoryUsage().rss;
    const e = limitHit('{"n": 1}\n#set($r = [1..2000000000])$r.size()');
    expect([e.line, e.column]).toEqual([2, 11]);
    expect(e.message).toBe(`[1..2000000000] has 2000000000 elements: more than ${MAX_ELEMENTS_PER_RENDER} list or map elements made in one render`);
    // Not allocated and then refused: well under the 16 GB the range would take.
    expect(process.memoryUsage().rss - started).toBeLessThan(200 * 1024 * 1024);
  });

  it('a range written in #foreach is walked, not built: it runs the 1,000 iterations API Gateway allows', () => {
    expect(renderTemplate('#set($c = 0)#foreach($i in [1..2000000000])#set($c = $c + 1)#end$c').output).toBe('1000');
    expect(renderTemplate('#foreach($i in [3..1])$i#end').output).toBe('321');
  });

  it('list growth by addAll stops at the element limit, at the call', () => {
    const e = limitHit('#set($l = [1])\n#foreach($i in [1..40])#set($ok = $l.addAll($l))#end');
    expect([e.line, e.column]).toEqual([2, 35]);
    expect(e.message).toMatch(/^addAll\(\) grew a collection to \d+ elements: more than 1000000 list or map elements/);
  });

  it('list literals made in a loop count too', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i).join(',');
    const e = limitHit(`#foreach($i in [1..1000])#foreach($j in [1..2])#set($l = [${items}])#end#end`);
    expect(e.column).toBe(58);
    expect(e.message).toContain(`more than ${MAX_ELEMENTS_PER_RENDER} list or map elements`);
  });

  it('string concatenation with + stops before making a string over the limit', () => {
    const e = limitHit('#set($s = "x")\n#foreach($i in [1..40])#set($s = $s + $s)#end');
    expect([e.line, e.column]).toEqual([2, 37]);
    expect(e.message).toBe(`"+" would make a string of ${2 ** 24} characters, longer than the ${MAX_STRING_CHARS} allowed (API Gateway's 10 MB payload limit)`);
  });

  it('string interpolation stops at the reference that made the string too long', () => {
    const e = limitHit(doubled(40));
    expect([e.line, e.column]).toEqual([1, 51]);
    expect(e.message).toBe(`a string being built is longer than the ${MAX_STRING_CHARS} characters allowed (API Gateway's 10 MB payload limit)`);
  });

  it('a $util result counts as a made string', () => {
    // 2^23 characters are 8 MiB; base64 makes that 4/3 longer.
    const e = limitHit(`${doubled(23)}\n$util.base64Encode($s)`);
    expect([e.line, e.column]).toEqual([2, 1]);
    expect(e.message).toMatch(/^a string of 11184812 characters is longer than/);
  });

  it('all the strings a render makes are bounded together', () => {
    // Thirteen distinct 8 MiB strings, each under the one-string limit, together over 100 MiB.
    const e = limitHit(`${doubled(23)}#set($l = [])#foreach($i in [1..20])#set($ok = $l.add("$s$i"))#end`);
    expect(e.message).toBe(`the template made more than ${MAX_CHARS_PER_RENDER} characters of strings in one render`);
  });

  it('the output stops at 10 MiB, at the reference that crossed it', () => {
    const e = limitHit(`${doubled(20)}\n#foreach($i in [1..20])$s#end`);
    expect([e.line, e.column]).toEqual([2, 24]);
    expect(e.message).toBe(`the output is longer than ${MAX_OUTPUT_CHARS} characters (API Gateway's 10 MB payload limit)`);
  });

  it('nested loops stop at the per-render iteration limit, at the loop', () => {
    const e = limitHit('#foreach($a in [1..1000])\n  #foreach($b in [1..1000])#foreach($c in [1..1000])#end#end#end');
    // 1 + 999 × (1 + 1000) = 1,000,000 iterations done; the middle loop's next one is over.
    expect([e.line, e.column]).toEqual([2, 3]);
    expect(e.message).toBe(`#foreach: more than ${MAX_ITERATIONS_PER_RENDER} loop iterations in one render (nested loops multiply)`);
  });

  it('macro recursion stops at Velocity\'s velocimacro.max.depth, at the call', () => {
    const e = limitHit('#macro(again $n)#again($n)#end\n#again(1)');
    expect([e.line, e.column]).toEqual([1, 17]);
    expect(e.message).toContain(`nested deeper than ${MAX_CALL_DEPTH}`);
  });

  it('#evaluate and #define recursion stop the same way', () => {
    expect(limitHit("#set($t = '#evaluate($t)')#evaluate($t)").message).toMatch(/^#evaluate: .*nested deeper than 20/);
    const d = limitHit('#define($d)[$d]#end\n$d');
    expect([d.line, d.column, d.message.startsWith('#define($d)')]).toEqual([1, 1, true]);
  });

  it('limit errors are VtlErrors (BAD_TEMPLATE: the CLI prints file:line:column and exits 2)', () => {
    const e = limitHit('#set($r = [0..1000000])');
    expect(e).toBeInstanceOf(VtlError);
    expect(e.code).toBe('BAD_TEMPLATE');
  });
});

describe('parser nesting limit', () => {
  const deep = (n: number, open: string, close: string) => open.repeat(n) + close.repeat(n);

  it(`blocks nest up to ${MAX_NESTING_DEPTH} levels; the next one is a located syntax error`, () => {
    expect(parseTemplate(deep(MAX_NESTING_DEPTH, '#if(true)', '#end')).errors).toEqual([]);
    const e = parseTemplate(deep(MAX_NESTING_DEPTH + 1, '#if(true)', '#end')).errors[0]!;
    expect([e.line, e.column]).toEqual([1, MAX_NESTING_DEPTH * 9 + 1]);
    expect(e.message).toBe(`#if nested deeper than ${MAX_NESTING_DEPTH} blocks`);
  });

  it('parentheses, lists and maps count, and a very deep one is an error, not a stack overflow', () => {
    const e = parseTemplate(`#set($x = ${deep(100_000, '(', ')')})`).errors[0]!;
    expect([e.line, e.column]).toEqual([1, 11 + MAX_NESTING_DEPTH]);
    expect(e.message).toMatch(/^nested deeper than 100 levels/);
    expect(parseTemplate(`#set($x = ${deep(5000, '[', ']')})`).errors[0]!.message).toMatch(/^nested deeper/);
    expect(parseTemplate(`#set($x = ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)})`).errors[0]!.message).toMatch(/^nested deeper/);
  });
});

describe('limits in lint (APIGW-VTL-014)', () => {
  it('a range bomb in a request template is a located error, not a crash', async () => {
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
            {"a": 1,
             #set($r = [1..2000000000])"n": $r.size()}
        responses:
          default: { statusCode: '200' }
`;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'vtl-limit-lint-')), 'openapi.yaml');
    writeFileSync(file, spec);
    const doc = await load(file);
    const found = lint(normalize(doc, { apiType: 'rest' }), doc).filter((d) => d.ruleId === 'APIGW-VTL-014');
    expect(found.map((d) => [d.severity, d.pointer])).toEqual([['error', '/paths/~1items/post/x-amazon-apigateway-integration/requestTemplates/application~1json']]);
    expect(found[0]!.message).toContain('exceeds a VTL limit at template line 2, column 12: [1..2000000000] has 2000000000 elements');
  });
});
