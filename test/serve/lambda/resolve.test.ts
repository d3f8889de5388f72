import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../../../src/model/index.js';
import { routeRows } from '../../../src/report/routes.js';
import type { Config } from '../../../src/config/types.js';
import { resolveFunctions } from '../../../src/serve/lambda/resolve.js';
import { documentOf } from '../../model/helpers.js';

const lambda = (fn: string) => ({ type: 'aws_proxy', httpMethod: 'POST', uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn}/invocations` });
const sub = (logicalId: string) => ({ type: 'aws_proxy', httpMethod: 'POST', uri: { 'Fn::Sub': `arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${logicalId}.Arn}/invocations` } });
const op = (integration: unknown, security?: unknown) => ({ responses: { 200: { description: 'ok' } }, 'x-amazon-apigateway-integration': integration, ...(security ? { security } : {}) });

const api = normalize(documentOf({
  openapi: '3.0.1',
  info: { title: 'shop', version: '1' },
  paths: {
    '/orders': { get: op(sub('OrdersFunction'), [{ tokenAuth: [] }]) },
    '/users': { post: op(lambda('arn:aws:lambda:us-east-1:123456789012:function:users-fn:live')) },
    '/generated': { get: op(sub('GeneratedFunction')) },
    '/none': { get: op(sub('NoneFunction')) },
    '/escape': { get: op(sub('EscapeFunction')) },
    '/linked': { get: op(sub('LinkedFunction')) },
    '/binary': { get: op(sub('BinaryFunction')) },
    '/slow': { get: op(sub('SlowFunction')) },
  },
  components: {
    securitySchemes: {
      tokenAuth: {
        type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthFunction.Arn}/invocations' } },
      },
    },
  },
}));

const template = {
  Globals: { Function: { Timeout: 5, MemorySize: 256, Environment: { Variables: { LOG_LEVEL: 'info', SHARED: 'from globals' } } } },
  Resources: {
    OrdersFunction: { Type: 'AWS::Serverless::Function', Properties: { Timeout: 7, Environment: { Variables: { TABLE: { Ref: 'OrdersTable' }, STAGE: 'dev', SHARED: 'from function' } } } },
    UsersFn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'users-fn', MemorySize: 1024, Environment: { Variables: { SOURCE: 'template' } } } },
  },
};

let project: string;
let outside: string;
const config = (): Config => ({
  serve: {
    environment: { SHARED: 'from config', GLOBAL: '1' },
    timeout: 4,
    functions: {
      OrdersFunction: './src/orders.ts#handler',
      'users-fn': { handler: './src/users.mjs#api.main', environment: { TABLE: 'users' }, timeout: 10 },
      AuthFunction: 'src/auth.cjs',
      EscapeFunction: '../outside/evil.ts#handler',
      LinkedFunction: './src/linked.ts#handler',
      BinaryFunction: './src/tool.sh#handler',
      SlowFunction: { handler: './src/orders.ts#handler', timeout: 1000 },
    },
  },
} as Config);

beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'apigw-resolve-'));
  project = path.join(root, 'project');
  outside = path.join(root, 'outside');
  for (const file of ['project/src/orders.ts', 'project/src/users.mjs', 'project/src/auth.cjs', 'project/src/tool.sh', 'project/generated/handlers/generated-function.ts', 'outside/evil.ts']) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), 'export const handler = async () => 1;\n');
  }
  symlinkSync(path.join(outside, 'evil.ts'), path.join(project, 'src/linked.ts'));
});

afterAll(() => rmSync(path.dirname(project), { recursive: true, force: true }));

describe('resolveFunctions', () => {
  it('maps every function routes shows (alias stripped) and every authorizer function to its module, settings and environment', () => {
    const { functions, missing } = resolveFunctions(api, { config: config(), configDir: project, outDir: path.join(project, 'generated'), template });
    const targets = routeRows(api).map((r) => r.target.replace(/:live$/, ''));
    for (const f of functions) expect([...targets, 'AuthFunction']).toContain(f.name);
    expect(functions).toEqual([
      {
        name: 'OrdersFunction', module: path.join(project, 'src/orders.ts'), exportName: 'handler', timeoutMs: 7000, memorySize: 256,
        // Template Globals, then the template function (TABLE is an intrinsic: no local value), then config.
        environment: { LOG_LEVEL: 'info', SHARED: 'from config', STAGE: 'dev', GLOBAL: '1' },
      },
      {
        name: 'users-fn', module: path.join(project, 'src/users.mjs'), exportName: 'api.main', timeoutMs: 10_000, memorySize: 1024,
        environment: { SOURCE: 'template', SHARED: 'from config', GLOBAL: '1', TABLE: 'users' },
      },
      { name: 'GeneratedFunction', module: path.join(project, 'generated/handlers/generated-function.ts'), exportName: 'handler', timeoutMs: 4000, environment: { SHARED: 'from config', GLOBAL: '1' } },
      { name: 'AuthFunction', module: path.join(project, 'src/auth.cjs'), exportName: 'handler', timeoutMs: 4000, environment: { SHARED: 'from config', GLOBAL: '1' } },
    ]);
    expect(missing).toEqual([
      { name: 'NoneFunction', reason: 'no serve.functions entry for it in the config, and no generated implementation generated/handlers/none-function.ts (run apigw-gen build, or map it to a module)' },
      { name: 'EscapeFunction', reason: `serve.functions.EscapeFunction: ../outside/evil.ts is outside the project folder ${project}; handlers must be inside it` },
      { name: 'LinkedFunction', reason: `serve.functions.LinkedFunction: ./src/linked.ts links to a file outside the project folder ${project}` },
      { name: 'BinaryFunction', reason: 'serve.functions.BinaryFunction: ./src/tool.sh is not a .ts/.mts/.cts/.js/.mjs/.cjs module' },
      { name: 'SlowFunction', reason: 'timeout 1000 is not a number of seconds between 1 and 900' },
    ]);
  });

  it('defaults to 3 s and no variables without template or config settings', () => {
    const { functions } = resolveFunctions(api, { config: { serve: { functions: { OrdersFunction: './src/orders.ts#handler' } } } as Config, configDir: project, outDir: path.join(project, 'generated') });
    expect(functions.find((f) => f.name === 'OrdersFunction')).toEqual({ name: 'OrdersFunction', module: path.join(project, 'src/orders.ts'), exportName: 'handler', timeoutMs: 3000, environment: {} });
  });

  it('reports a missing module and a malformed entry', () => {
    const { missing } = resolveFunctions(api, {
      config: { serve: { functions: { OrdersFunction: './src/gone.ts#handler', 'users-fn': { handler: './src/users.mjs#1bad' }, AuthFunction: { environment: {} } } } } as unknown as Config,
      configDir: project,
      outDir: path.join(project, 'generated'),
    });
    expect(missing.filter((m) => ['OrdersFunction', 'users-fn', 'AuthFunction'].includes(m.name))).toEqual([
      { name: 'OrdersFunction', reason: 'serve.functions.OrdersFunction: ./src/gone.ts does not exist' },
      { name: 'users-fn', reason: 'serve.functions.users-fn: "1bad" is not an export name' },
      { name: 'AuthFunction', reason: 'serve.functions.AuthFunction must be "<module>#<export>" or { handler: "<module>#<export>" }' },
    ]);
  });
});
