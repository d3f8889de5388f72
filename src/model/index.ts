// normalize: a loaded OpenAPI document (Swagger 2.0, OpenAPI 3.0/3.1) → the `Api` model.
// Pure and single-pass over each part of the document; never throws on a document that loaded:
// what is malformed is recorded as seen (e.g. `kind: 'unknown'`) for lint to report.

import type { LoadedDocument } from '../load/types.js';
import {
  importBasePath,
  normalizeCors,
  normalizeDocumentation,
  normalizeEndpointConfiguration,
  normalizeGatewayResponses,
  normalizeServers,
  normalizeTags,
  normalizeValidators,
  swagger2Server,
} from './api-extensions.js';
import { decideKind } from './kind.js';
import { child } from './pointer.js';
import { SchemaRefRewriter } from './refs.js';
import { normalizeRoutes } from './routes.js';
import { normalizeSecuritySchemes } from './security.js';
import { findStageVariableRefs } from './stage-variables.js';
import type { Api, ApiKind, Model } from './types.js';
import { get, getNumber, getObject, getStringList, getText, getVersionText, isObject, valueText } from './values.js';

export type * from './types.js';

export interface NormalizeOptions {
  /** Overrides inference (config `apiType` / `--api-type`). */
  apiType?: ApiKind;
}

export function normalize(doc: LoadedDocument, options: NormalizeOptions = {}): Api {
  const root = isObject(doc.document) ? doc.document : {};
  const isSwagger2 = doc.version === '2.0';
  const schemas = new SchemaRefRewriter(isSwagger2);
  const { kind, kindReason, kindConflict } = decideKind(root, options.apiType);

  const components = getObject(root, 'components');
  const schemesPointer = isSwagger2 ? '/securityDefinitions' : '/components/securitySchemes';
  const securitySchemes = normalizeSecuritySchemes(root, isSwagger2 ? get(root, 'securityDefinitions') : get(components, 'securitySchemes'), schemesPointer);
  // AWS's importer also honours a root `securityDefinitions` in OAS 3.x (AWS's own samples rely on it):
  // names missing from components.securitySchemes fall back to it, pointers into /securityDefinitions.
  if (!isSwagger2) {
    const legacy = normalizeSecuritySchemes(root, get(root, 'securityDefinitions'), '/securityDefinitions');
    for (const name of Object.keys(legacy)) if (!Object.prototype.hasOwnProperty.call(securitySchemes, name)) securitySchemes[name] = legacy[name]!;
  }

  const servers = normalizeServers(root);
  if (isSwagger2) {
    const server = swagger2Server(root);
    if (server) servers.push(server);
  }
  const basePath = importBasePath(root, isSwagger2, servers);
  const defaultValidator = getText(root, 'x-amazon-apigateway-request-validator');

  const info = getObject(root, 'info');
  const description = getText(info, 'description');
  const api: Api = {
    kind,
    kindReason,
    version: doc.version,
    // A SAM title may be an intrinsic (`!Sub ${AWS::StackName}-api`): keep its text.
    info: { title: valueText(get(info, 'title')) ?? '', version: getVersionText(info, 'version') ?? '', ...(description !== undefined ? { description } : {}) },
    servers,
    routes: normalizeRoutes({ root, version: doc.version, schemas, kind, schemes: securitySchemes, ...(defaultValidator !== undefined ? { defaultValidator } : {}) }),
    models: normalizeModels(root, isSwagger2, schemas),
    securitySchemes,
    validators: normalizeValidators(get(root, 'x-amazon-apigateway-request-validators'), '/x-amazon-apigateway-request-validators'),
    gatewayResponses: normalizeGatewayResponses(get(root, 'x-amazon-apigateway-gateway-responses'), '/x-amazon-apigateway-gateway-responses'),
    binaryMediaTypes: getStringList(root, 'x-amazon-apigateway-binary-media-types'),
    tags: normalizeTags(get(root, 'tags')),
    stageVariableRefs: findStageVariableRefs(root, doc.mayContain),
  };
  if (kindConflict) api.kindConflict = kindConflict;
  if (basePath !== undefined) api.basePath = basePath;
  if (defaultValidator !== undefined) api.defaultValidator = defaultValidator;
  const cors = normalizeCors(get(root, 'x-amazon-apigateway-cors'), '/x-amazon-apigateway-cors');
  if (cors) api.cors = cors;
  const compression = getNumber(root, 'x-amazon-apigateway-minimum-compression-size');
  if (compression !== undefined) api.minimumCompressionSize = compression;
  const keySource = getText(root, 'x-amazon-apigateway-api-key-source');
  if (keySource !== undefined) api.apiKeySource = keySource;
  const policy = get(root, 'x-amazon-apigateway-policy');
  if (policy !== undefined) api.policy = policy;
  // OAS3 puts it in a Server object; a root one (OAS2 form, wrong in OAS3) is still recorded — lint warns.
  const endpointConfiguration =
    (isSwagger2 ? undefined : servers.find((s) => s.endpointConfiguration)?.endpointConfiguration) ??
    normalizeEndpointConfiguration(get(root, 'x-amazon-apigateway-endpoint-configuration'), '/x-amazon-apigateway-endpoint-configuration');
  if (endpointConfiguration) api.endpointConfiguration = endpointConfiguration;
  const securityPolicy = getText(root, 'x-amazon-apigateway-security-policy');
  if (securityPolicy !== undefined) api.securityPolicy = securityPolicy;
  const accessMode = getText(root, 'x-amazon-apigateway-endpoint-access-mode');
  if (accessMode !== undefined) api.endpointAccessMode = accessMode;
  const importExport = getVersionText(root, 'x-amazon-apigateway-importexport-version');
  if (importExport !== undefined) api.importExportVersion = importExport;
  const documentation = normalizeDocumentation(get(root, 'x-amazon-apigateway-documentation'), '/x-amazon-apigateway-documentation');
  if (documentation) api.documentation = documentation;
  return api;
}

function normalizeModels(root: Record<string, unknown>, isSwagger2: boolean, schemas: SchemaRefRewriter): Model[] {
  const out: Model[] = [];
  const pointer = isSwagger2 ? '/definitions' : '/components/schemas';
  const raw = isSwagger2 ? getObject(root, 'definitions') : getObject(getObject(root, 'components'), 'schemas');
  if (!raw) return out;
  for (const name of Object.keys(raw)) {
    const schema = raw[name];
    // A non-object schema (a spec error) is left to lint, which reads the raw document.
    if (!isObject(schema)) continue;
    out.push({ name, schema: schemas.schema(schema), pointer: child(pointer, name) });
  }
  return out;
}
