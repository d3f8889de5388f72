// The API Gateway environment: $util (Java library semantics), $input and Jayway JSONPath,
// $context/overrides, errors with positions, the compile cache and the API lint rules use.
// Each expectation names where it comes from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  UTIL_FUNCTIONS,
  VtlError,
  compileTemplate,
  evaluateJsonPath,
  isTemplateContextVariable,
  parseTemplate,
  renderTemplate,
  walkReferences,
  type ReferenceVisit,
} from '../../src/vtl/index.js';
import { ApigwError } from '../../src/errors.js';
import { parseJson } from '../../src/vtl/json.js';
import { toJavaString } from '../../src/vtl/values.js';

const render = (t: string, req = {}) => renderTemplate(t, req).output;

describe('$util (aws-apigateway.md §3.3: Commons Lang escapeJavaScript, URLEncoder, base64 over UTF-8)', () => {
  it('escapeJavaScript escapes quotes, backslash, slash, controls and non-ASCII as \\uXXXX', () => {
    // StringEscapeUtils.escapeJavaScript (Commons Lang 2.6) semantics, per the reference.
    expect(render(`$util.escapeJavaScript($input.path('$.s'))`, { body: JSON.stringify({ s: 'it\'s "x" a\\b </t>\n\t\u0001é€😀' }) })).toBe(
      'it\\\'s \\"x\\" a\\\\b <\\/t>\\n\\t\\u0001\\u00E9\\u20AC\\uD83D\\uDE00',
    );
  });
  it("the documented .replaceAll(\"\\\\'\",\"'\") idiom makes it JSON-safe (AWS docs §3.9 1)", () => {
    const out = render(`{"v": "$util.escapeJavaScript($input.path('$.s')).replaceAll("\\\\'","'")"}`, { body: '{"s":"O\'Brien \\"q\\""}' });
    expect(JSON.parse(out)).toEqual({ v: 'O\'Brien "q"' });
  });
  it('escapeJavaScript(null) is an error (reference §3.3)', () => {
    expect(() => render(`x\n  $util.escapeJavaScript($input.path('$.missing'))`, { body: '{}' })).toThrow(/escapeJavaScript\(null\)/);
  });
  it('urlEncode is form encoding (URLEncoder): space → +, unreserved . - * _ kept (LocalStack AWS-validated: x=a+b → x%3Da%2Bb)', () => {
    expect(render(`$util.urlEncode("x=a+b c.d-e*f_g~ü")`)).toBe('x%3Da%2Bb+c.d-e*f_g%7E%C3%BC');
  });
  it('urlDecode decodes + and %XX as UTF-8; a bad % sequence is an error', () => {
    expect(render(`$util.urlDecode("a+b%20c%C3%BC")`)).toBe('a b cü');
    expect(() => render(`$util.urlDecode("%zz")`)).toThrow(VtlError);
  });
  it('base64Encode/Decode use UTF-8 (not latin1 as serverless-offline)', () => {
    expect(render(`$util.base64Encode("héllo")`)).toBe(Buffer.from('héllo', 'utf8').toString('base64'));
    expect(render(`$util.base64Decode("aMOpbGxv")`)).toBe('héllo');
  });
  it('parseJson gives navigable objects; invalid JSON is a render error', () => {
    expect(render(`#set($o = $util.parseJson('{"a":{"b":[1,2.50]}}'))$o.a.b[1] $o.a`)).toBe('2.5 {b=[1,2.5]}');
    expect(() => render(`$util.parseJson("{nope")`)).toThrow(/parseJson: invalid JSON/);
  });
  it('lists exactly the six API Gateway functions; AppSync helpers are not there', () => {
    expect([...UTIL_FUNCTIONS].sort()).toEqual(['base64Decode', 'base64Encode', 'escapeJavaScript', 'parseJson', 'urlDecode', 'urlEncode']);
    expect(render('$util.toJson($x)')).toBe('$util.toJson($x)');
  });
});

describe('$input and Jayway JSONPath (reference §3.1, §3.2; local-gateway.md §2.2)', () => {
  const body = JSON.stringify({ items: [{ id: 1, price: 9.5 }, { id: 2, price: 20 }], name: 'n', empty: null });
  it('definite paths give a value, wildcard/filter/slice/deep paths give a list (Jayway)', () => {
    expect(render(`$input.json('$.items[0].id') $input.json('$.items[*].id') $input.json('$.items[?(@.price > 10)].id') $input.json('$.items[0:1]') $input.json('$..id')`, { body })).toBe(
      '1 [1,2] [2] [{"id":1,"price":9.5}] [1,2]',
    );
    const doc = parseJson(body);
    expect(toJavaString(evaluateJsonPath(doc, '$.items[*].id'))).toBe('[1,2]');
    expect(evaluateJsonPath(doc, '$.items[5]')).toBeNull();
  });
  it('a one-element wildcard match is still a list (Jayway, unlike jsonpath-rw in LocalStack)', () => {
    expect(render(`$input.json('$.items[?(@.id == 1)].id')`, { body })).toBe('[1]');
  });
  it('$input.json of a missing path renders "" and of a JSON null renders null (reference §3.2)', () => {
    expect(render(`$input.json('$.nope')|$input.json('$.empty')`, { body })).toBe('""|null');
  });
  it('$input.path returns native values: maps print as {k=v}, JSON lists as JSON (AWS-recorded)', () => {
    expect(render(`$input.path('$.items[1]') $input.path('$.items').size() $input.path('$.items[0].price')`, { body })).toBe('{id=2, price=20} 2 9.5');
  });
  it('doubles keep Java formatting (1.0 stays 1.0, 1e21 is 1.0E21)', () => {
    expect(render(`$input.path('$.a') $input.path('$.b') $input.json('$')`, { body: '{"a":1.0,"b":1e21}' })).toBe('1.0 1.0E21 {"a":1.0,"b":1.0E21}');
  });
  it('a body that is not JSON is a plain string; one that looks like JSON but is broken is an error', () => {
    expect(render(`$input.path('$')|$input.json('$')`, { body: 'a=b' })).toBe('a=b|"a=b"');
    expect(() => render(`$input.json('$')`, { body: '{"a":' })).toThrow(/Invalid JSON/);
  });
  it('an empty body is {} for $input.body, $input.json and $input.path (AWS-recorded)', () => {
    expect(render(`$input.body|$input.json('$')|$input.path('$').size()`, { body: '' })).toBe('{}|{}|0');
  });
  it('params(x) searches path, then query string, then header; missing is ""', () => {
    const req = { path: { id: 'p' }, query: { id: 'q', q: 'qq' }, headers: { id: 'h', h: 'hh' } };
    expect(render(`$input.params('id') $input.params('q') $input.params('h') [$input.params('none')]`, req)).toBe('p qq hh []');
  });
  it('params() is a map of path/querystring/header; hop-by-hop headers are hidden (AWS-recorded)', () => {
    const out = render(`$input.params()`, { path: { a: '1' }, query: { b: '2' }, headers: { c: '3', Connection: 'close', 'Content-Length': '9' } });
    expect(out).toBe('{path={a=1}, querystring={b=2}, header={c=3}}');
  });
  it('object keys keep document order, also numeric ones (json-smart ordered map)', () => {
    expect(render(`$input.path('$')`, { body: '{"b":1,"2":2,"a":3,"1":4}' })).toBe('{b=1, 2=2, a=3, 1=4}');
  });
  it('__proto__ in a body is ordinary data', () => {
    expect(render(`$input.path('$.__proto__.x') $input.json('$')`, { body: '{"__proto__":{"x":1}}' })).toBe('1 {"__proto__":{"x":1}}');
  });
});

describe('$context, $stageVariables and overrides (reference §3.4–3.6)', () => {
  it('authorizer context values are strings; claims stay a map; missing keys print empty', () => {
    const ctx = { authorizer: { principalId: 'u1', count: 1, admin: true, claims: { sub: 's-1' } } };
    expect(render(`$context.authorizer.principalId $context.authorizer.count $context.authorizer.admin $context.authorizer.claims.sub [$context.authorizer.nope]`, { context: ctx })).toBe(
      'u1 1 true s-1 []',
    );
  });
  it('collects request and response overrides, joins multi-value headers, and flags double assignment', () => {
    const r = renderTemplate(
      `#set($context.requestOverride.header.X-A = "1")#set($context.requestOverride.header.multi = ["a", "b"])#set($context.requestOverride.querystring.q = "v")#set($context.responseOverride.status = 201)#set($context.responseOverride.header.X-A = "2")#set($context.responseOverride.header.X-A = "3")`,
    );
    expect(r.overrides.request).toEqual({ header: { 'X-A': '1', multi: 'a,b' }, path: {}, querystring: { q: 'v' } });
    expect(r.overrides.response).toEqual({ header: { 'X-A': '3' }, status: 201 });
    expect(r.overrides.duplicates).toEqual(['responseOverride.header.X-A']);
  });
  it('stage variables: set, missing (empty), bracket and ${} forms (AWS docs §3.5)', () => {
    expect(render(`$stageVariables.a|$stageVariables['a']|\${stageVariables['a']}|$stageVariables.b|`, { stageVariables: { a: 'x' } })).toBe('x|x|x||');
  });
  it('isTemplateContextVariable knows template-usable and access-log-only variables', () => {
    expect(isTemplateContextVariable('identity.sourceIp')).toBe(true);
    expect(isTemplateContextVariable('authorizer.anything')).toBe(true);
    expect(isTemplateContextVariable('integrationLatency')).toBe(false);
  });
});

describe('errors, parsing and caching', () => {
  it('syntax errors carry the template line and column and are ApigwError BAD_TEMPLATE', () => {
    const r = parseTemplate('line 1\n  #set($a = )\n');
    expect(r.ast).toBeUndefined();
    const e = r.errors[0]!;
    expect(e).toBeInstanceOf(ApigwError);
    expect(e.code).toBe('BAD_TEMPLATE');
    expect([e.line, e.column]).toEqual([2, 13]);
  });
  it('unclosed and unmatched blocks are errors at the directive', () => {
    expect(() => compileTemplate('a\n\n  #if($x)\nb')).toThrow(expect.objectContaining({ line: 3, column: 3, message: '#if is never closed with #end' }));
    expect(() => compileTemplate('a #end')).toThrow(expect.objectContaining({ line: 1, column: 3 }));
  });
  it('render errors carry the position of the reference that failed', () => {
    expect(() => render('ok\n   $input.path("$.s").substring(9)', { body: '{"s":"abc"}' })).toThrow(expect.objectContaining({ line: 2, column: 4 }));
  });
  it('compiles once per text (cache) and renders many requests', () => {
    const text = '$input.params("n")!';
    const a = compileTemplate(text);
    expect(compileTemplate(text)).toBe(a);
    expect(renderTemplate(a, { query: { n: '1' } }).output).toBe('1!');
    expect(renderTemplate(a, { query: { n: '2' } }).output).toBe('2!');
  });
  it('walkReferences reports $util calls, $context paths and #set targets with positions (for lint rules)', () => {
    const seen: ReferenceVisit[] = [];
    const ast = parseTemplate('#set($context.responseOverride.status = 400)\n"$util.toJson($input.json(\'$\'))"').ast!;
    walkReferences(ast, (v) => seen.push(v));
    expect(seen.map((v) => [v.dottedPath, v.assigned, v.firstMethod, v.ref.line, v.ref.column])).toEqual([
      // Each reference at its own `$` (the #set target too, and an argument inside a call).
      ['context.responseOverride.status', true, undefined, 1, 6],
      ['util', false, 'toJson', 2, 2],
      ['input', false, 'json', 2, 15],
    ]);
  });
});

describe('the console "Method Request passthrough" template', () => {
  const text = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/method-request-passthrough.vtl'), 'utf8');
  it('renders valid JSON carrying every parameter, escaped (expected: the template\'s documented purpose)', () => {
    const out = render(text, {
      body: '{"a":[1,{"b":"c"}]}',
      path: { id: '7' },
      query: { q: 'x"y' },
      headers: { 'User-Agent': 'ua/1' },
      stageVariables: { env: 'dev' },
      context: { stage: 'dev', httpMethod: 'POST', identity: { sourceIp: '1.2.3.4' } },
    });
    const json = JSON.parse(out);
    expect(json['body-json']).toEqual({ a: [1, { b: 'c' }] });
    expect(json.params).toEqual({ path: { id: '7' }, querystring: { q: 'x"y' }, header: { 'User-Agent': 'ua/1' } });
    expect(json['stage-variables']).toEqual({ env: 'dev' });
    expect(json.context).toMatchObject({ stage: 'dev', 'http-method': 'POST', 'source-ip': '1.2.3.4', 'user-agent': 'ua/1', 'authorizer-principal-id': '' });
  });
});
