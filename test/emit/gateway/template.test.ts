// template.yaml with a full config: stages, variables, method settings, access logs, alarms,
// tracing, caching, usage plans and keys, custom domain — as plain CloudFormation (checked
// structurally) and as SAM (validated against the SAM JSON Schema).

import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../../src/config/types.js';
import { cfnProblems, emitSpec, packaged, samValidate, templateOf } from './helpers.js';
import { hasShared, itShared } from '../../support/shared.js';

const FULL: ResolvedConfig = {
  stages: {
    prod: {
      variables: { backend: 'prod-backend' },
      throttling: { burstLimit: 200, rateLimit: 100 },
      caching: { enabled: true, ttlInSeconds: 60, clusterSize: '1.6' },
      logging: { level: 'ERROR', dataTrace: false },
      tracing: true,
      methodSettings: { 'GET /pets/{petId}': { throttling: { burstLimit: 10, rateLimit: 5 }, caching: { enabled: true, ttlInSeconds: 30 } } },
      alarms: { serverErrorRate: 0.01, clientErrorRate: 0.1, p99LatencyMs: 2000, integrationLatencyMs: 1500 },
    },
    dev: { variables: { backend: 'dev-backend' }, logging: { accessLogs: false } },
  },
  gateway: {
    endpointType: 'REGIONAL',
    domain: { name: 'api.example.com', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', basePath: 'v1' },
    usagePlans: {
      gold: { stages: ['prod'], throttling: { burstLimit: 50, rateLimit: 20 }, quota: { limit: 10000, period: 'MONTH' }, apiKeys: ['partner-a', 'partner-b'] },
      free: { stages: ['prod', 'dev'], quota: { limit: 100, period: 'DAY' }, apiKeys: ['partner-a'] },
    },
  },
};

/** The template's resources of one type; typed as non-empty so tests can destructure the first. */
const byType = (template: Record<string, any>, type: string) =>
  Object.entries(template.Resources as Record<string, any>).filter(([, r]) => r.Type === type) as [[string, any], ...[string, any][]];

describe('REST template with a full config', () => {
  it('is structurally sound plain CloudFormation with every configured piece', async () => {
    const t = templateOf(await emitSpec('fixtures/petstore/openapi.yaml', FULL));
    expect(cfnProblems(t)).toEqual([]);
    expect(t.Transform).toBeUndefined();
    const [[apiId, api]] = byType(t, 'AWS::ApiGateway::RestApi') as [[string, any]];
    expect(api.Properties.Body.openapi).toBe('3.0.1');
    expect(api.Properties.EndpointConfiguration).toEqual({ Types: ['REGIONAL'] });

    const stages = Object.fromEntries(byType(t, 'AWS::ApiGateway::Stage').map(([, r]) => [r.Properties.StageName, r.Properties]));
    expect(Object.keys(stages).sort()).toEqual(['dev', 'prod']);
    const [[deploymentId]] = byType(t, 'AWS::ApiGateway::Deployment');
    expect(stages.prod.DeploymentId).toEqual({ Ref: deploymentId });
    expect(stages.prod.Variables).toEqual({ backend: 'prod-backend' });
    expect(stages.prod.TracingEnabled).toBe(true);
    expect(stages.prod.CacheClusterEnabled).toBe(true);
    expect(stages.prod.CacheClusterSize).toBe('1.6');
    expect(stages.prod.MethodSettings).toEqual([
      { ResourcePath: '/*', HttpMethod: '*', MetricsEnabled: true, LoggingLevel: 'ERROR', DataTraceEnabled: false, ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100, CachingEnabled: true, CacheTtlInSeconds: 60 },
      { ResourcePath: '/~1pets~1{petId}', HttpMethod: 'GET', ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5, CachingEnabled: true, CacheTtlInSeconds: 30 },
    ]);
    // Access logs: prod to its own log group in JSON, dev turned off.
    const logGroup = stages.prod.AccessLogSetting.DestinationArn['Fn::GetAtt'][0];
    expect(t.Resources[logGroup].Type).toBe('AWS::Logs::LogGroup');
    expect(JSON.parse(stages.prod.AccessLogSetting.Format.replace(/\$context\.[\w.]+/g, 'x'))).toHaveProperty('requestId');
    expect(stages.dev.AccessLogSetting).toBeUndefined();

    const alarms = byType(t, 'AWS::CloudWatch::Alarm').map(([, r]) => r.Properties);
    expect(alarms.map((a) => [a.MetricName, a.Threshold, a.Statistic ?? a.ExtendedStatistic]).sort()).toEqual([
      ['4XXError', 0.1, 'Average'], ['5XXError', 0.01, 'Average'], ['IntegrationLatency', 1500, 'p99'], ['Latency', 2000, 'p99'],
    ]);
    expect(alarms[0].Dimensions).toEqual([{ Name: 'ApiName', Value: 'PetStore' }, { Name: 'Stage', Value: { Ref: 'StageProd' } }]);

    const plans = Object.fromEntries(byType(t, 'AWS::ApiGateway::UsagePlan').map(([id, r]) => [r.Properties.UsagePlanName, { id, ...r.Properties }]));
    expect(plans.gold.Quota).toEqual({ Limit: 10000, Period: 'MONTH' });
    expect(plans.gold.Throttle).toEqual({ BurstLimit: 50, RateLimit: 20 });
    expect(plans.free.ApiStages).toEqual([{ ApiId: { Ref: apiId }, Stage: { Ref: 'StageProd' } }, { ApiId: { Ref: apiId }, Stage: { Ref: 'StageDev' } }]);
    expect(byType(t, 'AWS::ApiGateway::ApiKey').map(([, r]) => r.Properties.Name).sort()).toEqual(['partner-a', 'partner-b']);
    expect(byType(t, 'AWS::ApiGateway::UsagePlanKey')).toHaveLength(3);

    const [[, domain]] = byType(t, 'AWS::ApiGateway::DomainName') as [[string, any]];
    expect(domain.Properties).toMatchObject({ DomainName: 'api.example.com', RegionalCertificateArn: FULL.gateway!.domain!.certificateArn });
    const [[, mapping]] = byType(t, 'AWS::ApiGateway::BasePathMapping') as [[string, any]];
    expect(mapping.Properties).toMatchObject({ BasePath: 'v1', Stage: { Ref: 'StageProd' } });

    // One permission per Lambda route and per Lambda authorizer, each scoped to this API.
    const permissions = byType(t, 'AWS::Lambda::Permission').map(([, r]) => r.Properties);
    expect(permissions.map((p) => p.SourceArn['Fn::Sub'].replace(/^.*\$\{Api\}\//, '')).sort()).toEqual(['*/GET/pets', '*/GET/pets/*', '*/POST/pets', 'authorizers/*']);
    for (const p of permissions) {
      expect(p.SourceArn['Fn::Sub']).toMatch(/^arn:\$\{AWS::Partition\}:execute-api:\$\{AWS::Region\}:\$\{AWS::AccountId\}:\$\{Api\}\//);
      expect(p.Principal).toBe('apigateway.amazonaws.com');
    }
    expect(permissions.map((p) => p.FunctionName)).toContain('arn:aws:lambda:us-east-1:123456789012:function:petstore-create-pet:live');

    // prod writes execution logs (ERROR): the account-wide CloudWatch role is created, and the stage waits for it.
    const [[roleId, role]] = byType(t, 'AWS::IAM::Role') as [[string, any]];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([{ Effect: 'Allow', Principal: { Service: ['apigateway.amazonaws.com'] }, Action: ['sts:AssumeRole'] }]);
    expect(role.Properties.ManagedPolicyArns).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs' }]);
    expect(role.DeletionPolicy).toBe('Retain');
    const [[accountId, account]] = byType(t, 'AWS::ApiGateway::Account') as [[string, any]];
    expect(account.Properties).toEqual({ CloudWatchRoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] } });
    const stageResources = Object.fromEntries(byType(t, 'AWS::ApiGateway::Stage').map(([, r]) => [r.Properties.StageName, r]));
    expect(stageResources.prod.DependsOn).toBe(accountId);
    expect(stageResources.dev.DependsOn).toBeUndefined(); // dev writes neither execution nor access logs

    expect(Object.keys(t.Outputs).sort()).toEqual(['ApiId', 'DevUrl', 'DomainUrl', 'ProdUrl']);
    expect(t.Outputs.ProdUrl.Value).toEqual({ 'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/prod' });
  });

  itShared('validates against the SAM schema in SAM form', async () => {
    const t = templateOf(await emitSpec('fixtures/petstore/openapi.yaml', { ...FULL, gateway: { ...FULL.gateway, sam: true } }));
    expect(t.Transform).toBe('AWS::Serverless-2016-10-31');
    expect(samValidate(t)).toEqual({ valid: true, errors: null });
    expect(cfnProblems(t)).toEqual([]);
    const [[, api]] = byType(t, 'AWS::Serverless::Api') as [[string, any]];
    expect(api.Properties).toMatchObject({ StageName: 'prod', TracingEnabled: true, Variables: { backend: 'prod-backend' }, EndpointConfiguration: { Type: 'REGIONAL' } });
    expect(api.Properties.DefinitionBody.openapi).toBe('3.0.1');
    // The second stage shares SAM's deployment.
    const [[, dev]] = byType(t, 'AWS::ApiGateway::Stage') as [[string, any]];
    expect(dev.Properties).toMatchObject({ StageName: 'dev', DeploymentId: { Ref: 'Api.Deployment' } });
    // SAM creates prod (execution logs on) from the Api resource: that resource waits for the account role.
    const [[accountId]] = byType(t, 'AWS::ApiGateway::Account');
    expect(byType(t, 'AWS::IAM::Role')).toHaveLength(1);
    expect(api.DependsOn).toBe(accountId);
    expect(dev.DependsOn).toBeUndefined();
  });

  it('the account role is opt-out, absent when no REST stage logs, and documented as account-wide', async () => {
    const withRole = await emitSpec('fixtures/petstore/openapi.yaml', FULL);
    const md = withRole.build.files.get('routes.md')!.content;
    expect(md).toContain('## Logging: account-wide CloudWatch role');
    expect(md).toContain('A stage writes execution or access logs');
    expect(md).toContain('this replaces the role every API of the\naccount and region logs through');
    expect(md).toContain('`gateway.accountLoggingRole: false`');

    const optOut = await emitSpec('fixtures/petstore/openapi.yaml', { ...FULL, gateway: { ...FULL.gateway, accountLoggingRole: false } });
    const t = templateOf(optOut);
    expect(cfnProblems(t)).toEqual([]);
    expect(byType(t, 'AWS::IAM::Role')).toEqual([]);
    expect(byType(t, 'AWS::ApiGateway::Account')).toEqual([]);
    expect(byType(t, 'AWS::ApiGateway::Stage').every(([, r]) => r.DependsOn === undefined)).toBe(true);
    expect(optOut.build.changes.some((c) => c.message.includes('gateway.accountLoggingRole is false'))).toBe(true);
    expect(optOut.build.files.get('routes.md')!.content).toContain('must already have an API Gateway CloudWatch role');

    // dataTrace alone is execution logging too.
    const dataTrace = templateOf(await emitSpec('fixtures/petstore/openapi.yaml', { stages: { prod: { logging: { dataTrace: true, accessLogs: false } } } }));
    expect(byType(dataTrace, 'AWS::ApiGateway::Account')).toHaveLength(1);
    // Access logs alone need the role as well ("CloudWatch Logs role ARN must be set in account
    // settings to enable logging"); they are on by default, so the default config gets it.
    for (const config of [{}, { stages: { prod: { logging: { level: 'OFF' as const, accessLogs: true } } } }]) {
      const e = await emitSpec('fixtures/petstore/openapi.yaml', config);
      const tpl = templateOf(e);
      expect(cfnProblems(tpl)).toEqual([]);
      const [[accountId]] = byType(tpl, 'AWS::ApiGateway::Account');
      const [[, stage]] = byType(tpl, 'AWS::ApiGateway::Stage') as [[string, any]];
      expect(stage.Properties.AccessLogSetting).toBeDefined();
      expect(stage.DependsOn).toBe(accountId);
      expect(e.build.files.get('routes.md')!.content).toContain('## Logging: account-wide CloudWatch role');
    }
    // No execution logs and no access logs: no account role, nothing in routes.md.
    const silent = await emitSpec('fixtures/petstore/openapi.yaml', { stages: { prod: { logging: { level: 'OFF', accessLogs: false } } } });
    expect(byType(templateOf(silent), 'AWS::ApiGateway::Account')).toEqual([]);
    expect(byType(templateOf(silent), 'AWS::IAM::Role')).toEqual([]);
    expect(silent.build.files.get('routes.md')!.content).not.toContain('account-wide CloudWatch role');
    // HTTP API stages log (access logs, default on) without the REST account role.
    const http = templateOf(await emitSpec('fixtures/http-api/openapi.yaml', { stages: { $default: { logging: { level: 'INFO' } } } }));
    expect(byType(http, 'AWS::ApiGateway::Account')).toEqual([]);
    expect(byType(http, 'AWS::ApiGateway::Stage').length + byType(http, 'AWS::ApiGatewayV2::Stage').length).toBeGreaterThan(0);
    expect(byType(http, 'AWS::ApiGatewayV2::Stage').every(([, r]) => r.DependsOn === undefined)).toBe(true);
  });

  itShared('every REST stage with access logs waits for the account role (plain CFN and SAM)', async () => {
    const config: ResolvedConfig = { stages: { prod: {}, dev: {}, quiet: { logging: { accessLogs: false } } } };
    const t = templateOf(await emitSpec('fixtures/petstore/openapi.yaml', config));
    expect(cfnProblems(t)).toEqual([]);
    const [[accountId]] = byType(t, 'AWS::ApiGateway::Account');
    const stages = Object.fromEntries(byType(t, 'AWS::ApiGateway::Stage').map(([, r]) => [r.Properties.StageName, r]));
    expect(stages.prod.DependsOn).toBe(accountId);
    expect(stages.dev.DependsOn).toBe(accountId);
    expect(stages.quiet.DependsOn).toBeUndefined();

    const sam = templateOf(await emitSpec('fixtures/petstore/openapi.yaml', { ...config, gateway: { sam: true } }));
    expect(samValidate(sam)).toEqual({ valid: true, errors: null });
    expect(cfnProblems(sam)).toEqual([]);
    const [[samAccountId]] = byType(sam, 'AWS::ApiGateway::Account');
    const [[, samApi]] = byType(sam, 'AWS::Serverless::Api') as [[string, any]];
    expect(samApi.Properties.AccessLogSetting).toBeDefined();
    expect(samApi.DependsOn).toBe(samAccountId); // SAM creates prod (access logs on) from the Api resource
    const samStages = Object.fromEntries(byType(sam, 'AWS::ApiGateway::Stage').map(([, r]) => [r.Properties.StageName, r]));
    expect(samStages.dev.DependsOn).toBe(samAccountId);
    expect(samStages.quiet.DependsOn).toBeUndefined();
  });

  it('the structural check covers the account role: a dangling GetAtt or DependsOn is reported', async () => {
    const t = templateOf(await emitSpec('fixtures/petstore/openapi.yaml', FULL));
    const [[roleId]] = byType(t, 'AWS::IAM::Role');
    const [[accountId]] = byType(t, 'AWS::ApiGateway::Account');
    delete t.Resources[roleId];
    t.Resources.StageProd.DependsOn = 'Missing';
    const problems = cfnProblems(t);
    expect(problems).toContain(`/Resources/${accountId}/Properties/CloudWatchRoleArn: Fn::GetAtt target ${roleId} is not a resource`);
    expect(problems).toContain('StageProd: DependsOn Missing is not a resource');
  });

  itShared('the SAM validation can fail: a Serverless::Api without StageName is rejected', async () => {
    const t = templateOf(await emitSpec('fixtures/petstore/openapi.yaml', { gateway: { sam: true } }));
    expect(samValidate(t).valid).toBe(true);
    delete t.Resources.Api.Properties.StageName;
    expect(samValidate(t).valid).toBe(false);
  });

  it('the structural check can fail: a dangling Ref is reported', async () => {
    const t = templateOf(await emitSpec('fixtures/petstore/openapi.yaml'));
    t.Resources.StageProd.Properties.DeploymentId = { Ref: 'Nowhere' };
    expect(cfnProblems(t)).toContain('/Resources/StageProd/Properties/DeploymentId: Nowhere is not a resource or parameter');
  });

  it('uses BodyS3Location when configured, and says what to upload there', async () => {
    const e = await emitSpec('fixtures/petstore/openapi.yaml', { gateway: { bodyS3Location: { bucket: 'b', key: 'k/openapi.rest.json' } } });
    const t = templateOf(e);
    expect(t.Resources.Api.Properties.BodyS3Location).toEqual({ Bucket: 'b', Key: 'k/openapi.rest.json' });
    expect(t.Resources.Api.Properties.Body).toBeUndefined();
    expect(cfnProblems(t)).toEqual([]);
    expect(e.build.changes.map((c) => c.message)).toContain(
      'template.yaml reads the API definition from s3://b/k/openapi.rest.json: upload openapi.rest.json there before deploying; CloudFormation does not resolve intrinsics in it',
    );
  });
});

describe('HTTP template', () => {
  const HTTP: ResolvedConfig = {
    stages: { $default: { throttling: { burstLimit: 20, rateLimit: 10 }, methodSettings: { 'GET /orders': { throttling: { rateLimit: 1 } } }, alarms: { serverErrorRate: 0.05 } } },
    gateway: { domain: { name: 'http.example.com', certificateArn: 'arn:aws:acm:us-east-1:1:certificate/x' }, usagePlans: { p: { stages: ['$default'] } } },
  };

  it('uses AWS::ApiGatewayV2 resources and is structurally sound', async () => {
    const e = await emitSpec('fixtures/http-api/openapi.yaml', HTTP);
    const t = templateOf(e);
    expect(cfnProblems(t)).toEqual([]);
    expect(Object.values(t.Resources as Record<string, any>).every((r) => !r.Type.startsWith('AWS::ApiGateway::'))).toBe(true);
    const [[, stage]] = byType(t, 'AWS::ApiGatewayV2::Stage') as [[string, any]];
    expect(stage.Properties).toMatchObject({ StageName: '$default', AutoDeploy: true, DefaultRouteSettings: { ThrottlingBurstLimit: 20, ThrottlingRateLimit: 10 } });
    expect(stage.Properties.RouteSettings).toEqual({ 'GET /orders': { ThrottlingRateLimit: 1 } });
    expect(byType(t, 'AWS::ApiGatewayV2::ApiMapping')).toHaveLength(1);
    const [[, alarm]] = byType(t, 'AWS::CloudWatch::Alarm') as [[string, any]];
    expect(alarm.Properties.MetricName).toBe('5xx');
    // Usage plans do not exist for HTTP APIs: none are created, and the change log says why.
    expect(byType(t, 'AWS::ApiGateway::UsagePlan')).toHaveLength(0);
    expect(e.build.changes.some((c) => c.message.includes('HTTP APIs do not support them'))).toBe(true);
    expect(t.Outputs.DollarDefaultUrl ?? Object.values(t.Outputs as Record<string, any>).find((o) => o.Description?.includes('$default'))).toBeDefined();
  });

  itShared('validates against the SAM schema in SAM form', async () => {
    const t = templateOf(await emitSpec('fixtures/http-api/openapi.yaml', { ...HTTP, gateway: { ...HTTP.gateway, sam: true } }));
    expect(byType(t, 'AWS::Serverless::HttpApi')).toHaveLength(1);
    expect(samValidate(t)).toEqual({ valid: true, errors: null });
    expect(cfnProblems(t)).toEqual([]);
  });
});

describe('the CloudFormation registry check', () => {
  it('can fail: an unknown property, a wrong type, a value outside the allowed ones and a missing required property are reported', async () => {
    const t = templateOf(await emitSpec('fixtures/petstore/openapi.yaml', FULL));
    expect(cfnProblems(t)).toEqual([]);
    t.Resources.StageProd.Properties.Throttle = { RateLimit: 1 };
    t.Resources.StageProd.Properties.TracingEnabled = 'yes';
    t.Resources.StageProd.Properties.MethodSettings[0].LoggingLevel = 'DEBUG';
    delete t.Resources.StageProd.Properties.RestApiId;
    const problems = cfnProblems(t);
    expect(problems).toContain('/Resources/StageProd/Properties: unknown property Throttle');
    expect(problems).toContain('/Resources/StageProd/Properties/TracingEnabled: must be a boolean, is "yes"');
    expect(problems).toContain('/Resources/StageProd/Properties: lacks required RestApiId');
    expect(problems.some((p) => p.startsWith('/Resources/StageProd/Properties/MethodSettings/0/LoggingLevel'))).toBe(
      problems.some((p) => p.includes('is not one of')),
    );
  });
});

describe('method settings', () => {
  it('REST: one entry per method (stage-wide fields and */* merged, ANY and * merged); routes that do not exist dropped with a warning', async () => {
    const e = await emitSpec('fixtures/petstore/openapi.yaml', {
      stages: {
        prod: {
          throttling: { burstLimit: 200, rateLimit: 100 },
          logging: { level: 'ERROR' },
          methodSettings: {
            '*/*': { throttling: { rateLimit: 50 }, caching: { enabled: false } },
            'ANY /pets': { throttling: { burstLimit: 5 } },
            '* /pets': { throttling: { burstLimit: 7, rateLimit: 3 } },
            'GET /nope': { throttling: { rateLimit: 1 } },
            'DELETE /pets/{petId}': { throttling: { rateLimit: 2 } },
          },
        },
      },
    });
    const t = e.build.template as Record<string, any>;
    expect(cfnProblems(t)).toEqual([]);
    expect(t.Resources.StageProd.Properties.MethodSettings).toEqual([
      { ResourcePath: '/*', HttpMethod: '*', MetricsEnabled: true, LoggingLevel: 'ERROR', ThrottlingBurstLimit: 200, ThrottlingRateLimit: 50, CachingEnabled: false },
      { ResourcePath: '/~1pets', HttpMethod: '*', ThrottlingBurstLimit: 7, ThrottlingRateLimit: 3 },
      { ResourcePath: '/~1pets~1{petId}', HttpMethod: 'DELETE', ThrottlingRateLimit: 2 },
    ]);
    const messages = e.build.changes.map((c) => c.message);
    expect(messages).toContain('stage prod: method settings */* merged into the one method setting for * /* with the stage settings; method settings */* wins: ThrottlingRateLimit 100 → 50');
    expect(messages).toContain('stage prod: method settings * /pets merged into the one method setting for * /~1pets with method settings ANY /pets; method settings * /pets wins: ThrottlingBurstLimit 5 → 7');
    expect(messages.filter((m) => m.includes('GET /nope'))).toEqual([
      'stage prod: method settings GET /nope dropped: no route of the API matches it (CloudFormation refuses a method setting for a method that does not exist)',
    ]);
  });

  it('HTTP: route settings for a route that does not exist are dropped with a warning naming the key', async () => {
    const e = await emitSpec('fixtures/http-api/openapi.yaml', {
      stages: { $default: { methodSettings: { 'GET /orders': { throttling: { rateLimit: 4 } }, 'POST /nowhere': { throttling: { rateLimit: 1 } } } } },
    });
    const [[, stage]] = byType(e.build.template as Record<string, any>, 'AWS::ApiGatewayV2::Stage') as [[string, any]];
    expect(stage.Properties.RouteSettings).toEqual({ 'GET /orders': { ThrottlingRateLimit: 4 } });
    expect(e.build.changes.map((c) => c.message)).toContain(
      'stage $default: route settings POST /nowhere dropped: no route of the API matches it (CloudFormation refuses route settings for a route that does not exist)',
    );
  });
});

describe('the API definition outside the template (gateway.bodyS3Location)', () => {
  it.each([
    { name: 'REST', spec: 'fixtures/petstore/openapi.yaml', file: 'openapi.rest.json' },
    { name: 'HTTP', spec: 'fixtures/http-api/openapi.yaml', file: 'openapi.http.json' },
    { name: 'intrinsics', spec: 'fixtures/sam-intrinsics/openapi.yaml', file: 'openapi.rest.json' },
  ])('$name, "package": the emitted file by relative path; parameters and conditions only the body used are gone', async ({ spec, file }) => {
    for (const sam of [false, true]) {
      const e = await emitSpec(spec, { gateway: { bodyS3Location: 'package', sam } });
      const t = e.build.template as Record<string, any>;
      const [api] = Object.values(t.Resources as Record<string, any>).filter((r) => /RestApi|ApiGatewayV2::Api|Serverless/.test(r.Type));
      expect(api.Properties[sam ? 'DefinitionUri' : 'BodyS3Location']).toBe(`./${file}`);
      expect(e.build.files.has(file)).toBe(true);
      expect(t.Conditions).toBeUndefined();
      // cfnProblems also reports any template parameter nothing refers to.
      expect(cfnProblems(packaged(t))).toEqual([]);
      if (sam && hasShared) expect(samValidate(packaged(t))).toEqual({ valid: true, errors: null });
    }
  });

  it('the intrinsics fixture keeps the parameters its Lambda permissions use', async () => {
    const inline = templateOf(await emitSpec('fixtures/sam-intrinsics/openapi.yaml'));
    const external = templateOf(await emitSpec('fixtures/sam-intrinsics/openapi.yaml', { gateway: { bodyS3Location: 'package' } }));
    expect(Object.keys(inline.Conditions ?? {})).not.toEqual([]);
    expect(Object.keys(external.Parameters ?? {}).length).toBeGreaterThan(0);
    expect(Object.keys(external.Parameters).length).toBeLessThan(Object.keys(inline.Parameters).length);
  });
});

describe('references to what the stack does not create', () => {
  it('a custom domain mapped to a stage that is not configured gets no mapping, and the build says so', async () => {
    for (const spec of ['fixtures/petstore/openapi.yaml', 'fixtures/http-api/openapi.yaml']) {
      const e = await emitSpec(spec, { gateway: { domain: { name: 'api.example.com', certificateArn: 'arn:aws:acm:us-east-1:1:certificate/x', stage: 'nope' } } });
      const t = e.build.template as Record<string, any>;
      expect(byType(t, 'AWS::ApiGateway::BasePathMapping').length + byType(t, 'AWS::ApiGatewayV2::ApiMapping').length, spec).toBe(0);
      expect(cfnProblems(t)).toEqual([]);
      expect(e.build.changes.map((c) => c.message)).toContain('custom domain api.example.com: no mapping created: its stage nope is not configured');
    }
  });
});
