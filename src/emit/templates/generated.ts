// Which templates to generate: the `templates.generate` entries of the config, and (unless
// `templates.generateMissing` is false) every REST AWS-service integration of the spec whose
// action apigw-gen knows and that has no request template. Values the spec cannot tell (table
// names, ARNs) default to stage variables, listed in the index as requirements.

import { ApigwError } from '../../errors.js';
import type { TemplateGenerateEntry, TemplateGeneratorKind } from '../../config/types.js';
import type { Api, Integration, Parameter, Pointer, Route, Schema } from '../../model/types.js';
import { escapeToken } from '../../model/pointer.js';
import { requestFileBase, responseFileBase, routeFolders } from '../shared/vtl-files.js';
import { dynamodbDeleteItem, dynamodbGetItem, dynamodbItemResponse, dynamodbItemsResponse, dynamodbPutItem, dynamodbQuery, type KeyAttribute } from './generate/dynamodb.js';
import { eventBridgePutEvents, EVENTBRIDGE_NOTES } from './generate/eventbridge.js';
import { kinesisPutRecord } from './generate/kinesis.js';
import { methodRequestPassthrough } from './generate/passthrough.js';
import { SchemaReader, type AttributeShape } from './generate/schema.js';
import { snsPublish } from './generate/sns.js';
import { SQS_NOTES, sqsSendMessage } from './generate/sqs.js';
import { stepFunctionsStartExecution, stepFunctionsSyncResponse } from './generate/step-functions.js';
import { parseTemplateValue, valueRequirement, type TemplateValue } from './generate/values.js';

export interface GeneratedTemplate {
  file: string;
  text: string;
  generator: TemplateGeneratorKind;
  origin: 'config' | 'spec-integration';
  routeKey: string;
  direction: 'request' | 'response';
  contentType: string;
  statusCode?: string;
  selectionPattern?: string;
  /** Where the template belongs in the spec (for inlining into the gateway config). */
  pointer: Pointer;
  /** Stage variables the template reads and the deployment must set. */
  requires: string[];
  notes: string[];
}

export interface SkippedGeneration {
  routeKey: string;
  generator: TemplateGeneratorKind;
  reason: string;
}

const JSON_TYPE = 'application/json';

/** The generator an AWS-service integration calls for, if apigw-gen has one. */
export function generatorFor(integration: Integration): TemplateGeneratorKind | undefined {
  if (integration.kind !== 'aws-service' || integration.subtype !== undefined) return undefined;
  const action = integration.action;
  switch (integration.service) {
    case 'dynamodb':
      return ({ PutItem: 'dynamodb-putitem', GetItem: 'dynamodb-getitem', DeleteItem: 'dynamodb-deleteitem', Query: 'dynamodb-query' } as const)[action ?? ''];
    case 'sqs':
      return action === 'SendMessage' || (action === undefined && integration.path !== undefined) ? 'sqs-sendmessage' : undefined;
    case 'sns':
      return action === 'Publish' ? 'sns-publish' : undefined;
    case 'states':
      return action === 'StartExecution' ? 'stepfunctions-startexecution' : action === 'StartSyncExecution' ? 'stepfunctions-startsyncexecution' : undefined;
    case 'kinesis':
      return action === 'PutRecord' ? 'kinesis-putrecord' : undefined;
    case 'events':
      return action === 'PutEvents' ? 'eventbridge-putevents' : undefined;
    default:
      return undefined;
  }
}

/** Stage variables used when neither spec nor config gives a value. */
const DEFAULT_STAGE_VARIABLES: Partial<Record<keyof TemplateGenerateEntry, string>> = {
  table: 'tableName',
  topicArn: 'topicArn',
  stateMachineArn: 'stateMachineArn',
  streamName: 'streamName',
  source: 'eventSource',
  detailType: 'eventDetailType',
};

interface Job {
  route: Route;
  folder: string;
  entry: TemplateGenerateEntry;
  origin: GeneratedTemplate['origin'];
  where: string;
}

export function planGeneratedTemplates(api: Api, config: { templates?: { generateMissing?: boolean; generate?: TemplateGenerateEntry[] } }): { templates: GeneratedTemplate[]; skipped: SkippedGeneration[] } {
  const templates: GeneratedTemplate[] = [];
  const skipped: SkippedGeneration[] = [];
  if (api.kind !== 'rest') {
    if ((config.templates?.generate ?? []).length > 0) throw new ApigwError('BAD_CONFIG', 'templates.generate: HTTP APIs have no mapping templates (only REST APIs run VTL)');
    return { templates, skipped };
  }
  const folders = routeFolders(api.routes);
  const folderOf = new Map(api.routes.map((r, i) => [r, folders[i]!]));
  const jobs: Job[] = [];
  const configured = new Set<Route>();
  (config.templates?.generate ?? []).forEach((entry, i) => {
    const where = `templates.generate[${i}]`;
    const route = findRoute(api, entry.route, where);
    if (!route.integration) throw new ApigwError('BAD_CONFIG', `${where}: the route ${entry.route} has no x-amazon-apigateway-integration`);
    if (route.integration.kind === 'lambda-proxy' || route.integration.kind === 'http-proxy') {
      throw new ApigwError('BAD_CONFIG', `${where}: the route ${entry.route} has a proxy integration (${route.integration.rawType}), which never runs mapping templates`);
    }
    const contentType = entry.contentType ?? JSON_TYPE;
    if (Object.keys(route.integration.requestTemplates).some((ct) => ct.toLowerCase() === contentType.toLowerCase())) {
      throw new ApigwError('BAD_CONFIG', `${where}: the route ${entry.route} already has a ${contentType} request template in the spec (${route.integration.pointer}/requestTemplates); remove one of the two`);
    }
    configured.add(route);
    jobs.push({ route, folder: folderOf.get(route)!, entry, origin: 'config', where });
  });
  if (config.templates?.generateMissing !== false) {
    for (const route of api.routes) {
      const integration = route.integration;
      if (!integration || configured.has(route) || Object.keys(integration.requestTemplates).length > 0) continue;
      const generator = generatorFor(integration);
      if (generator) jobs.push({ route, folder: folderOf.get(route)!, entry: { route: route.key, template: generator }, origin: 'spec-integration', where: route.key });
    }
  }
  const reader = new SchemaReader(api.models);
  for (const job of jobs) {
    try {
      templates.push(...generate(job, reader));
    } catch (e) {
      // A spec the generator cannot serve (free-form schema, odd names) is reported, not fatal;
      // an explicit config entry that cannot be served is an error the user must fix.
      if (!(e instanceof ApigwError) || job.origin === 'config') throw e instanceof ApigwError ? new ApigwError(e.code, e.message.startsWith('templates.generate') ? e.message : `${job.where}: ${e.message}`, e.position) : e;
      skipped.push({ routeKey: job.route.key, generator: job.entry.template, reason: e.message });
    }
  }
  return { templates, skipped };
}

function findRoute(api: Api, key: string, where: string): Route {
  const m = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(key);
  const route = m ? api.routes.find((r) => r.method === m[1]!.toUpperCase() && r.path === m[2]) : undefined;
  if (!route) throw new ApigwError('BAD_CONFIG', `${where}: no route ${JSON.stringify(key)} in the spec (write it as "METHOD /path", e.g. "POST /pets")`);
  return route;
}

function generate(job: Job, reader: SchemaReader): GeneratedTemplate[] {
  const { route, entry, folder } = job;
  const integration = route.integration!;
  const contentType = entry.contentType ?? JSON_TYPE;
  const requires = new Set<string>();
  const value = (field: keyof TemplateGenerateEntry, required: boolean): TemplateValue | undefined => {
    const text = entry[field];
    let v: TemplateValue | undefined;
    if (typeof text === 'string') v = parseTemplateValue(text, `${job.where}.${field}`);
    else if (required) v = { from: 'stageVariable', name: DEFAULT_STAGE_VARIABLES[field] ?? field };
    const need = v && valueRequirement(v);
    if (need) requires.add(need);
    return v;
  };
  const notes: string[] = [];
  let request: string;
  let response: { text: string; note?: string } | undefined;
  switch (entry.template) {
    case 'passthrough':
      request = methodRequestPassthrough();
      break;
    case 'dynamodb-putitem': {
      const schema = requestSchema(route);
      const item = schema ? reader.shape(schema, 'the request body') : undefined;
      if (!item || item.type !== 'M') throw new ApigwError('BAD_TEMPLATE', `cannot generate a PutItem template: the route ${route.key} has no application/json request body object schema`);
      const attributes = Object.entries(entry.attributes ?? {}).map(([attribute, text]) => ({ attribute, value: parseTemplateValue(text, `${job.where}.attributes.${attribute}`) }));
      request = dynamodbPutItem({ table: value('table', true)!, item, attributes });
      break;
    }
    case 'dynamodb-getitem':
    case 'dynamodb-deleteitem': {
      const key = keyAttributes(route, entry, job.where);
      const table = value('table', true)!;
      request = entry.template === 'dynamodb-getitem' ? dynamodbGetItem({ table, key }) : dynamodbDeleteItem({ table, key });
      if (entry.response !== false) {
        const item = responseItemShape(route, reader, false);
        if (item) response = { text: dynamodbItemResponse({ item }) };
        else notes.push('no response template: the route has no 2XX application/json object response schema');
      }
      break;
    }
    case 'dynamodb-query': {
      const key = keyAttributes(route, entry, job.where).slice(0, 2);
      const indexName = value('indexName', false);
      request = dynamodbQuery({ table: value('table', true)!, key, ...(indexName ? { indexName } : {}) });
      if (entry.response !== false) {
        const item = responseItemShape(route, reader, true);
        if (item) response = { text: dynamodbItemsResponse({ item }) };
        else notes.push('no response template: the route has no 2XX application/json array-of-objects response schema');
      }
      notes.push('the response template writes at most 1000 items (the #foreach limit)');
      break;
    }
    case 'sqs-sendmessage': {
      const messageGroupId = value('messageGroupId', false);
      const messageDeduplicationId = value('messageDeduplicationId', false);
      request = sqsSendMessage({ ...(messageGroupId ? { messageGroupId } : {}), ...(messageDeduplicationId ? { messageDeduplicationId } : {}) });
      notes.push(...SQS_NOTES);
      break;
    }
    case 'sns-publish': {
      const subject = value('subject', false);
      request = snsPublish({ topicArn: value('topicArn', true)!, ...(subject ? { subject } : {}) });
      notes.push(SQS_NOTES[0]!);
      break;
    }
    case 'stepfunctions-startexecution':
    case 'stepfunctions-startsyncexecution': {
      const name = value('executionName', false);
      request = stepFunctionsStartExecution({ stateMachineArn: value('stateMachineArn', true)!, ...(name ? { name } : {}) });
      if (entry.template === 'stepfunctions-startsyncexecution' && entry.response !== false) response = { text: stepFunctionsSyncResponse() };
      break;
    }
    case 'kinesis-putrecord': {
      const partitionKey = value('partitionKey', false);
      request = kinesisPutRecord({ streamName: value('streamName', true)!, ...(partitionKey ? { partitionKey } : {}) });
      break;
    }
    case 'eventbridge-putevents': {
      const eventBusName = value('eventBusName', false);
      request = eventBridgePutEvents({ source: value('source', true)!, detailType: value('detailType', true)!, ...(eventBusName ? { eventBusName } : {}) });
      notes.push(...EVENTBRIDGE_NOTES);
      break;
    }
  }
  const base = { generator: entry.template, origin: job.origin, routeKey: route.key, contentType, requires: [...requires], notes };
  const out: GeneratedTemplate[] = [{
    ...base,
    file: `${folder}/${requestFileBase(contentType)}.vtl`,
    text: request,
    direction: 'request',
    pointer: `${integration.pointer}/requestTemplates/${escapeToken(contentType)}`,
  }];
  if (response) {
    const target = successResponse(route, integration);
    if (target.existing && Object.keys(target.existing.responseTemplates).some((ct) => ct.toLowerCase() === JSON_TYPE)) {
      notes.push(`no response template: the integration response ${JSON.stringify(target.selectionPattern)} already has one`);
    } else {
      out.push({
        ...base,
        notes: [...notes, ...(target.existing ? [] : [`add an integration response "default" with statusCode ${target.statusCode}`])],
        file: `${folder}/${responseFileBase(target.statusCode, JSON_TYPE)}.vtl`,
        text: response.text,
        direction: 'response',
        contentType: JSON_TYPE,
        statusCode: target.statusCode,
        selectionPattern: target.selectionPattern,
        pointer: `${target.pointer}/responseTemplates/${escapeToken(JSON_TYPE)}`,
      });
    }
  }
  return out;
}

function requestSchema(route: Route): Schema | undefined {
  const content = route.requestBody?.content ?? {};
  const ct = Object.keys(content).find((k) => k.toLowerCase().startsWith(JSON_TYPE));
  return ct === undefined ? undefined : content[ct]?.schema;
}

function successSchema(route: Route): Schema | undefined {
  for (const r of route.responses) {
    if (!/^2/.test(r.status)) continue;
    const ct = Object.keys(r.content).find((k) => k.toLowerCase().startsWith(JSON_TYPE));
    if (ct !== undefined && r.content[ct]?.schema) return r.content[ct]!.schema;
  }
  return undefined;
}

function responseItemShape(route: Route, reader: SchemaReader, list: boolean): Extract<AttributeShape, { type: 'M' }> | undefined {
  const schema = successSchema(route);
  if (!schema) return undefined;
  let resolved = reader.resolve(schema);
  if (list) {
    if (resolved.type !== 'array' || typeof resolved.items !== 'object' || resolved.items === null) return undefined;
    resolved = resolved.items as Schema;
  }
  const shape = reader.shape(resolved, 'the response body');
  return shape.type === 'M' ? shape : undefined;
}

/** The integration response a success template belongs to: the `default` one or the first 2XX, else a `default` to add. */
function successResponse(route: Route, integration: Integration): { statusCode: string; selectionPattern: string; pointer: Pointer; existing?: Integration['responses'][number] } {
  const existing = integration.responses.find((r) => r.selectionPattern === 'default') ?? integration.responses.find((r) => /^2/.test(r.statusCode ?? ''));
  if (existing) return { statusCode: existing.statusCode ?? '200', selectionPattern: existing.selectionPattern, pointer: existing.pointer, existing };
  const status = route.responses.find((r) => /^2\d\d$/.test(r.status))?.status ?? '200';
  return { statusCode: status, selectionPattern: 'default', pointer: `${integration.pointer}/responses/default` };
}

/**
 * DynamoDB key attributes from `entry.key` (`name` or `attribute=parameter`), else the route's path
 * parameters (for Query, else its required query parameters: `GET /pets?owner=…`).
 */
function keyAttributes(route: Route, entry: TemplateGenerateEntry, where: string): KeyAttribute[] {
  let specs = entry.key ?? route.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  if (specs.length === 0 && entry.template === 'dynamodb-query') specs = route.parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name);
  if (specs.length === 0) throw new ApigwError('BAD_TEMPLATE', `cannot generate a ${entry.template} template: the route ${route.key} has no ${entry.template === 'dynamodb-query' ? 'path or required query' : 'path'} parameter to use as the key (set templates.generate[].key)`);
  return specs.map((spec) => {
    const [attribute, paramName] = spec.includes('=') ? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)] : [spec, spec];
    const param = route.parameters.find((p) => p.name === paramName && p.in !== 'cookie');
    if (!param) throw new ApigwError('BAD_CONFIG', `${where}.key: the route ${route.key} has no parameter ${JSON.stringify(paramName)}`);
    const value = parseTemplateValue(`method.request.${param.in === 'query' ? 'querystring' : param.in}.${param.name}`, `${where}.key`);
    return { attribute, type: keyType(param), value };
  });
}

function keyType(param: Parameter): 'S' | 'N' {
  const t = param.schema.type;
  return t === 'integer' || t === 'number' ? 'N' : 'S';
}
