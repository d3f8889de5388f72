import path from 'node:path';
import { it, expect } from 'vitest';
import { normalize } from '../../src/model/index.js';
import { lint } from '../../src/lint/index.js';
import { routeRows } from '../../src/report/routes.js';
import { documentOf, loadDocument, sharedDir } from './helpers.js';
import { describeShared } from '../support/shared.js';

// AWS's own OAS 3.0 samples declare their Cognito authorizer in a root `securityDefinitions`
// (a Swagger 2.0 field) and API Gateway's importer honours it; so must normalize.
const corpus = (name: string) => path.join(sharedDir, 'corpus/apigw', name);

describeShared('OAS 3.x with a root securityDefinitions', () => {
  it('url-shortener: /app routes are protected by the Cognito authorizer and lint finds no AUTH-001', async () => {
    const doc = await loadDocument(corpus('aws-samples__amazon-api-gateway-url-shortener__api.yaml'));
    const api = normalize(doc);
    const scheme = api.securitySchemes.UserAuthorizer;
    expect(scheme?.kind).toBe('authorizer');
    expect(scheme?.pointer).toBe('/securityDefinitions/UserAuthorizer');
    // CORS preflight (OPTIONS) stays open; every other /app method is protected.
    const app = routeRows(api).filter((r) => r.path === '/app' && r.method !== 'OPTIONS');
    expect(app.length).toBeGreaterThan(0);
    for (const row of app) expect(row.authorizer).toBe('UserAuthorizer (cognito)');
    const auth001 = lint(api, doc).filter((d) => d.ruleId === 'APIGW-AUTH-001');
    expect(auth001).toEqual([]);
  });

  it('s12d server API: no AUTH-001 errors and its secured routes use an authorizer', async () => {
    const doc = await loadDocument(corpus('aws-samples__sessions-with-aws-sam__s12d-server-api.yaml'));
    const api = normalize(doc);
    expect(lint(api, doc).filter((d) => d.ruleId === 'APIGW-AUTH-001')).toEqual([]);
    expect(api.routes.some((r) => r.auth.type === 'COGNITO_USER_POOLS')).toBe(true);
  });

  it('components.securitySchemes wins over a root securityDefinitions of the same name', () => {
    const api = normalize(documentOf({
      openapi: '3.0.1', info: { title: 't', version: '1' },
      paths: { '/a': { get: { security: [{ A: [] }, { B: [] }], responses: { 200: { description: 'ok' } } } } },
      components: { securitySchemes: { A: { type: 'apiKey', name: 'x-api-key', in: 'header' } } },
      securityDefinitions: {
        A: { type: 'apiKey', name: 'Other', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
        B: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
      },
    }));
    expect(api.securitySchemes.A).toMatchObject({ kind: 'api-key', pointer: '/components/securitySchemes/A' });
    expect(api.securitySchemes.B).toMatchObject({ kind: 'iam', pointer: '/securityDefinitions/B' });
  });
});
