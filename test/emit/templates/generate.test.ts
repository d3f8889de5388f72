// Generated templates rendered with the engine against sample requests — hostile ones included
// (quotes, backslashes, newlines, `'`, non-ASCII, `</script>`, form and VTL metacharacters). Each
// output is checked byte for byte, then parsed (JSON, or form-decoded) to prove the values
// round-trip exactly. Expected escapes follow aws-apigateway.md §3.3: escapeJavaScript is Commons
// Lang's (`'`→`\'` undone by replaceAll, `/`→`\/`, non-ASCII→`\uXXXX`), `$input.json` is a JSON
// serializer that leaves non-ASCII as is, urlEncode is Java's URLEncoder over UTF-8.
import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate, type VtlRequest } from '../../../src/vtl/index.js';
import { ApigwError } from '../../../src/errors.js';
import { methodRequestPassthrough } from '../../../src/emit/templates/generate/passthrough.js';
import { sqsSendMessage } from '../../../src/emit/templates/generate/sqs.js';
import { snsPublish } from '../../../src/emit/templates/generate/sns.js';
import { stepFunctionsStartExecution, stepFunctionsSyncResponse } from '../../../src/emit/templates/generate/step-functions.js';
import { kinesisPutRecord } from '../../../src/emit/templates/generate/kinesis.js';
import { eventBridgePutEvents } from '../../../src/emit/templates/generate/eventbridge.js';
import { parseTemplateValue } from '../../../src/emit/templates/generate/values.js';

/** Every kind of character that has broken a hand-written template. */
const HOSTILE = 'it\'s "q" \\ </script>\né😀';
/** HOSTILE through escapeJavaScript(...).replaceAll("\\'","'"). */
const HOSTILE_ESCAPED = String.raw`it's \"q\" \\ <\/script>\n\u00E9\uD83D\uDE00`;
/** HOSTILE as $input.json serializes it. */
const HOSTILE_JSON = String.raw`"it's \"q\" \\ </script>\né😀"`;
/** HOSTILE through $util.urlEncode (java.net.URLEncoder, UTF-8). */
const HOSTILE_FORM = 'it%27s+%22q%22+%5C+%3C%2Fscript%3E%0A%C3%A9%F0%9F%98%80';

const render = (template: string, request: VtlRequest) => renderTemplate(template, request).output;

function formDecode(body: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of body.split('&')) {
    const [k, v = ''] = pair.split('=');
    out.set(decodeURIComponent(k!.replace(/\+/g, ' ')), decodeURIComponent(v.replace(/\+/g, ' ')));
  }
  return out;
}

function expectParses(template: string): void {
  expect(parseTemplate(template).errors).toEqual([]);
}

describe('method request passthrough', () => {
  const template = methodRequestPassthrough();
  const request: VtlRequest = {
    body: JSON.stringify({ name: HOSTILE }),
    path: { id: HOSTILE },
    query: { q: 'a b', [HOSTILE]: 'key' },
    headers: { 'X-Test': HOSTILE },
    stageVariables: { env: HOSTILE },
    context: { stage: 'prod', requestId: 'req-1', httpMethod: 'POST', resourcePath: '/pets/{id}', identity: { sourceIp: '192.0.2.1', userAgent: HOSTILE } },
  };

  it('parses, renders byte for byte, and every name and value round-trips', () => {
    expectParses(template);
    const output = render(template, request);
    expect(output).toBe(
      [
        '{',
        `  "body-json": {"name":${HOSTILE_JSON}},`,
        '  "params": {',
        '    "path": {',
        `      "id": "${HOSTILE_ESCAPED}"`,
        '    },',
        '    "querystring": {',
        '      "q": "a b",',
        `      "${HOSTILE_ESCAPED}": "key"`,
        '    },',
        '    "header": {',
        `      "X-Test": "${HOSTILE_ESCAPED}"`,
        '    }',
        '  },',
        '  "stage-variables": {',
        `    "env": "${HOSTILE_ESCAPED}"`,
        '  },',
        '  "context": {',
        '    "account-id": "",',
        '    "api-id": "",',
        '    "api-key": "",',
        '    "authorizer-principal-id": "",',
        '    "caller": "",',
        '    "cognito-authentication-provider": "",',
        '    "cognito-authentication-type": "",',
        '    "cognito-identity-id": "",',
        '    "cognito-identity-pool-id": "",',
        '    "http-method": "POST",',
        '    "stage": "prod",',
        '    "source-ip": "192.0.2.1",',
        '    "user": "",',
        `    "user-agent": "${HOSTILE_ESCAPED}",`,
        '    "user-arn": "",',
        '    "request-id": "req-1",',
        '    "resource-id": "",',
        // escapeJavaScript escapes `/` too (Commons Lang).
        String.raw`    "resource-path": "\/pets\/{id}"`,
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const parsed = JSON.parse(output);
    expect(parsed['body-json']).toEqual({ name: HOSTILE });
    expect(parsed.params.path.id).toBe(HOSTILE);
    expect(parsed.params.querystring[HOSTILE]).toBe('key');
    expect(parsed.params.header['X-Test']).toBe(HOSTILE);
    expect(parsed['stage-variables'].env).toBe(HOSTILE);
    expect(parsed.context['user-agent']).toBe(HOSTILE);
  });

  it('is valid JSON with no parameters, no stage variables and an empty body', () => {
    const output = render(template, {});
    const parsed = JSON.parse(output);
    expect(parsed['body-json']).toEqual({});
    expect(parsed.params).toEqual({ path: {}, querystring: {}, header: {} });
    expect(parsed['stage-variables']).toEqual({});
  });
});

describe('SQS SendMessage (form body)', () => {
  it('URL-encodes the raw body byte for byte; it form-decodes back exactly', () => {
    const template = sqsSendMessage();
    expectParses(template);
    const body = `${HOSTILE}&MessageBody=evil&x=%41+b=c`;
    const output = render(template, { body });
    expect(output).toBe(`Action=SendMessage&MessageBody=${HOSTILE_FORM}%26MessageBody%3Devil%26x%3D%2541%2Bb%3Dc`);
    const form = formDecode(output);
    expect([...form.keys()]).toEqual(['Action', 'MessageBody']);
    expect(form.get('MessageBody')).toBe(body);
  });

  it('FIFO: group id from a path parameter, deduplication id from the request id, both encoded', () => {
    const template = sqsSendMessage({ messageGroupId: parseTemplateValue('method.request.path.group', 'g'), messageDeduplicationId: parseTemplateValue('context.extendedRequestId', 'd') });
    expectParses(template);
    const output = render(template, { body: '{"a":1}', path: { group: 'g&1=2' }, context: { extendedRequestId: 'ext/1' } });
    expect(output).toBe('Action=SendMessage&MessageBody=%7B%22a%22%3A1%7D&MessageGroupId=g%261%3D2&MessageDeduplicationId=ext%2F1');
    expect(formDecode(output).get('MessageGroupId')).toBe('g&1=2');
  });
});

describe('SNS Publish (form body)', () => {
  it('literal topic ARN, body as message, subject from a header', () => {
    const template = snsPublish({ topicArn: parseTemplateValue('arn:aws:sns:us-east-1:123456789012:orders', 't'), subject: parseTemplateValue('method.request.header.X-Subject', 's') });
    expectParses(template);
    const output = render(template, { body: HOSTILE, headers: { 'X-Subject': 'Hi & bye' } });
    expect(output).toBe(`Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aorders&Message=${HOSTILE_FORM}&Subject=Hi+%26+bye`);
    const form = formDecode(output);
    expect(form.get('TopicArn')).toBe('arn:aws:sns:us-east-1:123456789012:orders');
    expect(form.get('Message')).toBe(HOSTILE);
    expect(form.get('Subject')).toBe('Hi & bye');
  });
});

describe('Step Functions', () => {
  it('StartExecution: input is the body JSON as a string, arn from a stage variable', () => {
    const template = stepFunctionsStartExecution({ stateMachineArn: parseTemplateValue('stageVariables.sm', 'a'), name: parseTemplateValue('context.extendedRequestId', 'n') });
    expectParses(template);
    const body = JSON.stringify({ order: HOSTILE, n: 1 });
    const output = render(template, { body, stageVariables: { sm: 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders' }, context: { extendedRequestId: 'abc' } });
    expect(output).toBe(
      [
        '{',
        String.raw`  "input": "{\"order\":\"it's \\\"q\\\" \\\\ <\/script>\\n\u00E9\uD83D\uDE00\",\"n\":1}",`,
        '  "name": "abc",',
        '  "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:Orders"',
        '}',
        '',
      ].join('\n'),
    );
    const parsed = JSON.parse(output);
    expect(JSON.parse(parsed.input)).toEqual({ order: HOSTILE, n: 1 });
  });

  it('StartSyncExecution response: output on success, escaped error and 500 on failure', () => {
    const template = stepFunctionsSyncResponse();
    expectParses(template);
    expect(render(template, { body: JSON.stringify({ status: 'SUCCEEDED', output: '{"total":3}' }) })).toBe('{"total":3}\n');
    const failed = renderTemplate(template, { body: JSON.stringify({ status: 'FAILED', error: 'States.TaskFailed', cause: HOSTILE }) });
    expect(failed.output).toBe(`{"error": "States.TaskFailed", "cause": "${HOSTILE_ESCAPED}"}\n`);
    expect(JSON.parse(failed.output).cause).toBe(HOSTILE);
    expect(failed.overrides.response.status).toBe(500);
  });
});

describe('Kinesis PutRecord', () => {
  it('Data is base64 of the body bytes; partition key defaults to the extended request id', () => {
    const template = kinesisPutRecord({ streamName: parseTemplateValue('orders-stream', 's') });
    expectParses(template);
    const output = render(template, { body: HOSTILE, context: { extendedRequestId: 'ext-1' } });
    expect(output).toBe('{\n  "StreamName": "orders-stream",\n  "Data": "aXQncyAicSIgXCA8L3NjcmlwdD4Kw6nwn5iA",\n  "PartitionKey": "ext-1"\n}\n');
    expect(Buffer.from(JSON.parse(output).Data, 'base64').toString('utf8')).toBe(HOSTILE);
  });

  it('partition key from a body field, escaped', () => {
    const template = kinesisPutRecord({ streamName: parseTemplateValue('s', 's'), partitionKey: parseTemplateValue('method.request.body.customer.id', 'p') });
    const output = render(template, { body: JSON.stringify({ customer: { id: HOSTILE } }) });
    expect(output).toContain(`"PartitionKey": "${HOSTILE_ESCAPED}"`);
    expect(JSON.parse(output).PartitionKey).toBe(HOSTILE);
  });
});

describe('EventBridge PutEvents', () => {
  it('Detail is the body JSON as a string; source and detail type literal; default bus', () => {
    const template = eventBridgePutEvents({ source: parseTemplateValue('com.example.orders', 's'), detailType: parseTemplateValue('OrderPlaced', 'd') });
    expectParses(template);
    const output = render(template, { body: JSON.stringify({ note: HOSTILE }) });
    expect(output).toBe(
      [
        '{',
        '  "Entries": [',
        '    {',
        '      "Source": "com.example.orders",',
        '      "DetailType": "OrderPlaced",',
        String.raw`      "Detail": "{\"note\":\"it's \\\"q\\\" \\\\ <\/script>\\n\u00E9\uD83D\uDE00\"}",`,
        '      "EventBusName": "default"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(JSON.parse(output).Entries[0].Detail)).toEqual({ note: HOSTILE });
  });

  it('a hostile stage-variable bus name is escaped, not spliced', () => {
    const template = eventBridgePutEvents({ source: parseTemplateValue('s', 's'), detailType: parseTemplateValue('d', 'd'), eventBusName: parseTemplateValue('stageVariables.bus', 'b') });
    const output = render(template, { body: '{}', stageVariables: { bus: '", "Injected": "x' } });
    const entry = JSON.parse(output).Entries[0];
    expect(entry.EventBusName).toBe('", "Injected": "x');
    expect(entry.Injected).toBeUndefined();
  });
});

describe('template values (config syntax)', () => {
  it('reads literals, stage variables, context, parameters and body fields', () => {
    expect(parseTemplateValue('Pets', 'x')).toEqual({ from: 'literal', value: 'Pets' });
    expect(parseTemplateValue('stageVariables.table', 'x')).toEqual({ from: 'stageVariable', name: 'table' });
    expect(parseTemplateValue('context.identity.sourceIp', 'x')).toEqual({ from: 'context', name: 'identity.sourceIp' });
    expect(parseTemplateValue('method.request.querystring.q', 'x')).toEqual({ from: 'param', location: 'querystring', name: 'q' });
    expect(parseTemplateValue('method.request.body.a.b-c', 'x')).toEqual({ from: 'body', path: "$.a['b-c']" });
  });

  it.each([
    ['a"b', 'literals may hold only'],
    ['$input.body', 'literals may hold only'],
    ['#set($x = 1)', 'literals may hold only'],
    ['stageVariables.a-b', 'stage variable names'],
    ['context.integrationLatency', 'is not a variable mapping templates can read'],
    ['method.request.path.a\'b', 'parameter names'],
  ])('rejects %j with a clear BAD_CONFIG error', (text, message) => {
    let error: unknown;
    try {
      parseTemplateValue(text, 'templates.generate[0].table');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApigwError);
    expect((error as ApigwError).code).toBe('BAD_CONFIG');
    expect((error as ApigwError).message).toContain('templates.generate[0].table');
    expect((error as ApigwError).message).toContain(message);
  });
});
