// Extraction: every mapping template of a spec becomes exactly one `.vtl` file whose content is
// byte-identical to the template text in the spec, under a safe, unique, stable name; index.json
// lists it with route, direction, selection pattern and source pointer. Checked on the petstore
// fixture (mock, Lambda custom and AWS service templates) and on every real spec of the shared
// corpus that has templates. The expected set of templates comes from an independent walk of
// the raw document, not from the model.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import type { LoadedDocument } from '../../../src/load/types.js';
import type { Api } from '../../../src/model/types.js';
import { emitTemplates, type TemplatesIndex } from '../../../src/emit/templates/index.js';
import { parseTemplate } from '../../../src/vtl/index.js';
import { ApigwError } from '../../../src/errors.js';
import { describeShared } from '../../support/shared.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/apigw');

const esc = (t: string) => t.replace(/~/g, '~0').replace(/\//g, '~1');
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace', 'x-amazon-apigateway-any-method'];

/** The template text of a raw value: a string, or the text of `Fn::Sub`. */
function rawText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isObj(v) && 'Fn::Sub' in v) {
    const a = v['Fn::Sub'];
    return typeof a === 'string' ? a : Array.isArray(a) && typeof a[0] === 'string' ? a[0] : undefined;
  }
  return undefined;
}

/** pointer → template text, read straight from the raw document. */
function rawTemplates(doc: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const collect = (templates: unknown, base: string) => {
    if (!isObj(templates)) return;
    for (const [ct, v] of Object.entries(templates)) {
      const t = rawText(v);
      if (t !== undefined) out.set(`${base}/${esc(ct)}`, t);
    }
  };
  const root = isObj(doc) ? doc : {};
  for (const [p, item] of Object.entries(isObj(root.paths) ? root.paths : {})) {
    if (!isObj(item)) continue;
    for (const m of METHODS) {
      const op = item[m];
      const integ = isObj(op) ? op['x-amazon-apigateway-integration'] : undefined;
      if (!isObj(integ)) continue;
      const base = `/paths/${esc(p)}/${m}/x-amazon-apigateway-integration`;
      collect(integ.requestTemplates, `${base}/requestTemplates`);
      if (isObj(integ.responses)) for (const [sel, r] of Object.entries(integ.responses)) if (isObj(r)) collect(r.responseTemplates, `${base}/responses/${esc(sel)}/responseTemplates`);
    }
  }
  const gw = root['x-amazon-apigateway-gateway-responses'];
  if (isObj(gw)) for (const [type, r] of Object.entries(gw)) if (isObj(r)) collect(r.responseTemplates, `/x-amazon-apigateway-gateway-responses/${esc(type)}/responseTemplates`);
  return out;
}

/**
 * The text as API Gateway parses it (as the APIGW-VTL lint rules do): `${AWS::…}` is substituted at
 * import, and in an Fn::Sub template every `${X}` is a CloudFormation substitution. Placeholders keep the length.
 */
function asImported(text: string, intrinsic: string | undefined): string {
  const pattern = intrinsic === 'Fn::Sub' ? /\$\{(?!!)[^}]*\}/g : /\$\{AWS::[A-Za-z]+\}/g;
  const out = text.replace(pattern, (m) => 'X'.repeat(m.length));
  return intrinsic === 'Fn::Sub' ? out.replace(/\$\{!/g, '${') : out;
}

const SAFE_FILE = /^[a-z0-9-]+\/[a-z0-9.-]+\.vtl$/;

function checkExtraction(doc: LoadedDocument, api: Api): { index: TemplatesIndex; files: Map<string, string> } {
  const fileSet = emitTemplates(api, { document: doc, config: { templates: { generateMissing: false } } });
  const files = new Map([...fileSet].map(([k, v]) => [k, v.content]));
  const index = JSON.parse(files.get('index.json')!) as TemplatesIndex;
  const spec = index.templates.filter((t) => t.origin === 'spec');
  const expected = rawTemplates(doc.document);
  // One file per template, byte-identical.
  expect(new Map(spec.map((t) => [t.pointer, files.get(t.file)]))).toEqual(expected);
  // Safe, unique names (case-insensitively), nothing outside the folder.
  const vtl = [...files.keys()].filter((f) => f.endsWith('.vtl'));
  expect(vtl.length).toBe(spec.length);
  for (const f of vtl) expect(f).toMatch(SAFE_FILE);
  expect(new Set(vtl.map((f) => f.toLowerCase())).size).toBe(vtl.length);
  return { index, files };
}

describe('petstore fixture', async () => {
  const doc = await load(path.join(repoRoot, 'fixtures/petstore/openapi.yaml'));
  const api = normalize(doc);

  it('extracts every template byte for byte with the documented names', () => {
    const { index, files } = checkExtraction(doc, api);
    expect(index.templates.map((t) => t.file)).toEqual([
      'post-pets/request.application-json.vtl',
      'post-pets/response.201.application-json.vtl',
      'post-pets/response.400.application-json.vtl',
      'post-pets/response.500.application-json.vtl',
      'options-pets/request.application-json.vtl',
      'delete-pets-petid/request.application-json.vtl',
      'delete-pets-petid/response.400.application-json.vtl',
      'post-store-orders/request.application-json.vtl',
      'post-store-orders/response.202.application-json.vtl',
      'get-health/request.application-json.vtl',
      'get-health/response.200.application-json.vtl',
      'gateway-responses/default-4xx.application-json.vtl',
      'gateway-responses/default-5xx.application-json.vtl',
      'gateway-responses/unauthorized.application-json.vtl',
      'gateway-responses/bad-request-body.application-json.vtl',
    ]);
    expect(files.get('post-store-orders/request.application-json.vtl')).toBe('Action=SendMessage&MessageBody=$util.urlEncode($input.body)');
    expect(index.templates[2]).toEqual({
      file: 'post-pets/response.400.application-json.vtl',
      origin: 'spec',
      route: 'POST /pets',
      direction: 'response',
      contentType: 'application/json',
      selectionPattern: '.*\\[BadRequest\\].*',
      statusCode: '400',
      pointer: '/paths/~1pets/post/x-amazon-apigateway-integration/responses/.*\\[BadRequest\\].*/responseTemplates/application~1json',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    for (const t of index.templates) expect(parseTemplate(files.get(t.file)!).errors).toEqual([]);
  });

  it('the README lists every file and the route, escaped for Markdown', () => {
    const readme = emitTemplates(api, { document: doc, config: {} }).get('README.md')!.content;
    expect(readme).toContain('| [post-pets/response.400.application-json.vtl](post-pets/response.400.application-json.vtl) | POST /pets | response | application/json | .\\*\\\\\\[BadRequest\\\\\\].\\* → 400 | spec |');
  });

  it('is stable: same names run after run and whatever the route order', () => {
    const first = emitTemplates(api, { document: doc, config: {} });
    const again = emitTemplates(normalize(doc), { document: doc, config: {} });
    expect([...again]).toEqual([...first]);
    const reversed = emitTemplates({ ...api, routes: [...api.routes].reverse() }, { document: doc, config: {} });
    const byPointer = (fs: typeof first) => new Map((JSON.parse(fs.get('index.json')!.content) as TemplatesIndex).templates.map((t) => [t.pointer, t.file]));
    expect(byPointer(reversed)).toEqual(byPointer(first));
  });
});

function corpusSpecs(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(name)) out.push(p);
    }
  };
  walk(corpusDir);
  return out;
}

describeShared('real specs of the corpus', () => {
  it('every template of every loadable corpus spec is extracted byte for byte, named safely and uniquely', async () => {
    let specsWithTemplates = 0;
    let templates = 0;
    const syntaxErrors: string[] = [];
    for (const file of corpusSpecs()) {
      let doc: LoadedDocument;
      try {
        doc = await load(file);
      } catch (e) {
        if (e instanceof ApigwError) continue; // load's own tests cover specs it rejects
        throw e;
      }
      if (rawTemplates(doc.document).size === 0) continue;
      const api = normalize(doc, { apiType: 'rest' });
      const { index, files } = checkExtraction(doc, api);
      specsWithTemplates++;
      templates += index.templates.length;
      for (const t of index.templates) {
        const errors = parseTemplate(asImported(files.get(t.file)!, t.intrinsic)).errors;
        if (errors.length > 0) syntaxErrors.push(`${path.basename(file)} ${t.file}: ${errors[0]!.message}`);
      }
    }
    // The corpus has dozens of specs with templates (awsdocs kinesis/s3 proxies, serverless-patterns …).
    console.log(`corpus: ${templates} templates extracted from ${specsWithTemplates} specs`);
    expect(specsWithTemplates).toBeGreaterThanOrEqual(30);
    expect(templates).toBeGreaterThanOrEqual(150);
    // Apache Velocity 1.7 fails this one with ParseErrorException too: `$input.params(\"data\")`,
    // a backslash cannot start a method argument (test/vtl/velocity-oracle, no-false-alarms.test.ts).
    const velocity17Rejects = /^localstack__localstack__api-definition\.yaml .*: syntax error: unexpected "\\" \(expected a value\)$/;
    expect(syntaxErrors.filter((e) => !velocity17Rejects.test(e))).toEqual([]);
  });

  it('flags ${AWS::…} variables that API Gateway resolves at import', async () => {
    const doc = await load(path.join(corpusDir, 'aws-samples__serverless-patterns__apigw-rest-stepfunctions-express-sync-bedrock-sam-api.yaml'));
    const { index, files } = checkExtraction(doc, normalize(doc));
    const request = index.templates.find((t) => t.direction === 'request')!;
    expect(request.resolvedAtImport).toEqual(['AWS::Region', 'AWS::AccountId']);
    expect(files.get(request.file)).toContain('arn:aws:states:${AWS::Region}:${AWS::AccountId}:stateMachine');
  });

  it('names of templates from known corpus specs', async () => {
    const doc = await load(path.join(corpusDir, 'awsdocs__amazon-api-gateway-developer-guide__kinesis-proxy-swagger20.json'));
    const { index } = checkExtraction(doc, normalize(doc));
    expect(index.templates.map((t) => `${t.file} ← ${t.route}`)).toEqual([
      'get-streams/request.application-json.vtl ← GET /streams',
      'get-streams-stream-name/request.application-json.vtl ← GET /streams/{stream-name}',
      'post-streams-stream-name/request.application-json.vtl ← POST /streams/{stream-name}',
      'delete-streams-stream-name/request.application-json.vtl ← DELETE /streams/{stream-name}',
      'put-streams-stream-name-record/request.application-json.vtl ← PUT /streams/{stream-name}/record',
      'get-streams-stream-name-records/request.application-json.vtl ← GET /streams/{stream-name}/records',
      'put-streams-stream-name-records/request.application-json.vtl ← PUT /streams/{stream-name}/records',
      // Two content types of one route: two files.
      'put-streams-stream-name-records/request.application-x-amz-json-1-1.vtl ← PUT /streams/{stream-name}/records',
      'get-streams-stream-name-sharditerator/request.application-json.vtl ← GET /streams/{stream-name}/sharditerator',
    ]);
    const crud = await load(path.join(corpusDir, 'aws-samples__serverless-patterns__apigw-ddb-openapi-crud-api.yaml'));
    const crudIndex = checkExtraction(crud, normalize(crud)).index;
    // Fn::Sub templates are extracted as the text CloudFormation substitutes into, and say so.
    const first = crudIndex.templates[0]!;
    expect(first).toMatchObject({ file: 'get-id/request.application-json.vtl', intrinsic: 'Fn::Sub', pointerOfText: `${first.pointer}/Fn::Sub` });
  });
});
