// The emitter end to end on a spec with AWS service integrations that have no templates: which
// templates it generates (and where they belong in the spec, for the gateway target to inline),
// what it skips and why, the `templates.generate` config entries, and file names for hostile paths.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/model/index.js';
import type { LoadedDocument } from '../../../src/load/types.js';
import type { Config } from '../../../src/config/types.js';
import { ApigwError } from '../../../src/errors.js';
import { emitTemplates, type TemplatesIndex } from '../../../src/emit/templates/index.js';
import { listTemplateSites, routeFolders } from '../../../src/emit/shared/vtl-files.js';
import { parseTemplate, renderTemplate } from '../../../src/vtl/index.js';

function documentOf(document: Record<string, unknown>): LoadedDocument {
  return { entry: '/virtual/openapi.yaml', files: ['/virtual/openapi.yaml'], version: '3.0', document, sourceMap: { lookup: () => undefined } };
}

const aws = (service: string, action: string, extra: Record<string, unknown> = {}) => ({
  type: 'aws',
  httpMethod: 'POST',
  uri: `arn:aws:apigateway:us-east-1:${service}:${action}`,
  credentials: 'arn:aws:iam::123456789012:role/apigw',
  ...extra,
});
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Services <b>|</b>', version: '1' },
  paths: {
    '/pets': {
      post: { requestBody: json({ $ref: '#/components/schemas/Pet' }), responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': aws('dynamodb', 'action/PutItem', { responses: { default: { statusCode: '200' } } }) },
      get: {
        parameters: [{ name: 'owner', in: 'query', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'ok', ...json({ type: 'array', items: { $ref: '#/components/schemas/Pet' } }) } },
        'x-amazon-apigateway-integration': aws('dynamodb', 'action/Query'),
      },
    },
    '/pets/{petId}': {
      parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
      get: { responses: { '200': { description: 'ok', ...json({ $ref: '#/components/schemas/Pet' }) } }, 'x-amazon-apigateway-integration': aws('dynamodb', 'action/GetItem', { responses: { default: { statusCode: '200' } } }) },
      delete: { responses: { '204': { description: 'gone' } }, 'x-amazon-apigateway-integration': aws('dynamodb', 'action/DeleteItem') },
    },
    '/orders': { post: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': aws('sqs', 'path/123456789012/orders') } },
    '/notify': { post: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': aws('sns', 'action/Publish') } },
    '/flows': { post: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': aws('states', 'action/StartSyncExecution') } },
    '/stream': { post: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': aws('kinesis', 'action/PutRecord') } },
    '/events': { post: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': aws('events', 'action/PutEvents') } },
    '/free': { put: { requestBody: json({ type: 'object' }), responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': aws('dynamodb', 'action/PutItem') } },
    '/scan': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': aws('dynamodb', 'action/Scan') } },
    '/lambda': {
      post: {
        responses: { '200': { description: 'ok' } },
        'x-amazon-apigateway-integration': { type: 'aws', httpMethod: 'POST', uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations' },
      },
    },
    '/written': {
      post: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': aws('sqs', 'path/1/q', { requestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=x' } }) },
    },
  },
  components: {
    schemas: { Pet: { type: 'object', required: ['petId'], properties: { petId: { type: 'string' }, name: { type: 'string' }, age: { type: 'integer' } } } },
  },
};

const api = normalize(documentOf(SPEC));
const emit = (config: Config) => emitTemplates(api, { document: documentOf(SPEC), config });
const indexOf = (files: ReturnType<typeof emit>) => JSON.parse(files.get('index.json')!.content) as TemplatesIndex;

describe('generated templates for AWS service integrations without templates', () => {
  const files = emit({});
  const index = indexOf(files);
  const generated = index.templates.filter((t) => t.origin === 'generated');

  it('generates one per known action, with stage-variable defaults listed as requirements', () => {
    expect(generated.map((t) => [t.file, t.generator, t.requires ?? []])).toEqual([
      ['get-pets/request.application-json.vtl', 'dynamodb-query', ['stageVariables.tableName']],
      ['get-pets/response.200.application-json.vtl', 'dynamodb-query', ['stageVariables.tableName']],
      ['post-pets/request.application-json.vtl', 'dynamodb-putitem', ['stageVariables.tableName']],
      ['get-pets-petid/request.application-json.vtl', 'dynamodb-getitem', ['stageVariables.tableName']],
      ['get-pets-petid/response.200.application-json.vtl', 'dynamodb-getitem', ['stageVariables.tableName']],
      ['delete-pets-petid/request.application-json.vtl', 'dynamodb-deleteitem', ['stageVariables.tableName']],
      ['post-orders/request.application-json.vtl', 'sqs-sendmessage', []],
      ['post-notify/request.application-json.vtl', 'sns-publish', ['stageVariables.topicArn']],
      ['post-flows/request.application-json.vtl', 'stepfunctions-startsyncexecution', ['stageVariables.stateMachineArn']],
      ['post-flows/response.200.application-json.vtl', 'stepfunctions-startsyncexecution', ['stageVariables.stateMachineArn']],
      ['post-stream/request.application-json.vtl', 'kinesis-putrecord', ['stageVariables.streamName']],
      ['post-events/request.application-json.vtl', 'eventbridge-putevents', ['stageVariables.eventSource', 'stageVariables.eventDetailType']],
    ]);
    // Nothing for Scan (no generator), the Lambda integration, or the route that has its own template.
    expect(generated.some((t) => /scan|lambda|written/.test(t.file))).toBe(false);
  });

  it('records where each template belongs in the spec (for inlining into the gateway config)', () => {
    const get = generated.find((t) => t.file === 'get-pets-petid/response.200.application-json.vtl')!;
    expect(get.pointer).toBe('/paths/~1pets~1{petId}/get/x-amazon-apigateway-integration/responses/default/responseTemplates/application~1json');
    expect(get.selectionPattern).toBe('default');
    const query = generated.find((t) => t.file === 'get-pets/response.200.application-json.vtl')!;
    expect(query.notes).toContain('add an integration response "default" with statusCode 200');
  });

  it('skips what it cannot map, saying why', () => {
    expect(index.skipped).toEqual([{ routeKey: 'PUT /free', generator: 'dynamodb-putitem', reason: expect.stringContaining('without declared properties') }]);
    expect(files.get('README.md')!.content).toContain('## Not generated');
  });

  it('every generated template parses and renders valid JSON (or a form body) for a sample request', () => {
    const request = { body: JSON.stringify({ petId: 'p"1', name: "O'Neil", age: 2 }), path: { petId: 'p"1' }, query: { owner: 'o\\1' }, stageVariables: { tableName: 'Pets', topicArn: 'arn:t', stateMachineArn: 'arn:s', streamName: 's', eventSource: 'src', eventDetailType: 'dt' }, context: { extendedRequestId: 'e1' } };
    for (const t of generated) {
      const text = files.get(t.file)!.content;
      expect(parseTemplate(text).errors).toEqual([]);
      if (t.direction === 'response') continue;
      const output = renderTemplate(text, request).output;
      if (t.generator === 'sqs-sendmessage' || t.generator === 'sns-publish') expect(output).toMatch(/^Action=\w+(&[A-Za-z]+=[A-Za-z0-9%+._*-]*)+$/);
      else expect(() => JSON.parse(output), `${t.file}:\n${output}`).not.toThrow();
    }
    const put = JSON.parse(renderTemplate(files.get('post-pets/request.application-json.vtl')!.content, request).output);
    expect(put).toEqual({ TableName: 'Pets', Item: { petId: { S: 'p"1' }, name: { S: "O'Neil" }, age: { N: '2' } } });
    const query = JSON.parse(renderTemplate(files.get('get-pets/request.application-json.vtl')!.content, request).output);
    expect(query.ExpressionAttributeNames).toEqual({ '#k0': 'owner' });
    expect(query.ExpressionAttributeValues).toEqual({ ':k0': { S: 'o\\1' } });
  });

  it('templates.generateMissing: false turns it off', () => {
    expect(indexOf(emit({ templates: { generateMissing: false } })).templates.filter((t) => t.origin === 'generated')).toEqual([]);
  });
});

describe('templates.generate config entries', () => {
  it('a passthrough for a Lambda custom integration and a PutItem with literal table and gateway-set id', () => {
    const files = emit({
      templates: {
        generateMissing: false,
        generate: [
          { route: 'POST /lambda', template: 'passthrough' },
          { route: 'post /pets', template: 'dynamodb-putitem', table: 'PetsTable', attributes: { petId: 'context.requestId' } },
        ],
      },
    });
    const index = indexOf(files);
    expect(index.templates.map((t) => [t.file, t.generator, t.generatedFor])).toEqual([
      ['post-written/request.application-json.vtl', undefined, undefined],
      ['post-lambda/request.application-json.vtl', 'passthrough', 'config'],
      ['post-pets/request.application-json.vtl', 'dynamodb-putitem', 'config'],
    ]);
    const out = renderTemplate(files.get('post-pets/request.application-json.vtl')!.content, { body: '{"petId":"client","name":"n"}', context: { requestId: 'req-9' } }).output;
    // The gateway-set id wins over the body's.
    expect(JSON.parse(out)).toEqual({ TableName: 'PetsTable', Item: { petId: { S: 'req-9' }, name: { S: 'n' } } });
  });

  it('a Query on a chosen key attribute and a GetItem mapping an attribute to another parameter name', () => {
    const files = emit({ templates: { generateMissing: false, generate: [{ route: 'GET /pets', template: 'dynamodb-query', table: 'stageVariables.t', key: ['ownerId=owner'], indexName: 'byOwner' }, { route: 'GET /pets/{petId}', template: 'dynamodb-getitem', table: 'T', key: ['id=petId'], response: false }] } });
    const query = JSON.parse(renderTemplate(files.get('get-pets/request.application-json.vtl')!.content, { query: { owner: 'o1' }, stageVariables: { t: 'Pets' } }).output);
    expect(query).toEqual({ TableName: 'Pets', IndexName: 'byOwner', KeyConditionExpression: '#k0 = :k0', ExpressionAttributeNames: { '#k0': 'ownerId' }, ExpressionAttributeValues: { ':k0': { S: 'o1' } } });
    expect(files.has('get-pets-petid/response.200.application-json.vtl')).toBe(false);
    expect(JSON.parse(renderTemplate(files.get('get-pets-petid/request.application-json.vtl')!.content, { path: { petId: 'x' } }).output).Key).toEqual({ id: { S: 'x' } });
  });

  it.each<[Config['templates'], RegExp]>([
    [{ generate: [{ route: 'GET /nope', template: 'passthrough' }] }, /templates\.generate\[0\]: no route "GET \/nope"/],
    [{ generate: [{ route: 'POST /written', template: 'sqs-sendmessage' }] }, /templates\.generate\[0\]: the route POST \/written already has a application\/json request template/],
    [{ generate: [{ route: 'PUT /free', template: 'dynamodb-putitem', table: 'T' }] }, /templates\.generate\[0\]: cannot generate .*without declared properties/],
    [{ generate: [{ route: 'GET /pets/{petId}', template: 'dynamodb-getitem', table: 'T"; #set' }] }, /templates\.generate\[0\]\.table: .*literals may hold only/],
    [{ generate: [{ route: 'GET /pets/{petId}', template: 'dynamodb-getitem', key: ['missing'] }] }, /templates\.generate\[0\]\.key: the route GET \/pets\/\{petId\} has no parameter "missing"/],
  ])('bad entry %j is a BAD_CONFIG/BAD_TEMPLATE error naming the entry', (templates, message) => {
    let error: unknown;
    try {
      emit({ templates: templates! });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApigwError);
    expect((error as Error).message).toMatch(message);
  });

  it('HTTP APIs have no templates to generate', () => {
    const http = normalize(documentOf(SPEC), { apiType: 'http' });
    expect(() => emitTemplates(http, { document: documentOf(SPEC), config: { templates: { generate: [{ route: 'POST /lambda', template: 'passthrough' }] } } })).toThrow(/HTTP APIs have no mapping templates/);
  });
});

describe('file names from hostile specs', () => {
  const tpl = (ct: string) => ({ type: 'mock', requestTemplates: { [ct]: `{"statusCode": 200} ## ${ct}` } });
  const hostile = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/../../etc/{passwd}': { get: { responses: {}, 'x-amazon-apigateway-integration': tpl('../../x') } },
      '/pets': { get: { responses: {}, 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': 'a', 'Application/JSON': 'b', '*/*': 'c' } } } },
      '/Pets': { get: { responses: {}, 'x-amazon-apigateway-integration': tpl('text/plain') } },
      '/pets/': { get: { responses: {}, 'x-amazon-apigateway-integration': tpl('text/plain') } },
      '/ünï/{proxy+}': { get: { responses: {}, 'x-amazon-apigateway-integration': tpl('text/plain') } },
      [`/${'long'.repeat(40)}`]: { get: { responses: {}, 'x-amazon-apigateway-integration': tpl('text/plain') } },
      '/': { get: { responses: {}, 'x-amazon-apigateway-integration': tpl('a\nb') } },
    },
  };
  const hostileApi = normalize(documentOf(hostile));

  it('stay inside the folder, are unique case-insensitively, and depend only on their own route', () => {
    const files = [...emitTemplates(hostileApi, { document: documentOf(hostile), config: {} }).keys()];
    for (const f of files) {
      expect(f).toMatch(/^([a-z0-9-]+\/[a-z0-9.-]+\.vtl|index\.json|README\.md)$/);
      expect(f.split('/').every((seg) => seg !== '..' && seg !== '.')).toBe(true);
    }
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
    const sites = listTemplateSites(hostileApi);
    expect(sites.map((s) => s.file)).toEqual([
      'get-etc-passwd/request.x.vtl',
      expect.stringMatching(/^get-pets-[0-9a-f]{8}\/request\.application-json-[0-9a-f]{8}\.vtl$/),
      expect.stringMatching(/^get-pets-[0-9a-f]{8}\/request\.application-json-[0-9a-f]{8}\.vtl$/),
      expect.stringMatching(/^get-pets-[0-9a-f]{8}\/request\.any-any\.vtl$/),
      expect.stringMatching(/^get-pets-[0-9a-f]{8}\/request\.text-plain\.vtl$/),
      expect.stringMatching(/^get-pets-[0-9a-f]{8}\/request\.text-plain\.vtl$/),
      'get-n-proxy/request.text-plain.vtl',
      expect.stringMatching(/^get-(long){20}-[0-9a-f]{8}\/request\.text-plain\.vtl$/),
      'get-root/request.a-b.vtl',
    ]);
    // The three `/pets` spellings collide; each keeps its name when the others change order.
    const folders = routeFolders(hostileApi.routes);
    const reordered = routeFolders([...hostileApi.routes].reverse()).reverse();
    expect(reordered).toEqual(folders);
  });
});

describe('generated templates inlined at their pointers pass the APIGW-VTL lint rules', () => {
  it('no APIGW-VTL diagnostics at all, and extraction finds them again under the same names', async () => {
    const { lint, allRules } = await import('../../../src/lint/index.js');
    const files = emit({ templates: { generate: [{ route: 'POST /lambda', template: 'passthrough' }] } });
    const index = indexOf(files);
    // Inline every generated template where the index says it belongs (what the gateway target does).
    const doc = structuredClone(SPEC) as Record<string, unknown>;
    for (const t of index.templates.filter((e) => e.origin === 'generated')) {
      const tokens = t.pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      let node = doc as Record<string, unknown>;
      for (const token of tokens.slice(0, -1)) node = (node[token] ??= {}) as Record<string, unknown>;
      node[tokens.at(-1)!] = files.get(t.file)!.content;
      // A response template may need its integration response created: the index gives its status.
      if (t.direction === 'response') {
        const response = tokens.slice(0, -2).reduce((n, k) => n[k] as Record<string, unknown>, doc as Record<string, unknown>);
        response.statusCode ??= t.statusCode;
      }
    }
    // A control: a hand-written quoting mistake on another route must be the only finding (quoted $input.json, output not JSON).
    ((doc.paths as Record<string, Record<string, Record<string, Record<string, unknown>>>>)['/scan']!.get!['x-amazon-apigateway-integration']!).requestTemplates = { 'application/json': `{"a": "$input.json('$.x')"}` };
    const loaded = documentOf(doc);
    const inlined = normalize(loaded);
    const vtlRules = allRules.filter((r) => r.id.startsWith('APIGW-VTL-'));
    const diagnostics = lint(inlined, loaded, {}, { rules: vtlRules }).map((d) => `${d.ruleId} ${d.pointer}`);
    const control = '/paths/~1scan/get/x-amazon-apigateway-integration/requestTemplates/application~1json';
    expect(diagnostics).toEqual([`APIGW-VTL-003 ${control}`, `APIGW-VTL-013 ${control}`]);
    // Each inlined template is found again by the extraction, under the same file name.
    expect(listTemplateSites(inlined).map((s) => s.file).sort()).toEqual(index.templates.filter((e) => e.origin === 'generated').map((e) => e.file).concat(['post-written/request.application-json.vtl', 'get-scan/request.application-json.vtl']).sort());
  });
});
