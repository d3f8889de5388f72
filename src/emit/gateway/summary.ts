// routes.md (what will be deployed, for code review) and CHANGES.md (how the deployed definition
// differs from the source).

import { basename } from 'node:path';
import type { Api, Authorizer } from '../../model/types.js';
import type { ResolvedConfig, StageConfig } from '../../config/types.js';
import { formatRoutesTable, routeRows, displayValue } from '../../report/routes.js';
import type { ChangeKind, GatewayChange } from './changes.js';
import { accessLogFields } from './access-log.js';
import type { PermissionSpec } from './permissions.js';
import { render } from './render.js';
import { stageNeedsAccountLoggingRole } from './account-logging.js';

export interface SummaryInput {
  api: Api;
  config: ResolvedConfig;
  entry: string;
  stages: Record<string, StageConfig>;
  permissions: PermissionSpec[];
  changes: number;
  urlOutputs: Map<string, string>;
  /** Logical id of the AWS::ApiGateway::Account resource the template creates, if any. */
  accountLogging?: string | undefined;
}

export function routesMarkdown(input: SummaryInput): string {
  const { api, config, stages } = input;
  const gateway = config.gateway ?? {};
  const stageNames = Object.keys(stages);
  return render('routes.md.hbs', {
    title: api.info.title || 'API',
    kindLabel: api.kind === 'rest' ? 'REST' : 'HTTP',
    entry: basename(input.entry),
    routesTable: formatRoutesTable(routeRows(api)).replace(/```/g, "'''"),
    authorizers: Object.keys(api.securitySchemes).map((name) => {
      const scheme = api.securitySchemes[name]!;
      switch (scheme.kind) {
        case 'authorizer':
          return { name, kind: `${authorizerType(scheme.authorizer)} authorizer`, details: authorizerDetails(scheme.authorizer) };
        case 'api-key':
          return { name, kind: 'API key', details: `${scheme.in} ${scheme.headerName}` };
        case 'iam':
          return { name, kind: 'IAM (SigV4)', details: '' };
        default:
          return { name, kind: scheme.scheme.type ?? 'other', details: 'not enforced by API Gateway' };
      }
    }),
    stages: stageNames.map((name) => stageSummary(name, stages[name]!, api.kind, input.urlOutputs.get(name) ?? '')),
    usagePlans: api.kind === 'rest'
      ? Object.entries(gateway.usagePlans ?? {}).map(([name, plan]) => ({
          name,
          stages: plan.stages.join(', '),
          throttling: throttlingText(plan.throttling),
          quota: plan.quota ? `${plan.quota.limit} per ${plan.quota.period.toLowerCase()}` : 'none',
          keys: (plan.apiKeys ?? []).join(', ') || 'none',
        }))
      : [],
    permissions: input.permissions.map((p) => ({ fn: p.functionLabel, source: p.sourcePath, purpose: p.purpose })),
    domain: gateway.domain ? { ...gateway.domain, stage: gateway.domain.stage ?? stageNames[0] } : undefined,
    accessLogFields: accessLogFields(api.kind).map(([name, variable]) => ({ name, variable })),
    changes: input.changes,
    accountLogging: input.accountLogging,
    loggingWithoutRole: api.kind === 'rest' && input.accountLogging === undefined && Object.values(stages).some((stage) => stageNeedsAccountLoggingRole(true, stage)),
  });
}

function stageSummary(name: string, stage: StageConfig, kind: 'rest' | 'http', urlOutput: string) {
  const rest = kind === 'rest';
  const alarms = stage.alarms
    ? [
        stage.alarms.serverErrorRate !== undefined ? `5XX rate > ${stage.alarms.serverErrorRate}` : '',
        stage.alarms.clientErrorRate !== undefined ? `4XX rate > ${stage.alarms.clientErrorRate}` : '',
        stage.alarms.p99LatencyMs !== undefined ? `p99 latency > ${stage.alarms.p99LatencyMs} ms` : '',
        stage.alarms.integrationLatencyMs !== undefined ? `p99 integration latency > ${stage.alarms.integrationLatencyMs} ms` : '',
      ].filter((a) => a !== '').join(', ')
    : '';
  return {
    name,
    urlOutput,
    variables: Object.entries(stage.variables ?? {}).map(([n, value]) => ({ name: n, value })),
    throttling: throttlingText(stage.throttling),
    caching: !rest ? 'not available (HTTP API)' : stage.caching?.enabled ? `cluster ${stage.caching.clusterSize ?? '0.5'} GB, TTL ${stage.caching.ttlInSeconds ?? 300} s` : 'off',
    logging: [
      rest ? `execution logs ${stage.logging?.level ?? 'OFF'}${stage.logging?.dataTrace ? ' with full request/response data' : ''}` : '',
      stage.logging?.accessLogs === false ? 'no access logs' : 'JSON access logs',
    ].filter((t) => t !== '').join('; '),
    tracing: !rest ? 'not available (HTTP API)' : stage.tracing ? 'on' : 'off',
    alarms: alarms || 'none',
    methodSettings: Object.entries(stage.methodSettings ?? {}).map(([key, m]) => ({
      key,
      value: [m.throttling ? `throttling ${throttlingText(m.throttling)}` : '', m.caching ? `caching ${m.caching.enabled === false ? 'off' : `on, TTL ${m.caching.ttlInSeconds ?? 300} s`}` : ''].filter((t) => t !== '').join('; '),
    })),
  };
}

function throttlingText(t: { burstLimit?: number; rateLimit?: number } | undefined): string {
  if (!t || (t.burstLimit === undefined && t.rateLimit === undefined)) return 'account default';
  return [t.rateLimit !== undefined ? `${t.rateLimit} req/s` : '', t.burstLimit !== undefined ? `burst ${t.burstLimit}` : ''].filter((x) => x !== '').join(', ');
}

function authorizerType(a: Authorizer): string {
  return a.type === 'unknown' ? a.rawType : a.type === 'jwt' ? 'JWT' : a.type;
}

function authorizerDetails(a: Authorizer): string {
  switch (a.type) {
    case 'token':
      return `${a.function?.name ?? displayValue(a.uri)}; identity ${a.identitySource}; cache ${a.resultTtlInSeconds ?? 300} s`;
    case 'request':
      return `${a.function?.name ?? displayValue(a.uri)}; identity ${a.identitySource.join(', ') || 'none'}; cache ${a.resultTtlInSeconds ?? 300} s`;
    case 'cognito':
      return `user pools ${a.providerArns.map((v) => displayValue(v)).join(', ')}`;
    case 'jwt':
      return `issuer ${a.issuer ?? '?'}; audience ${a.audience.join(', ')}`;
    default:
      return '';
  }
}

const GROUP_TITLES: Record<ChangeKind, string> = {
  'size-limit': "Over CloudFormation's template size quotas",
  'convert-swagger2': 'Swagger 2.0 converted to OpenAPI 3.0',
  'downgrade-3.1': 'OpenAPI 3.1 constructs converted to 3.0',
  'rename-model': 'Models renamed (alphanumeric names)',
  'rewrite-unsupported': 'Rewritten: API Gateway rejects the original form',
  'strip-unsupported': 'Removed: API Gateway ignores it',
  'strip-other-api-type': 'Removed: only the other API type supports it',
  move: 'Moved to where API Gateway reads it',
  inline: 'References inlined',
  'resolve-intrinsic': 'CloudFormation intrinsics resolved (standalone JSON only)',
  'unresolved-intrinsic': 'CloudFormation intrinsics left unresolved (standalone JSON only)',
  template: 'Template notes',
};

export function changesMarkdown(file: string, changes: readonly GatewayChange[]): string {
  const groups = (Object.keys(GROUP_TITLES) as ChangeKind[])
    .map((kind) => ({ title: GROUP_TITLES[kind], changes: changes.filter((c) => c.kind === kind) }))
    .filter((g) => g.changes.length > 0)
    .map((g) => ({ ...g, count: g.changes.length, changes: g.changes.map((c) => ({ pointer: c.pointer || '/', message: c.message })) }));
  return render('CHANGES.md.hbs', { file, groups });
}
