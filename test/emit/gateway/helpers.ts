// Shared by the gateway target's tests: run the real pipeline, write the emitted files to a temp
// folder and load them back, and check a CloudFormation template's structure.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { type Ajv } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import type { Api } from '../../../src/model/types.js';
import type { LoadedDocument } from '../../../src/load/types.js';
import type { ResolvedConfig } from '../../../src/config/types.js';
import { buildGateway, type GatewayBuild } from '../../../src/emit/gateway/index.js';

export const ROOT = resolve(__dirname, '../../..');
export const SHARED = resolve(ROOT, '../shared');

export interface Emitted {
  document: LoadedDocument;
  api: Api;
  build: GatewayBuild;
}

export async function emitSpec(spec: string, config: ResolvedConfig = {}): Promise<Emitted> {
  const document = await load(resolve(ROOT, spec));
  const api = normalize(document, config.apiType ? { apiType: config.apiType } : {});
  return { document, api, build: buildGateway(api, { document, config }) };
}

/** Loads the emitted OpenAPI file back through load → normalize (as the same API type). */
export async function reload(emitted: Emitted): Promise<{ document: LoadedDocument; api: Api }> {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-gateway-'));
  try {
    const file = join(dir, emitted.build.documentFile);
    writeFileSync(file, emitted.build.files.get(emitted.build.documentFile)!.content);
    const document = await load(file);
    return { document, api: normalize(document, { apiType: emitted.api.kind }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function templateOf(emitted: Emitted): Record<string, any> {
  return parse(emitted.build.files.get('template.yaml')!.content) as Record<string, any>;
}

// ---------------------------------------------------------------- CloudFormation structure

/** Required properties per resource type, from the CloudFormation resource reference. */
const REQUIRED: Record<string, string[]> = {
  'AWS::ApiGateway::RestApi': [],
  'AWS::ApiGateway::Deployment': ['RestApiId'],
  'AWS::ApiGateway::Stage': ['RestApiId'],
  'AWS::ApiGateway::UsagePlan': [],
  'AWS::ApiGateway::ApiKey': [],
  'AWS::ApiGateway::UsagePlanKey': ['KeyId', 'KeyType', 'UsagePlanId'],
  'AWS::ApiGateway::DomainName': [],
  'AWS::ApiGateway::BasePathMapping': ['DomainName', 'RestApiId'],
  'AWS::ApiGatewayV2::Api': [],
  'AWS::ApiGatewayV2::Stage': ['ApiId', 'StageName'],
  'AWS::ApiGatewayV2::DomainName': ['DomainName'],
  'AWS::ApiGatewayV2::ApiMapping': ['ApiId', 'DomainName', 'Stage'],
  'AWS::Lambda::Permission': ['Action', 'FunctionName', 'Principal'],
  'AWS::Logs::LogGroup': [],
  'AWS::CloudWatch::Alarm': ['ComparisonOperator', 'EvaluationPeriods'],
  'AWS::IAM::Role': ['AssumeRolePolicyDocument'],
  'AWS::ApiGateway::Account': [],
  'AWS::Serverless::Api': ['StageName'],
  'AWS::Serverless::HttpApi': [],
};

const INTRINSIC = /^(Ref|Condition|Fn::.+)$/;

/** Every structural problem of the template; empty when it is sound. */
export function cfnProblems(template: Record<string, any>): string[] {
  const problems: string[] = [];
  const resources: Record<string, any> = template.Resources ?? {};
  const parameters: Record<string, any> = template.Parameters ?? {};
  const conditions: Record<string, any> = template.Conditions ?? {};
  const sam = template.Transform === 'AWS::Serverless-2016-10-31';
  if (template.AWSTemplateFormatVersion !== '2010-09-09') problems.push('AWSTemplateFormatVersion is not 2010-09-09');
  if (Object.keys(resources).length === 0) problems.push('no resources');
  for (const id of Object.keys(resources)) {
    if (!/^[A-Za-z0-9]+$/.test(id)) problems.push(`logical id ${id} is not alphanumeric`);
    if (id in parameters) problems.push(`${id} is both a parameter and a resource`);
    const { Type: type, Properties: props = {} } = resources[id];
    if (!(type in REQUIRED)) problems.push(`${id}: unexpected type ${type}`);
    else for (const p of REQUIRED[type]!) if (!(p in props)) problems.push(`${id} (${type}) lacks required ${p}`);
    if (type.endsWith('::RestApi') || type === 'AWS::ApiGatewayV2::Api') {
      if (!('Body' in props) && !('BodyS3Location' in props)) problems.push(`${id}: neither Body nor BodyS3Location`);
    }
  }
  const serverlessApis = new Set(Object.keys(resources).filter((id) => String(resources[id].Type).startsWith('AWS::Serverless::')));
  const used = new Set<string>();
  const target = (name: string, where: string) => {
    used.add(name);
    if (name.startsWith('AWS::')) {
      if (!['AWS::AccountId', 'AWS::Partition', 'AWS::Region', 'AWS::StackName', 'AWS::StackId', 'AWS::URLSuffix', 'AWS::NoValue', 'AWS::NotificationARNs'].includes(name)) problems.push(`${where}: unknown pseudo parameter ${name}`);
      return;
    }
    if (name in resources || name in parameters) return;
    const [head, tail] = name.split('.');
    if (sam && serverlessApis.has(head!) && (tail === 'Stage' || tail === 'Deployment')) return;
    problems.push(`${where}: ${name} is not a resource or parameter`);
  };
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && INTRINSIC.test(keys[0]!)) {
      const fn = keys[0]!;
      const args = obj[fn];
      if (fn === 'Ref') target(String(args), where);
      else if (fn === 'Fn::GetAtt') {
        const id = Array.isArray(args) ? String(args[0]) : String(args).split('.')[0]!;
        used.add(id);
        if (!(id in resources)) problems.push(`${where}: Fn::GetAtt target ${id} is not a resource`);
      } else if (fn === 'Fn::Sub') {
        const [text, vars] = Array.isArray(args) ? [String(args[0]), (args[1] ?? {}) as Record<string, unknown>] : [String(args), {}];
        for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
          const inner = m[1]!;
          if (inner.startsWith('!') || inner in vars) continue;
          if (inner.includes('.')) {
            const head = inner.split('.')[0]!;
            used.add(head);
            if (!(head in resources)) problems.push(`${where}: \${${inner}} names an attribute of ${head}, which is not a resource`);
          } else target(inner, where);
        }
        if (Array.isArray(args)) walk(args[1], where);
      } else if (fn === 'Fn::If' || fn === 'Condition') {
        const name = Array.isArray(args) ? String(args[0]) : String(args);
        if (!(name in conditions)) problems.push(`${where}: condition ${name} is not defined`);
        if (Array.isArray(args)) walk(args.slice(1), where);
      } else if (fn === 'Fn::FindInMap') {
        problems.push(`${where}: Fn::FindInMap needs Mappings, which the template does not have`);
      } else walk(args, where);
      return;
    }
    for (const k of keys) walk(obj[k], `${where}/${k}`);
  };
  walk(resources, '/Resources');
  walk(template.Outputs ?? {}, '/Outputs');
  walk(conditions, '/Conditions');
  for (const id of Object.keys(resources)) {
    const deps = resources[id].DependsOn;
    for (const d of Array.isArray(deps) ? deps : deps ? [deps] : []) if (!(d in resources)) problems.push(`${id}: DependsOn ${d} is not a resource`);
  }
  for (const p of Object.keys(parameters)) if (!used.has(p)) problems.push(`parameter ${p} is never used`);
  return problems;
}

// ---------------------------------------------------------------- SAM schema (compiled once)

let samValidators: { template: (x: unknown) => boolean; api: (x: unknown) => boolean; httpApi: (x: unknown) => boolean; errors: () => unknown } | undefined;

export function samValidate(template: unknown): { valid: boolean; errors: unknown } {
  if (!samValidators) {
    const ajv = new (AjvDraft04 as unknown as typeof Ajv)({ allErrors: true, strict: false, validateFormats: false });
    const schema = JSON.parse(readFileSync(join(SHARED, 'schemas/sam.schema.json'), 'utf8'));
    ajv.addSchema(schema, 'sam');
    const template_ = ajv.compile({ $ref: 'sam#' });
    const api = ajv.compile({ $ref: 'sam#/definitions/samtranslator__internal__schema_source__aws_serverless_api__Resource' });
    const httpApi = ajv.compile({ $ref: 'sam#/definitions/samtranslator__internal__schema_source__aws_serverless_httpapi__Resource' });
    let last: unknown;
    samValidators = {
      template: (x) => { const ok = template_(x) as boolean; last = template_.errors; return ok; },
      api: (x) => { const ok = api(x) as boolean; last = api.errors; return ok; },
      httpApi: (x) => { const ok = httpApi(x) as boolean; last = httpApi.errors; return ok; },
      errors: () => last,
    };
  }
  const v = samValidators;
  if (!v.template(template)) return { valid: false, errors: v.errors() };
  // The Resources schema also accepts any CloudFormation resource, so check the SAM API resource against its own definition too.
  const resources = (template as { Resources: Record<string, { Type: string }> }).Resources;
  for (const resource of Object.values(resources)) {
    if (resource.Type === 'AWS::Serverless::Api' && !v.api(resource)) return { valid: false, errors: v.errors() };
    if (resource.Type === 'AWS::Serverless::HttpApi' && !v.httpApi(resource)) return { valid: false, errors: v.errors() };
  }
  return { valid: true, errors: null };
}
