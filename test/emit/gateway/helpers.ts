// Shared by the gateway target's tests: run the real pipeline, write the emitted files to a temp
// folder and load them back, and check a CloudFormation template's structure.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, parseDocument, type Tags } from 'yaml';
import { type Ajv } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import type { Api } from '../../../src/model/types.js';
import type { LoadedDocument } from '../../../src/load/types.js';
import type { ResolvedConfig } from '../../../src/config/types.js';
import { buildGateway, type GatewayBuild } from '../../../src/emit/gateway/index.js';
import { registryProblems } from './cfn-registry.js';
import { SHARED_DIR } from '../../support/shared.js';

export const ROOT = resolve(__dirname, '../../..');
export const SHARED = SHARED_DIR;

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

// ---------------------------------------------------------------- YAML 1.1 (how AWS tools read templates)

/**
 * YAML 1.1 resolution as CloudFormation, SAM CLI, cfn-lint and the AWS CLI apply it: the yaml
 * package's 1.1 schema, made as strict as the 1.1 type repository where the package is lenient
 * (a float needs a `.` and a signed exponent, so plain `1e-7` is a string) and completed with the
 * value type (`=`, which PyYAML refuses: resolved here to a marker no JSON value equals).
 */
const VALUE_TYPE = { '!yaml-1.1-value-key': '=' };
const yaml11Tags = (tags: Tags): Tags => [
  ...tags.filter((t) => !(typeof t === 'object' && 'test' in t && t.test?.source.includes('[eE]') && t.tag === 'tag:yaml.org,2002:float')),
  { tag: 'tag:yaml.org,2002:float', default: true, test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?$/, resolve: (s: string) => Number(s.replace(/_/g, '')) },
  { tag: 'tag:yaml.org,2002:value', default: true, test: /^=$/, resolve: () => VALUE_TYPE },
];

/** The template text read as YAML 1.1; throws on any parse error or warning (an unknown tag, a bad merge). */
export function parseYaml11(text: string): unknown {
  const doc = parseDocument(text, { version: '1.1', customTags: yaml11Tags, prettyErrors: false });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new Error(`YAML 1.1: ${problem.message}`);
  return doc.toJS({ maxAliasCount: -1 });
}

/** The template text read as YAML 1.2 (core schema). */
export function parseYaml12(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new Error(`YAML 1.2: ${problem.message}`);
  return doc.toJS();
}

/** Up to `limit` differences between two JSON-like values, each as `pointer: a ≠ b`; empty when deep-equal. */
export function differences(a: unknown, b: unknown, limit = 10, where = '', out: string[] = []): string[] {
  if (out.length >= limit || Object.is(a, b) || (typeof a === 'number' && a === b)) return out;
  const isMap = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${where}: ${a.length} items ≠ ${b.length}`);
    else for (let i = 0; i < a.length; i++) differences(a[i], b[i], limit, `${where}/${i}`, out);
  } else if (isMap(a) && isMap(b)) {
    for (const k of Object.keys(a)) if (!Object.prototype.hasOwnProperty.call(b, k)) out.push(`${where}: key ${JSON.stringify(k)} read, not written`);
    for (const k of Object.keys(b)) if (!Object.prototype.hasOwnProperty.call(a, k)) out.push(`${where}: key ${JSON.stringify(k)} written, not read`);
    for (const k of Object.keys(a)) if (Object.prototype.hasOwnProperty.call(b, k)) differences(a[k], b[k], limit, `${where}/${k}`, out);
  } else out.push(`${where}: ${String(JSON.stringify(a))} ≠ ${String(JSON.stringify(b))}`);
  return out.slice(0, limit);
}

/** Where template.yaml reads differently from the JSON it was written from, under YAML 1.1 or 1.2; empty when it reads the same. */
export function yamlReadingProblems(text: string, written: unknown): string[] {
  const json = JSON.parse(JSON.stringify(written)) as unknown;
  const problems: string[] = [];
  for (const [name, parse_] of [['YAML 1.1', parseYaml11], ['YAML 1.2', parseYaml12]] as const) {
    try {
      for (const d of differences(parse_(text), json)) problems.push(`${name} reads ${d}`);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}

// ---------------------------------------------------------------- CloudFormation structure

/** What `aws cloudformation package` does to a local BodyS3Location / DefinitionUri: uploads the file and points at the object. */
export function packaged(template: Record<string, any>): Record<string, any> {
  const copy = JSON.parse(JSON.stringify(template)) as Record<string, any>;
  for (const resource of Object.values(copy.Resources as Record<string, any>)) {
    const props = resource.Properties ?? {};
    if (typeof props.BodyS3Location === 'string') props.BodyS3Location = { Bucket: 'artifacts', Key: 'd41d8cd98f00b204e9800998ecf8427e' };
    if (typeof props.DefinitionUri === 'string') props.DefinitionUri = 's3://artifacts/d41d8cd98f00b204e9800998ecf8427e';
  }
  return copy;
}

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
    // SAM's own types are checked against SAM's schema (samValidate); the rest against the registry.
    if (!(sam && String(type).startsWith('AWS::Serverless::'))) problems.push(...registryProblems(id, resources[id]));
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
