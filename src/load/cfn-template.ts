// CloudFormation / SAM templates as input: SAM users keep the OpenAPI document inside the template
// (`DefinitionBody`, `Body`) or beside it (`DefinitionUri`, `BodyS3Location` as a local path). This
// module finds the API resource to load and says where its definition is; it reads no files.

import { ApigwError } from '../errors.js';
import { formatPointer } from './pointer.js';
import type { SourceFile } from './source-file.js';
import { positionIn } from './source-file.js';

const own = Object.prototype.hasOwnProperty;

/** Resource types that carry an OpenAPI definition, with the property holding it inline and the one naming a file. */
const API_RESOURCE_TYPES: Record<string, { body: string; location: string }> = {
  'AWS::Serverless::Api': { body: 'DefinitionBody', location: 'DefinitionUri' },
  'AWS::Serverless::HttpApi': { body: 'DefinitionBody', location: 'DefinitionUri' },
  'AWS::ApiGateway::RestApi': { body: 'Body', location: 'BodyS3Location' },
  'AWS::ApiGatewayV2::Api': { body: 'Body', location: 'BodyS3Location' },
};

export interface EmbeddedApi {
  logicalId: string;
  resourceType: string;
  /** Pointer (escaped) in the template of the property holding the definition (the body, or the file's location). */
  pointer: string;
  /** Pointer tokens of an inline body; absent when the definition is in `file`. */
  bodyTokens?: string[];
  /** A local file holding the definition, as written in the template (relative to it). */
  file?: string;
}

/** A CloudFormation template: `Resources` at the top, and no `openapi`/`swagger` (which would make it a spec). */
export function isCloudFormationTemplate(data: unknown): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  const doc = data as Record<string, unknown>;
  if (own.call(doc, 'openapi') || own.call(doc, 'swagger')) return false;
  const resources = doc.Resources;
  return own.call(doc, 'Resources') && resources !== null && typeof resources === 'object' && !Array.isArray(resources);
}

function resourceTypeOf(resource: unknown): string | undefined {
  if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) return undefined;
  const type = (resource as Record<string, unknown>).Type;
  return typeof type === 'string' && own.call(API_RESOURCE_TYPES, type) ? type : undefined;
}

function propertiesOf(resource: unknown): Record<string, unknown> {
  const props = (resource as Record<string, unknown>).Properties;
  return props !== null && typeof props === 'object' && !Array.isArray(props) ? (props as Record<string, unknown>) : {};
}

function hasDefinition(resource: unknown, type: string): boolean {
  const { body, location } = API_RESOURCE_TYPES[type] as { body: string; location: string };
  const props = propertiesOf(resource);
  return own.call(props, body) || own.call(props, location);
}

/**
 * The API resource of `template` to load: the only one with a definition, or the one `wanted` names.
 * @throws ApigwError NOT_OPENAPI when there is none, several (listing their logical ids), or the
 *   definition cannot be read (it lives in S3)
 */
export function selectEmbeddedApi(template: SourceFile, wanted: string | undefined): EmbeddedApi {
  const resources = (template.data as Record<string, unknown>).Resources as Record<string, unknown>;
  const at = (tokens: string[]) => positionIn(template, tokens);
  const apis: Array<{ id: string; type: string }> = [];
  for (const id of Object.keys(resources)) {
    const type = resourceTypeOf(resources[id]);
    if (type) apis.push({ id, type });
  }
  const withDefinition = apis.filter(({ id, type }) => hasDefinition(resources[id], type));
  const describe = (list: Array<{ id: string; type: string }>) => list.map(({ id, type }) => `${id} (${type})`).join(', ');

  let chosen: { id: string; type: string } | undefined;
  if (wanted !== undefined) {
    chosen = apis.find((a) => a.id === wanted);
    if (!chosen) {
      const known = withDefinition.length > 0 ? `; API resources with a definition: ${describe(withDefinition)}` : '';
      const what = own.call(resources, wanted) ? `resource ${wanted} is not an API (${Object.keys(API_RESOURCE_TYPES).join(', ')})` : `the template has no resource ${wanted}`;
      throw new ApigwError('NOT_OPENAPI', `${what}${known}`, at(['Resources']));
    }
    if (!hasDefinition(resources[chosen.id], chosen.type)) {
      const { body, location } = API_RESOURCE_TYPES[chosen.type] as { body: string; location: string };
      throw new ApigwError('NOT_OPENAPI', `${chosen.id} has no OpenAPI definition (${body} or ${location}): SAM builds its API from the functions' events, which apigw-gen does not read`, at(['Resources', chosen.id]));
    }
  } else if (withDefinition.length === 1) {
    chosen = withDefinition[0];
  } else if (withDefinition.length === 0) {
    const hint = apis.length > 0 ? ` (${describe(apis)} ${apis.length === 1 ? 'has' : 'have'} none: SAM builds those from the functions' events)` : '';
    throw new ApigwError(
      'NOT_OPENAPI',
      `not an OpenAPI document: a CloudFormation template with no API resource carrying an OpenAPI definition (DefinitionBody/DefinitionUri of AWS::Serverless::Api or HttpApi, Body/BodyS3Location of AWS::ApiGateway::RestApi or AWS::ApiGatewayV2::Api)${hint}`,
      at(['Resources']),
    );
  } else {
    throw new ApigwError(
      'NOT_OPENAPI',
      `the template defines ${withDefinition.length} APIs: ${describe(withDefinition)}; choose one with --api <LogicalId>`,
      at(['Resources']),
    );
  }
  return definitionOf(template, chosen as { id: string; type: string });
}

function definitionOf(template: SourceFile, { id, type }: { id: string; type: string }): EmbeddedApi {
  const resources = (template.data as Record<string, unknown>).Resources as Record<string, unknown>;
  const props = propertiesOf(resources[id]);
  const { body, location } = API_RESOURCE_TYPES[type] as { body: string; location: string };
  const base = ['Resources', id, 'Properties'];
  const embedded = (key: string) => ({ logicalId: id, resourceType: type, pointer: formatPointer([...base, key]) });

  if (own.call(props, body)) {
    const value = props[body];
    const tokens = [...base, body];
    const at = positionIn(template, tokens);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const include = includeLocation(value as Record<string, unknown>);
      if (include === undefined) return { ...embedded(body), bodyTokens: tokens };
      if (typeof include === 'string' && isLocalPath(include)) return { ...embedded(body), file: include };
      throw new ApigwError(
        'NOT_OPENAPI',
        `${id}.${body} is included with Fn::Transform AWS::Include from ${describeLocation(include)}: the definition lives in S3, which apigw-gen cannot read — download it and pass that file, or point Location at a local file`,
        at,
      );
    }
    throw new ApigwError('NOT_OPENAPI', `${id}.${body} must be an OpenAPI document (a mapping), got ${value === null ? 'null' : typeof value}`, at);
  }

  const value = props[location];
  const at = positionIn(template, [...base, location]);
  if (typeof value === 'string' && isLocalPath(value)) return { ...embedded(location), file: value };
  throw new ApigwError(
    'NOT_OPENAPI',
    `${id}.${location} is ${describeLocation(value)}: the definition lives in S3, which apigw-gen cannot read — download it and pass that file, or set ${location} to a local path`,
    at,
  );
}

/** The `Location` of `{ "Fn::Transform": { "Name": "AWS::Include", … } }`; undefined when `body` is not one. */
function includeLocation(body: Record<string, unknown>): unknown {
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'Fn::Transform') return undefined;
  const transform = body['Fn::Transform'];
  if (transform === null || typeof transform !== 'object' || (transform as Record<string, unknown>).Name !== 'AWS::Include') return undefined;
  const parameters = (transform as Record<string, unknown>).Parameters;
  const loc = parameters !== null && typeof parameters === 'object' ? (parameters as Record<string, unknown>).Location : undefined;
  return loc ?? null;
}

function isLocalPath(value: string): boolean {
  return value !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

function describeLocation(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.Bucket === 'string' && typeof v.Key === 'string') return `s3://${v.Bucket}/${v.Key}`;
    return `a computed location (${Object.keys(v).join(', ')})`;
  }
  return 'not a location';
}
