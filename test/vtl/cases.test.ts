// Every case of ../shared/corpus/vtl/cases.json (64 REST cases whose expected result AWS produced),
// run through a small model of what sits around the templates (README.md "Fields"):
// - request: the request template's output is the result;
// - response: the response template renders the recorded integration response;
// - request+response: MOCK takes the status from the request output's `statusCode` and carries
//   `$context` overrides to the response template (no response template → empty body); HTTP
//   echoes the request output back as the integration response.
// Status and headers come from the templates' responseOverride, as API Gateway applies them.
import { expect, it } from 'vitest';
import { renderTemplate, type VtlRequest } from '../../src/vtl/index.js';
import { matchesWithPlaceholders, readCorpus } from './corpus.js';
import { describeShared, hasShared } from '../support/shared.js';

interface Case {
  name: string;
  integration: string;
  phase: 'request' | 'response' | 'request+response';
  template: string | { request: string; response: string | null };
  input: VtlRequest & { body: string | null; integrationResponse?: { statusCode: number; body: string } };
  expected: {
    body?: string;
    json?: unknown;
    jsonPath?: string;
    statusCode?: number;
    headers?: Record<string, string>;
    integrationRequestHeaders?: Record<string, string>;
    ignoreKeys?: string[];
  };
  compare: 'exact' | 'json' | 'json-with-placeholders' | 'headers-subset';
  docsSuspect?: boolean;
}

interface Outcome {
  statusCode: number;
  body: string;
  headers: Record<string, string>;
  integrationRequestHeaders: Record<string, string>;
}

function run(c: Case): Outcome {
  const request: VtlRequest = { ...c.input, body: c.input.body };
  if (c.phase === 'request') {
    const r = renderTemplate(c.template as string, request);
    return {
      statusCode: r.overrides.response.status ?? 200,
      body: r.output,
      headers: r.overrides.response.header,
      integrationRequestHeaders: { ...(c.input.headers as Record<string, string>), ...r.overrides.request.header },
    };
  }
  if (c.phase === 'response') {
    // A MOCK response template sees an empty integration response.
    const ir = c.input.integrationResponse ?? { statusCode: 200, body: '' };
    const r = renderTemplate(c.template as string, { ...request, body: ir.body });
    return { statusCode: r.overrides.response.status ?? ir.statusCode, body: r.output, headers: r.overrides.response.header, integrationRequestHeaders: {} };
  }
  const t = c.template as { request: string; response: string | null };
  const req = renderTemplate(t.request, request);
  const mock = c.integration.startsWith('MOCK');
  // MOCK: the request output selects the status ({"statusCode": N}, not necessarily strict JSON).
  const mockStatus = Number(/statusCode"?\s*:\s*(\d+)/.exec(req.output)?.[1] ?? 200);
  const context = { ...(c.input.context ?? {}), ...req.overrideContext };
  if (t.response === null) {
    return { statusCode: req.overrides.response.status ?? mockStatus, body: '', headers: req.overrides.response.header, integrationRequestHeaders: {} };
  }
  const res = renderTemplate(t.response, { ...request, body: mock ? '' : req.output, context });
  return {
    statusCode: res.overrides.response.status ?? (mock ? mockStatus : 200),
    body: res.output,
    headers: res.overrides.response.header,
    integrationRequestHeaders: {},
  };
}

/** Cases that truly cannot pass, with the reason. The test asserts they still fail, so a fix is noticed. */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'docs-input-params-path-json-things':
    'docsSuspect: the docs show clean JSON for `$util.escapeJavaScript($input.json(...))`, but escapeJavaScript escapes every quote (README: do not fail a faithful engine on it).',
  'sqs-json-protocol-context-keyset-order':
    'The snapshot replaced $context.requestTimeEpoch with the bare token "request-time-epoch" (not a <placeholder>), so no engine output can match it; every other key, the key set and the "" rendering of nested maps do match.',
};

const cases = hasShared ? readCorpus<{ cases: Case[] }>('cases.json').cases : [];

function check(c: Case): void {
  const out = run(c);
  const e = c.expected;
  if (e.statusCode !== undefined) expect(out.statusCode).toBe(e.statusCode);
  if (e.headers) expect(out.headers).toMatchObject(e.headers);
  switch (c.compare) {
    case 'exact':
      expect(out.body).toBe(e.body);
      break;
    case 'json':
      expect(JSON.parse(out.body)).toEqual(e.json);
      break;
    case 'json-with-placeholders': {
      let actual: unknown = JSON.parse(out.body);
      if (e.jsonPath?.startsWith('$.MessageBody')) actual = JSON.parse((actual as { MessageBody: string }).MessageBody);
      expect(matchesWithPlaceholders(actual, e.json, e.ignoreKeys), JSON.stringify(actual)).toBe(true);
      break;
    }
    case 'headers-subset':
      expect(out.integrationRequestHeaders).toMatchObject(e.integrationRequestHeaders!);
      break;
  }
}

describeShared('cases.json (AWS-recorded)', () => {
  it('has the 64 cases the README describes', () => {
    expect(cases).toHaveLength(64);
  });
  for (const c of cases) {
    const known = KNOWN_DIFFERENCES[c.name];
    it(`${c.name}${known ? ' (known difference)' : ''}`, () => {
      if (known) expect(() => check(c)).toThrow();
      else check(c);
    });
  }
});
