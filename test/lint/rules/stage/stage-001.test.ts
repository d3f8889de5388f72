// APIGW-STAGE-001 beyond its docs page: `$default` is an HTTP API's stage, refused for REST; other
// names follow API Gateway's pattern for both types.

import { describe, expect, it } from 'vitest';
import { lintText } from '../../helpers.js';

const SPEC = `openapi: 3.0.1
info: { title: t, version: '1' }
paths:
  /pets:
    get:
      responses: { '200': { description: OK } }
      x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: 'https://e.com/pets' }
`;

async function stage001(stages: string[], apiType: 'rest' | 'http') {
  const config = { stages: Object.fromEntries(stages.map((s) => [s, {}])) };
  const { diagnostics } = await lintText(SPEC, config, apiType);
  return diagnostics.filter((d) => d.ruleId === 'APIGW-STAGE-001');
}

describe('APIGW-STAGE-001', () => {
  it.each([
    { apiType: 'http' as const, stages: ['$default', 'prod', 'a_b-1'], refused: [] },
    { apiType: 'rest' as const, stages: ['$default', 'prod'], refused: ['/stages/$default'] },
    { apiType: 'http' as const, stages: ['$defaults', 'prod.v2', 'x'.repeat(129)], refused: ['/stages/$defaults', '/stages/prod.v2', `/stages/${'x'.repeat(129)}`] },
    { apiType: 'rest' as const, stages: ['prod.v2', ''], refused: ['/stages/prod.v2', '/stages/'] },
  ])('$apiType API, stages $stages', async ({ apiType, stages, refused }) => {
    const found = await stage001(stages, apiType);
    expect(found.map((d) => d.pointer).sort()).toEqual([...refused].sort());
    const dollar = found.find((d) => d.pointer === '/stages/$default');
    if (dollar) expect(dollar.message).toContain('exists only for HTTP APIs');
  });
});
