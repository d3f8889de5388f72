// template.yaml: a CloudFormation (optionally SAM) template that deploys the document as is —
// the API, its stages, method settings, access logs, alarms, usage plans and keys, Lambda invoke
// permissions, custom domain and outputs. REST → AWS::ApiGateway::*, HTTP → AWS::ApiGatewayV2::*.

import { createHash } from 'node:crypto';
import type { Api } from '../../model/types.js';
import type { ResolvedConfig, StageConfig } from '../../config/types.js';
import type { ChangeLog } from './changes.js';
import { escapeToken, newObject, objectFrom, type Json, type JsonObject } from './json.js';
import { conditionParameterName, type TemplateParameter } from './intrinsics.js';
import { accessLogFormat } from './access-log.js';
import { escapeSub, lambdaPermissions, type PermissionSpec } from './permissions.js';
import { alphanumericName } from './model-names.js';
import { stagesOf } from '../shared/stages.js';
import { accountResource, cloudWatchRoleResource, needsAccountLoggingRole, stageNeedsAccountLoggingRole } from './account-logging.js';

export interface TemplateInput {
  api: Api;
  config: ResolvedConfig;
  /**
   * The OpenAPI document: inlined, with intrinsics pointing at template parameters; or, with
   * `gateway.bodyS3Location`, the standalone document CloudFormation reads from `bodyFile` unprocessed.
   */
  body: JsonObject;
  /** The emitted OpenAPI file's name, beside template.yaml. */
  bodyFile: string;
  params: ReadonlyMap<string, TemplateParameter>;
  log: ChangeLog;
}

type Ref = JsonObject;
const ref = (id: string): Ref => objectFrom([['Ref', id]]);
const getAtt = (id: string, attr: string): Ref => objectFrom([['Fn::GetAtt', [id, attr]]]);
const sub = (text: string): Ref => objectFrom([['Fn::Sub', text]]);

/** Builds logical ids that are alphanumeric and unique (also against parameter names). */
class LogicalIds {
  private readonly taken: Set<string>;
  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }
  claim(...words: string[]): string {
    const base = alphanumericName(words.join(' '));
    const pascal = base[0]!.toUpperCase() + base.slice(1);
    let id = pascal.slice(0, 200);
    for (let i = 2; this.taken.has(id); i++) id = `${pascal.slice(0, 200)}${i}`;
    this.taken.add(id);
    return id;
  }
}

export interface TemplateResult {
  template: JsonObject;
  permissions: PermissionSpec[];
  /** Stage name → the output holding its invoke URL. */
  urlOutputs: Map<string, string>;
  /** Logical id of the AWS::ApiGateway::Account resource, when the template sets the account's CloudWatch role. */
  accountLogging?: string;
}

export function buildTemplate(input: TemplateInput): TemplateResult {
  const { api, config, body, log } = input;
  const gateway = config.gateway ?? {};
  const location = bodyLocation(gateway.bodyS3Location, input.bodyFile);
  // An external body is not processed by CloudFormation: its references are not template parameters.
  const params = new Map([...input.params].filter(([, p]) => location === undefined || p.condition === undefined));
  const sam = gateway.sam === true;
  const rest = api.kind === 'rest';
  const stages = stagesOf(config);
  const stageNames = Object.keys(stages);
  const ids = new LogicalIds(params.keys());
  const resources = newObject();
  const outputs = newObject();

  const apiId = ids.claim('Api');
  const apiName: Json = (body.info as JsonObject | undefined)?.title ?? 'api';
  const stageIds = new Map<string, string>();
  /** A value that evaluates to the stage's name once it exists (so dependents wait for it). */
  const stageRef = new Map<string, Json>();
  /** Resources creating a REST stage that logs (execution or access logs): they must wait for the account's CloudWatch role. */
  const loggingStages: string[] = [];

  // ---------------------------------------------------------------- the API and its stages
  const endpointType = gateway.endpointType ?? (rest ? undefined : 'REGIONAL');
  const [firstStage, ...otherStages] = stageNames;
  if (sam) {
    const props = newObject();
    props.Name = apiName;
    props.StageName = firstStage!;
    if (location !== undefined) props.DefinitionUri = location;
    else props.DefinitionBody = body;
    Object.assign(props, rest ? restStageProperties(firstStage!, stages[firstStage!]!, api, log) : httpStageProperties(firstStage!, stages[firstStage!]!, api, log));
    if (rest) {
      props.OpenApiVersion = '3.0.1';
      if (endpointType) props.EndpointConfiguration = objectFrom([['Type', endpointType]]);
    }
    const accessLogs = accessLogGroup(firstStage!, stages[firstStage!]!);
    if (accessLogs) {
      const logId = ids.claim(firstStage!, 'AccessLogs');
      resources[logId] = accessLogs;
      props[rest ? 'AccessLogSetting' : 'AccessLogSettings'] = objectFrom([['DestinationArn', getAtt(logId, 'Arn')], ['Format', accessLogFormat(api.kind)]]);
    }
    resources[apiId] = objectFrom([['Type', rest ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi'], ['Properties', props]]);
    // SAM creates the first stage from the Api resource: its logging waits for the account role there.
    if (stageNeedsAccountLoggingRole(rest, stages[firstStage!]!)) loggingStages.push(apiId);
    stageRef.set(firstStage!, ref(`${apiId}.Stage`));
    stageIds.set(firstStage!, `${apiId}.Stage`);
  } else {
    const props = newObject();
    if (rest) props.Name = apiName;
    if (location !== undefined) props.BodyS3Location = location;
    else props.Body = body;
    if (rest) {
      props.Mode = 'overwrite';
      if (endpointType) props.EndpointConfiguration = objectFrom([['Types', [endpointType]]]);
    }
    props.FailOnWarnings = false;
    resources[apiId] = objectFrom([['Type', rest ? 'AWS::ApiGateway::RestApi' : 'AWS::ApiGatewayV2::Api'], ['Properties', props]]);
  }

  let deploymentId: string | undefined;
  let deploymentRef: Json | undefined;
  if (rest && !sam) {
    // A new logical id whenever the definition changes: CloudFormation only deploys a new Deployment.
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 10);
    deploymentId = ids.claim('Deployment', hash);
    resources[deploymentId] = objectFrom([
      ['Type', 'AWS::ApiGateway::Deployment'],
      ['Properties', objectFrom([['RestApiId', ref(apiId)], ['Description', `definition ${hash}`]])],
    ]);
    deploymentRef = ref(deploymentId);
  } else if (rest && sam) deploymentRef = ref(`${apiId}.Deployment`);

  for (const stage of sam ? otherStages : stageNames) {
    const config_ = stages[stage]!;
    const id = ids.claim('Stage', stage);
    const props = newObject();
    if (rest) {
      props.RestApiId = ref(apiId);
      props.DeploymentId = deploymentRef!;
      props.StageName = stage;
      Object.assign(props, restStageProperties(stage, config_, api, log));
    } else {
      props.ApiId = ref(apiId);
      props.StageName = stage;
      props.AutoDeploy = true;
      Object.assign(props, httpStageProperties(stage, config_, api, log));
    }
    const accessLogs = accessLogGroup(stage, config_);
    if (accessLogs) {
      const logId = ids.claim(stage, 'AccessLogs');
      resources[logId] = accessLogs;
      props[rest ? 'AccessLogSetting' : 'AccessLogSettings'] = objectFrom([['DestinationArn', getAtt(logId, 'Arn')], ['Format', accessLogFormat(api.kind)]]);
    }
    resources[id] = objectFrom([['Type', rest ? 'AWS::ApiGateway::Stage' : 'AWS::ApiGatewayV2::Stage'], ['Properties', props]]);
    if (stageNeedsAccountLoggingRole(rest, config_)) loggingStages.push(id);
    stageIds.set(stage, id);
    // Ref of a REST stage is its name; an HTTP stage's Ref is its name as well.
    stageRef.set(stage, ref(id));
  }

  // ---------------------------------------------------------------- account CloudWatch role (REST execution and access logs)
  let accountLogging: string | undefined;
  if (needsAccountLoggingRole(rest, config, stages)) {
    const roleId = ids.claim('ApiGateway', 'CloudWatch', 'Role');
    accountLogging = ids.claim('ApiGateway', 'Account');
    resources[roleId] = cloudWatchRoleResource();
    resources[accountLogging] = accountResource(roleId);
    for (const id of loggingStages) resources[id] = withDependency(resources[id] as JsonObject, accountLogging);
  } else if (rest && loggingStages.length > 0) {
    log.add('template', '', 'a stage writes execution or access logs but gateway.accountLoggingRole is false: the account must already have an API Gateway CloudWatch role, or the stages fail to deploy');
  }

  // ---------------------------------------------------------------- alarms
  for (const stage of stageNames) {
    const alarms = stages[stage]!.alarms;
    if (!alarms) continue;
    for (const [key, metric] of Object.entries(ALARM_METRICS)) {
      const threshold = alarms[key as keyof typeof alarms];
      if (threshold === undefined) continue;
      const id = ids.claim(stage, metric.id, 'Alarm');
      const dimensions = rest
        ? [objectFrom([['Name', 'ApiName'], ['Value', apiName]]), objectFrom([['Name', 'Stage'], ['Value', stageRef.get(stage)!]])]
        : [objectFrom([['Name', 'ApiId'], ['Value', ref(apiId)]]), objectFrom([['Name', 'Stage'], ['Value', stageRef.get(stage)!]])];
      const props = objectFrom([
        ['AlarmDescription', `${metric.describe(threshold)} on stage ${stage}`],
        ['Namespace', 'AWS/ApiGateway'],
        ['MetricName', rest ? metric.rest : metric.http],
        ['Dimensions', dimensions],
        ['Period', 300],
        ['EvaluationPeriods', 1],
        ['Threshold', threshold],
        ['ComparisonOperator', 'GreaterThanThreshold'],
        ['TreatMissingData', 'notBreaching'],
      ]);
      if (metric.percentile) props.ExtendedStatistic = 'p99';
      else props.Statistic = 'Average';
      resources[id] = objectFrom([['Type', 'AWS::CloudWatch::Alarm'], ['Properties', props]]);
    }
  }

  // ---------------------------------------------------------------- usage plans and API keys
  const plans = gateway.usagePlans ?? {};
  if (!rest && Object.keys(plans).length > 0) {
    log.add('template', '', 'usage plans and API keys are not created: HTTP APIs do not support them');
  } else {
    const keyIds = new Map<string, string>();
    for (const [planName, plan] of Object.entries(plans)) {
      const planId = ids.claim('UsagePlan', planName);
      const apiStages: Json[] = [];
      for (const stage of plan.stages) {
        const name = stageRef.get(stage);
        if (name === undefined) {
          log.add('template', '', `usage plan ${planName}: stage ${stage} is not configured, so the plan does not cover it`);
          continue;
        }
        apiStages.push(objectFrom([['ApiId', ref(apiId)], ['Stage', name]]));
      }
      const props = objectFrom([['UsagePlanName', planName], ['ApiStages', apiStages]]);
      if (plan.throttling) props.Throttle = throttle(plan.throttling);
      if (plan.quota) props.Quota = objectFrom([['Limit', plan.quota.limit], ['Period', plan.quota.period]]);
      resources[planId] = objectFrom([['Type', 'AWS::ApiGateway::UsagePlan'], ['Properties', props]]);
      for (const keyName of plan.apiKeys ?? []) {
        let keyId = keyIds.get(keyName);
        if (keyId === undefined) {
          keyId = ids.claim('ApiKey', keyName);
          keyIds.set(keyName, keyId);
          resources[keyId] = objectFrom([['Type', 'AWS::ApiGateway::ApiKey'], ['Properties', objectFrom([['Name', keyName], ['Enabled', true]])]]);
        }
        resources[ids.claim('UsagePlanKey', planName, keyName)] = objectFrom([
          ['Type', 'AWS::ApiGateway::UsagePlanKey'],
          ['Properties', objectFrom([['KeyId', ref(keyId)], ['KeyType', 'API_KEY'], ['UsagePlanId', ref(planId)]])],
        ]);
      }
    }
  }

  // ---------------------------------------------------------------- Lambda permissions
  const permissions = lambdaPermissions(api, config, stageNames, params, log);
  for (const permission of permissions) {
    const id = ids.claim(permission.name, 'Permission');
    resources[id] = objectFrom([
      ['Type', 'AWS::Lambda::Permission'],
      ['Properties', objectFrom([
        ['Action', 'lambda:InvokeFunction'],
        ['FunctionName', permission.functionName],
        ['Principal', 'apigateway.amazonaws.com'],
        ['SourceArn', sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiId}}/${escapeSub(permission.sourcePath)}`)],
      ])],
    ]);
  }

  // ---------------------------------------------------------------- custom domain
  const domain = gateway.domain;
  if (domain) {
    const stage = domain.stage ?? firstStage!;
    const target = stageRef.get(stage);
    const domainId = ids.claim('DomainName');
    const mappingId = ids.claim(rest ? 'BasePathMapping' : 'ApiMapping');
    const regional = !rest || (endpointType ?? 'EDGE') !== 'EDGE';
    if (rest) {
      const props = objectFrom([['DomainName', domain.name]]);
      if (regional) {
        props.RegionalCertificateArn = domain.certificateArn;
        props.EndpointConfiguration = objectFrom([['Types', ['REGIONAL']]]);
      } else props.CertificateArn = domain.certificateArn;
      resources[domainId] = objectFrom([['Type', 'AWS::ApiGateway::DomainName'], ['Properties', props]]);
      if (target !== undefined) {
        const mapping = objectFrom([['DomainName', ref(domainId)], ['RestApiId', ref(apiId)], ['Stage', target]]);
        if (domain.basePath) mapping.BasePath = domain.basePath;
        resources[mappingId] = objectFrom([['Type', 'AWS::ApiGateway::BasePathMapping'], ['Properties', mapping]]);
      }
    } else {
      resources[domainId] = objectFrom([
        ['Type', 'AWS::ApiGatewayV2::DomainName'],
        ['Properties', objectFrom([['DomainName', domain.name], ['DomainNameConfigurations', [objectFrom([['CertificateArn', domain.certificateArn], ['EndpointType', 'REGIONAL']])]]])],
      ]);
      if (target !== undefined) {
        const mapping = objectFrom([['ApiId', ref(apiId)], ['DomainName', ref(domainId)], ['Stage', target]]);
        if (domain.basePath) mapping.ApiMappingKey = domain.basePath;
        resources[mappingId] = objectFrom([['Type', 'AWS::ApiGatewayV2::ApiMapping'], ['Properties', mapping]]);
      }
    }
    // A mapping to a stage the stack does not create fails the deployment: left out, and said so.
    if (target === undefined) log.add('template', '', `custom domain ${domain.name}: no mapping created: its stage ${stage} is not configured`);
    outputs.DomainUrl = objectFrom([
      ['Description', `Custom domain URL (point DNS at the domain's ${regional ? 'RegionalDomainName' : 'DistributionDomainName'})`],
      ['Value', `https://${domain.name}/${domain.basePath ?? ''}`],
    ]);
  }

  // ---------------------------------------------------------------- outputs
  outputs.ApiId = objectFrom([['Description', 'The API id'], ['Value', ref(apiId)]]);
  const urlOutputs = new Map<string, string>();
  for (const stage of stageNames) {
    const suffix = stage === '$default' ? '' : `/${escapeSub(stage)}`;
    const outputId = ids.claim(stage, 'Url');
    urlOutputs.set(stage, outputId);
    outputs[outputId] = objectFrom([
      ['Description', `Invoke URL of stage ${stage}`],
      ['Value', sub(`https://\${${apiId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}${suffix}`)],
    ]);
  }

  const template = newObject();
  template.AWSTemplateFormatVersion = '2010-09-09';
  if (sam) template.Transform = 'AWS::Serverless-2016-10-31';
  template.Description = `${rest ? 'REST' : 'HTTP'} API ${typeof apiName === 'string' ? apiName : ''} generated by apigw-gen`.replace(/\s+/g, ' ');
  if (location !== undefined) {
    const used = referencedNames([resources, outputs]);
    for (const name of params.keys()) if (!used.has(name)) params.delete(name);
  }
  if (params.size > 0) template.Parameters = templateParameters(params, config);
  const conditions = [...params.values()].filter((p) => p.condition !== undefined);
  if (conditions.length > 0) {
    template.Conditions = objectFrom(
      conditions.map((p) => [p.condition!, objectFrom([['Fn::Equals', [ref(conditionParameterName(p.condition!)), 'true']]])]),
    );
  }
  template.Resources = resources;
  template.Outputs = outputs;
  const result: TemplateResult = { template, permissions, urlOutputs };
  if (accountLogging !== undefined) result.accountLogging = accountLogging;
  return result;
}

/**
 * BodyS3Location / DefinitionUri for an external body: `package` → the emitted file by relative path
 * (`aws cloudformation package` and `sam deploy` upload it and write its S3 location in); else the
 * configured S3 object. Undefined when the body is inlined.
 */
function bodyLocation(setting: NonNullable<ResolvedConfig['gateway']>['bodyS3Location'], bodyFile: string): Json | undefined {
  if (setting === undefined) return undefined;
  if (setting === 'package') return `./${bodyFile}`;
  return objectFrom([['Bucket', setting.bucket], ['Key', setting.key]]);
}

/** Names that `Ref` and `Fn::Sub` refer to anywhere in `node`. */
function referencedNames(node: Json, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) referencedNames(item, names);
    return names;
  }
  if (node === null || typeof node !== 'object') return names;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'Ref' && typeof value === 'string') names.add(value);
    else if (key === 'Fn::Sub') {
      const text = typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
      for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) names.add(m[1]!.split('.')[0]!);
    }
    referencedNames(value, names);
  }
  return names;
}

/** The resource with `DependsOn` right after its `Type` (so it reads first in the YAML). */
function withDependency(resource: JsonObject, dependsOn: string): JsonObject {
  const out = newObject();
  for (const key of Object.keys(resource)) {
    out[key] = resource[key]!;
    if (key === 'Type') out.DependsOn = dependsOn;
  }
  return out;
}

const ALARM_METRICS = {
  serverErrorRate: { id: 'ServerErrors', rest: '5XXError', http: '5xx', percentile: false, describe: (t: number) => `5XX error rate above ${t * 100}%` },
  clientErrorRate: { id: 'ClientErrors', rest: '4XXError', http: '4xx', percentile: false, describe: (t: number) => `4XX error rate above ${t * 100}%` },
  p99LatencyMs: { id: 'Latency', rest: 'Latency', http: 'Latency', percentile: true, describe: (t: number) => `p99 latency above ${t} ms` },
  integrationLatencyMs: { id: 'IntegrationLatency', rest: 'IntegrationLatency', http: 'IntegrationLatency', percentile: true, describe: (t: number) => `p99 integration latency above ${t} ms` },
} as const;

function templateParameters(params: ReadonlyMap<string, TemplateParameter>, config: ResolvedConfig): JsonObject {
  const out = newObject();
  const values = config.gateway?.parameters ?? {};
  for (const [name, p] of params) {
    if (p.condition !== undefined) {
      const given = values[name];
      out[name] = objectFrom([
        ['Type', 'String'],
        ['AllowedValues', ['true', 'false']],
        ['Default', given === 'true' ? 'true' : 'false'],
        ['Description', `Whether condition ${p.condition} (used by Fn::If in the OpenAPI document) holds`],
      ]);
      continue;
    }
    const what = p.mapping ?? (p.attribute === undefined ? `Ref ${p.logicalId}` : `${p.logicalId}.${p.attribute}`);
    const param = objectFrom([['Type', 'String'], ['Description', `Value of ${what} in the OpenAPI document (defined outside this template)`]]);
    if (Object.prototype.hasOwnProperty.call(values, name)) param.Default = values[name]!;
    out[name] = param;
  }
  return out;
}

function throttle(t: { burstLimit?: number; rateLimit?: number }): JsonObject {
  const out = newObject();
  if (t.burstLimit !== undefined) out.BurstLimit = t.burstLimit;
  if (t.rateLimit !== undefined) out.RateLimit = t.rateLimit;
  return out;
}

function accessLogGroup(_stage: string, config: StageConfig): JsonObject | undefined {
  if (config.logging?.accessLogs === false) return undefined;
  return objectFrom([['Type', 'AWS::Logs::LogGroup'], ['Properties', objectFrom([['RetentionInDays', 90]])]]);
}

/** MethodSettings ResourcePath: `/pets/{id}` → `/~1pets~1{id}`; `*` stays `/*`. */
export function methodSettingsPath(path: string): string {
  if (path === '*' || path === '/*') return '/*';
  if (path === '/') return '/';
  return '/' + escapeToken(path);
}

/** `GET /pets/{id}` / `*\/*` → [method, path]. */
function parseMethodKey(key: string): [string, string] {
  if (key === '*/*') return ['*', '*'];
  const space = key.indexOf(' ');
  return [key.slice(0, space), key.slice(space + 1)];
}

function routeExists(api: Api, method: string, path: string): boolean {
  if (path === '*' || path === '/*') return true;
  return api.routes.some((r) => r.path === path && (method === '*' || method === 'ANY' || r.method === method || r.method === 'ANY'));
}

function restStageProperties(stage: string, config: StageConfig, api: Api, log: ChangeLog): JsonObject {
  const props = newObject();
  if (config.variables && Object.keys(config.variables).length > 0) props.Variables = objectFrom(Object.entries(config.variables));
  if (config.tracing !== undefined) props.TracingEnabled = config.tracing;
  if (config.caching?.enabled) {
    props.CacheClusterEnabled = true;
    props.CacheClusterSize = config.caching.clusterSize ?? '0.5';
  }
  // One entry per (ResourcePath, HttpMethod): API Gateway keeps one setting per method, and which of
  // two entries for the same method wins in CloudFormation depends on their order (stage-wide
  // fields and a `*/*` method setting; `ANY /p` and `* /p`). Later ones override field by field.
  const settings = new Map<string, { origin: string; setting: JsonObject }>();
  const add = (origin: string, resourcePath: string, httpMethod: string, fields: [string, Json | undefined][]) => {
    const key = `${httpMethod} ${resourcePath}`;
    const existing = settings.get(key);
    const setting = existing?.setting ?? objectFrom([['ResourcePath', resourcePath], ['HttpMethod', httpMethod]]);
    if (existing) {
      const overridden = fields
        .filter(([field, value]) => value !== undefined && setting[field] !== undefined && setting[field] !== value)
        .map(([field, value]) => `${field} ${String(setting[field])} → ${String(value)}`);
      const merged = `stage ${stage}: ${origin} merged into the one method setting for ${key} with ${existing.origin}`;
      log.add('template', '', overridden.length > 0 ? `${merged}; ${origin} wins: ${overridden.join(', ')}` : merged);
    } else settings.set(key, { origin, setting });
    for (const [field, value] of fields) if (value !== undefined) setting[field] = value;
  };
  add('the stage settings', '/*', '*', [
    ['MetricsEnabled', true],
    ['LoggingLevel', config.logging?.level],
    ['DataTraceEnabled', config.logging?.dataTrace],
    ['ThrottlingBurstLimit', config.throttling?.burstLimit],
    ['ThrottlingRateLimit', config.throttling?.rateLimit],
    ['CachingEnabled', config.caching?.enabled],
    ['CacheTtlInSeconds', config.caching?.ttlInSeconds],
  ]);
  for (const [key, method] of Object.entries(config.methodSettings ?? {})) {
    const [verb, path] = parseMethodKey(key);
    if (!routeExists(api, verb, path)) {
      log.add('template', '', `stage ${stage}: method settings ${key} dropped: no route of the API matches it (CloudFormation refuses a method setting for a method that does not exist)`);
      continue;
    }
    add(`method settings ${key}`, methodSettingsPath(path), verb === 'ANY' ? '*' : verb, [
      ['ThrottlingBurstLimit', method.throttling?.burstLimit],
      ['ThrottlingRateLimit', method.throttling?.rateLimit],
      ['CachingEnabled', method.caching?.enabled],
      ['CacheTtlInSeconds', method.caching?.ttlInSeconds],
    ]);
  }
  props.MethodSettings = [...settings.values()].map((e) => e.setting);
  return props;
}

function httpStageProperties(stage: string, config: StageConfig, api: Api, log: ChangeLog): JsonObject {
  const props = newObject();
  if (config.variables && Object.keys(config.variables).length > 0) props.StageVariables = objectFrom(Object.entries(config.variables));
  if (config.tracing) log.add('template', '', `stage ${stage}: X-Ray tracing is not available for HTTP APIs; not enabled`);
  if (config.caching?.enabled) log.add('template', '', `stage ${stage}: HTTP APIs have no cache; caching not enabled`);
  const defaults = objectFrom([['DetailedMetricsEnabled', true]]);
  if (config.throttling?.burstLimit !== undefined) defaults.ThrottlingBurstLimit = config.throttling.burstLimit;
  if (config.throttling?.rateLimit !== undefined) defaults.ThrottlingRateLimit = config.throttling.rateLimit;
  props.DefaultRouteSettings = defaults;
  const routeSettings = newObject();
  for (const [key, method] of Object.entries(config.methodSettings ?? {})) {
    const [verb, path] = parseMethodKey(key);
    if (verb === '*' || path === '*') {
      log.add('template', '', `stage ${stage}: method settings ${key} ignored: HTTP APIs take route settings per route key, or stage-wide throttling`);
      continue;
    }
    if (!routeExists(api, verb, path)) {
      log.add('template', '', `stage ${stage}: route settings ${key} dropped: no route of the API matches it (CloudFormation refuses route settings for a route that does not exist)`);
      continue;
    }
    if (method.caching) log.add('template', '', `stage ${stage}: caching for ${key} ignored: HTTP APIs have no cache`);
    const setting = newObject();
    if (method.throttling?.burstLimit !== undefined) setting.ThrottlingBurstLimit = method.throttling.burstLimit;
    if (method.throttling?.rateLimit !== undefined) setting.ThrottlingRateLimit = method.throttling.rateLimit;
    routeSettings[`${verb} ${path}`] = setting;
  }
  if (Object.keys(routeSettings).length > 0) props.RouteSettings = routeSettings;
  return props;
}
