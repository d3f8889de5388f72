// The model: one typed view of an API Gateway API, whatever OpenAPI dialect it was written in.
// Every later stage (lint, emit, serve) reads this, never the raw document — except lint rules
// that need the raw shape to report precisely. Every node carries `pointer`, a JSON pointer into
// the bundled document, which `LoadedDocument.sourceMap` turns into file:line:column.

import type { OpenApiVersion } from '../load/types.js';

export type ApiKind = 'rest' | 'http';

/** A JSON pointer into the bundled document, e.g. `/paths/~1pets~1{id}/get`. */
export type Pointer = string;

/** A CloudFormation intrinsic kept from the source, e.g. `{ fn: 'Fn::Sub', args: 'arn:...${Fn.Arn}' }`. */
export interface Intrinsic {
  intrinsic: true;
  /** `Ref`, `Fn::Sub`, `Fn::GetAtt`, `Fn::Join`, `Fn::If`, `Fn::ImportValue`, … */
  fn: string;
  args: unknown;
}

/** A string value as written in the spec: a literal, or an intrinsic that CloudFormation resolves. */
export type Value = string | Intrinsic;

/** A JSON Schema (OpenAPI flavour) as written. Named-model refs read `#/components/schemas/<Name>` in every dialect. */
export type Schema = Record<string, unknown>;

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS' | 'TRACE' | 'ANY';

export interface Api {
  kind: ApiKind;
  /** Why `kind` was chosen: explicit option, or the content that needs one type (with where it is), or the default. */
  kindReason: string;
  /** Set when the document holds content of both API types: the signal that decided, and the one it overruled. */
  kindConflict?: { chosen: KindSignal; overruled: KindSignal };
  version: OpenApiVersion;
  info: { title: string; version: string; description?: string };
  /** OAS3 `servers`; for OAS2, one server built from `schemes`/`host`/`basePath` (pointer `/host`) when `host` is set. */
  servers: Server[];
  /** OAS2 `basePath`, or the OAS3 `basePath` server variable / server URL path. */
  basePath?: string;
  routes: Route[];
  /** Named schemas (`definitions` / `components.schemas`), in document order. */
  models: Model[];
  /** Security schemes by name (the key used in `security` requirements). */
  securitySchemes: Record<string, SecurityScheme>;
  validators: RequestValidator[];
  /** Root `x-amazon-apigateway-request-validator`. */
  defaultValidator?: string;
  gatewayResponses: GatewayResponse[];
  cors?: Cors;
  binaryMediaTypes: string[];
  minimumCompressionSize?: number;
  apiKeySource?: string;
  policy?: unknown;
  /** From the OAS2 root or an OAS3 server object (the first one that has it); else from the OAS3 root, where AWS ignores it (lint warns). */
  endpointConfiguration?: EndpointConfiguration;
  securityPolicy?: string;
  endpointAccessMode?: string;
  importExportVersion?: string;
  tags: Tag[];
  documentation?: { version?: string; parts: DocumentationPart[]; pointer: Pointer };
  /** Every `stageVariables.X` / `${stageVariables.X}` / `$stageVariables.X` reference in the document. */
  stageVariableRefs: StageVariableRef[];
}

/** Content that only one API type supports, and where it is. */
export interface KindSignal {
  kind: ApiKind;
  /** e.g. `x-amazon-apigateway-cors`, `integration type mock`. */
  what: string;
  pointer: Pointer;
}

export interface Server {
  url: string;
  description?: string;
  variables: Record<string, { default: string; enum?: string[] }>;
  endpointConfiguration?: EndpointConfiguration;
  pointer: Pointer;
}

export interface EndpointConfiguration {
  disableExecuteApiEndpoint?: boolean;
  vpcEndpointIds?: Value[];
  ipAddressType?: string;
  pointer: Pointer;
}

export interface Tag {
  name: string;
  description?: string;
  /** HTTP APIs: `x-amazon-apigateway-tag-value`. */
  value?: unknown;
  pointer: Pointer;
}

export interface Model {
  /** The key under `definitions` / `components.schemas`, exactly as written. */
  name: string;
  schema: Schema;
  pointer: Pointer;
}

export interface Route {
  /** `GET /pets/{id}`, `ANY /{proxy+}`, or `$default`. Unique within the API (a repeated `$default` gets ` #2`). */
  key: string;
  method: HttpMethod;
  path: string;
  /** HTTP API `$default` route (`x-amazon-apigateway-any-method` with `isDefaultRoute: true`). */
  isDefaultRoute: boolean;
  operationId?: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  /** Path-level and operation-level merged (operation wins), 2.0 `type` forms turned into `schema`. */
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: Response[];
  /** The effective requirements (operation `security`, else root `security`). Empty = none. */
  security: SecurityRequirement[];
  /** What API Gateway will enforce, resolved from `security`, schemes and `x-amazon-apigateway-auth`. */
  auth: RouteAuth;
  integration?: Integration;
  /** The effective request validator name (operation, else root default). */
  validator?: string;
  pointer: Pointer;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description?: string;
  deprecated: boolean;
  schema: Schema;
  /** OAS3 style/explode (defaults applied); OAS2 `collectionFormat` mapped onto them. */
  style: string;
  explode: boolean;
  pointer: Pointer;
}

export interface RequestBody {
  required: boolean;
  description?: string;
  /** By media type. OAS2 `in: body` becomes the operation's `consumes` types (default application/json); `in: formData` becomes a form/multipart object schema. */
  content: Record<string, { schema?: Schema; encoding?: Record<string, MediaEncoding> }>;
  pointer: Pointer;
}

/**
 * A form or multipart body property's OpenAPI Encoding Object, as written (no defaults applied:
 * they depend on the media type and on which fields are present). OAS2 `formData` arrays get
 * the style/explode of their `collectionFormat`.
 */
export interface MediaEncoding {
  contentType?: string;
  headers: Record<string, { schema: Schema; required: boolean; description?: string }>;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
}

export interface Response {
  /** `200`, `4XX`, or `default`. */
  status: string;
  description?: string;
  headers: Record<string, { schema: Schema; required: boolean; description?: string }>;
  content: Record<string, { schema?: Schema }>;
  pointer: Pointer;
}

export interface SecurityRequirement {
  schemes: { name: string; scopes: string[] }[];
}

export interface RouteAuth {
  /** API Gateway's authorizationType for the method/route. */
  type: 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS' | 'JWT';
  /** The security scheme name of the authorizer used (CUSTOM, COGNITO_USER_POOLS, JWT). */
  authorizer?: string;
  scopes: string[];
  /** REST: the route requires an API key (`x-api-key` scheme in its requirement). */
  apiKeyRequired: boolean;
}

// ---------------------------------------------------------------- security schemes & authorizers

export type SecurityScheme =
  | { kind: 'authorizer'; name: string; authorizer: Authorizer; scheme: RawScheme; pointer: Pointer }
  /** A plain `apiKey` scheme with no authorizer: REST API keys (`x-api-key`). */
  | { kind: 'api-key'; name: string; in: string; headerName: string; scheme: RawScheme; pointer: Pointer }
  /** `x-amazon-apigateway-authtype: awsSigv4`: IAM. */
  | { kind: 'iam'; name: string; scheme: RawScheme; pointer: Pointer }
  /** Anything else (oauth2/openIdConnect without an authorizer, http basic, …). */
  | { kind: 'other'; name: string; scheme: RawScheme; pointer: Pointer };

/** The OpenAPI-level fields of a scheme, kept for rules and the SDK. */
export interface RawScheme {
  type?: string;
  in?: string;
  /** Header or query parameter name for apiKey schemes. */
  paramName?: string;
  authType?: string;
  openIdConnectUrl?: string;
}

export type Authorizer =
  | { type: 'token'; function?: FunctionRef; uri?: Value; identitySource: string; identityValidationExpression?: string; resultTtlInSeconds?: number; credentials?: Value; pointer: Pointer }
  | { type: 'request'; function?: FunctionRef; uri?: Value; identitySource: string[]; resultTtlInSeconds?: number; credentials?: Value; payloadFormatVersion?: string; enableSimpleResponses?: boolean; pointer: Pointer }
  | { type: 'cognito'; providerArns: Value[]; identitySource: string; resultTtlInSeconds?: number; pointer: Pointer }
  | { type: 'jwt'; issuer?: string; audience: string[]; identitySource: string[]; pointer: Pointer }
  /** An authorizer extension whose `type` is not one API Gateway knows; kept so lint can report it. */
  | { type: 'unknown'; rawType: string; pointer: Pointer };

/**
 * A Lambda function the API invokes, as far as the spec tells. `key` identifies the function:
 * two integrations with the same key invoke the same function.
 */
export interface FunctionRef {
  /** Stable identity: `arn:<function arn>`, `cfn:<LogicalId>`, `stagevar:<expr>`, or `uri:<raw>`. */
  key: string;
  /** A readable name: the function name from the ARN, the CloudFormation logical id, or the stage variable. */
  name: string;
  /** CloudFormation logical id, from `${X.Arn}`, `!GetAtt X.Arn`, `!Ref X`. */
  logicalId?: string;
  /** The literal function ARN, when the spec has one. */
  arn?: string;
  /** The stage variable the function name comes from (`${stageVariables.fn}`). */
  stageVariable?: string;
  alias?: string;
  region?: string;
  account?: string;
}

// ---------------------------------------------------------------- integrations

/** Every `Integration['kind']`; `unknown` is a `type` API Gateway does not know (lint reports it). */
export type IntegrationKind = 'lambda-proxy' | 'lambda' | 'http-proxy' | 'http' | 'aws-service' | 'mock' | 'unknown';

interface IntegrationBase {
  /** The `type` as written (`aws_proxy`, `HTTP_PROXY`, …). */
  rawType: string;
  uri?: Value;
  /** The integration request method (`httpMethod`). */
  httpMethod?: string;
  passthroughBehavior?: string;
  contentHandling?: string;
  timeoutInMillis?: number;
  credentials?: Value;
  connectionType?: string;
  connectionId?: Value;
  integrationTarget?: Value;
  /** Values may be non-strings in a bad spec; rules report those. */
  requestParameters: Record<string, unknown>;
  /** By content type. A template written as `Fn::Sub` keeps its template text; other non-strings are dropped. */
  requestTemplates: Record<string, string>;
  /** REST integration responses, in document order. */
  responses: IntegrationResponse[];
  /** HTTP API response parameter mappings by status code. */
  responseParameters: Record<string, Record<string, unknown>>;
  tlsConfig?: { insecureSkipVerification?: boolean; serverNameToVerify?: string };
  cacheNamespace?: string;
  cacheKeyParameters: string[];
  integrationSubtype?: string;
  payloadFormatVersion?: string;
  responseTransferMode?: string;
  /** HTTP APIs: the name under `components.x-amazon-apigateway-integrations` when referenced. */
  refName?: string;
  pointer: Pointer;
}

export type Integration =
  /** `streaming`: the uri is the response-streaming invocation (`2021-11-15/functions/…/response-streaming-invocations`). */
  | (IntegrationBase & { kind: 'lambda-proxy'; function?: FunctionRef; streaming: boolean })
  | (IntegrationBase & { kind: 'lambda'; function?: FunctionRef })
  | (IntegrationBase & { kind: 'http-proxy' })
  | (IntegrationBase & { kind: 'http' })
  /** An AWS service action (`arn:aws:apigateway:region:service:action/X` or `:path/...`), or an HTTP API first-class subtype. */
  | (IntegrationBase & { kind: 'aws-service'; service?: string; action?: string; path?: string; region?: string; subtype?: string })
  | (IntegrationBase & { kind: 'mock' })
  /** A `type` API Gateway does not know; kept so lint can report it. */
  | (IntegrationBase & { kind: 'unknown' });

export interface IntegrationResponse {
  /** The `responses` key: a Java regex or `default`. */
  selectionPattern: string;
  statusCode?: string;
  responseTemplates: Record<string, string>;
  responseParameters: Record<string, unknown>;
  contentHandling?: string;
  pointer: Pointer;
}

// ---------------------------------------------------------------- API-level extensions

export interface RequestValidator {
  name: string;
  validateRequestBody: boolean;
  validateRequestParameters: boolean;
  pointer: Pointer;
}

export interface GatewayResponse {
  type: string;
  statusCode?: string;
  responseParameters: Record<string, unknown>;
  responseTemplates: Record<string, string>;
  pointer: Pointer;
}

export interface Cors {
  allowOrigins: string[];
  allowCredentials?: boolean;
  exposeHeaders: string[];
  maxAge?: number;
  allowMethods: string[];
  allowHeaders: string[];
  pointer: Pointer;
}

export interface DocumentationPart {
  location: Record<string, unknown>;
  properties: unknown;
  pointer: Pointer;
}

export interface StageVariableRef {
  name: string;
  pointer: Pointer;
}
