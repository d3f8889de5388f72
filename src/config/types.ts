// The shape of apigw-gen.config.json / .yaml. Its JSON Schema ships in schemas/config.schema.json.

import type { ApiKind } from '../model/types.js';
import type { Severity } from '../lint/types.js';
import type { Target } from '../emit/types.js';

export interface StageConfig {
  variables?: Record<string, string>;
  /** Base URL clients use for this stage (custom domain); default is the execute-api URL. */
  baseUrl?: string;
  throttling?: { burstLimit?: number; rateLimit?: number };
  caching?: { enabled?: boolean; ttlInSeconds?: number; clusterSize?: string };
  logging?: { level?: 'OFF' | 'ERROR' | 'INFO'; dataTrace?: boolean; accessLogs?: boolean };
  tracing?: boolean;
  /** Per-method settings keyed by `METHOD /path` (or `*\/*`). */
  methodSettings?: Record<string, { throttling?: { burstLimit?: number; rateLimit?: number }; caching?: { enabled?: boolean; ttlInSeconds?: number } }>;
  alarms?: { serverErrorRate?: number; clientErrorRate?: number; p99LatencyMs?: number; integrationLatencyMs?: number };
}

/** Which generated mapping template a `templates.generate` entry asks for. */
export type TemplateGeneratorKind =
  | 'passthrough'
  | 'dynamodb-putitem' | 'dynamodb-getitem' | 'dynamodb-deleteitem' | 'dynamodb-query'
  | 'sqs-sendmessage' | 'sns-publish'
  | 'stepfunctions-startexecution' | 'stepfunctions-startsyncexecution'
  | 'kinesis-putrecord' | 'eventbridge-putevents';

/**
 * One generated template. Values (`table`, `topicArn`, …) are literals or mapping expressions:
 * `stageVariables.x`, `context.x`, `method.request.path|querystring|header.x`, `method.request.body.a.b`.
 */
export interface TemplateGenerateEntry {
  /** The route, as `METHOD /path` (e.g. `POST /pets`). */
  route: string;
  template: TemplateGeneratorKind;
  /** The request content type the template is for. Default `application/json`. */
  contentType?: string;
  table?: string;
  /** DynamoDB key attributes: `name` (attribute = parameter name) or `attribute=parameter`. Default: the path parameters. */
  key?: string[];
  indexName?: string;
  /** DynamoDB PutItem: extra string attributes set by the gateway, e.g. `{ "id": "context.requestId" }`. */
  attributes?: Record<string, string>;
  /** Also generate the response template where there is one to generate (DynamoDB reads, StartSyncExecution). Default true. */
  response?: boolean;
  topicArn?: string;
  subject?: string;
  stateMachineArn?: string;
  executionName?: string;
  streamName?: string;
  partitionKey?: string;
  source?: string;
  detailType?: string;
  eventBusName?: string;
  messageGroupId?: string;
  messageDeduplicationId?: string;
}

/** A Lambda function for `serve`: `<module relative to the config file>#<export>`, or that plus settings. */
export type ServeFunctionConfig = string | { handler: string; environment?: Record<string, string>; timeout?: number };

/** `apigw-gen serve`: the local API Gateway. */
export interface ServeConfig {
  /** Default 3000. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: the only or first key of `stages`, else `$default` (HTTP API) / `local` (REST API). */
  stage?: string;
  /** By function name as `apigw-gen routes` shows it under TARGET (qualifier/alias stripped). */
  functions?: Record<string, ServeFunctionConfig>;
  /** Environment variables for every function. */
  environment?: Record<string, string>;
  /** Default function timeout in seconds (default 3). */
  timeout?: number;
  /** Where AWS service integrations are sent, SigV4-signed. */
  awsEndpoint?: string;
  /** Base URL for VPC-link integrations by connectionId, or `*`. */
  vpcLinks?: Record<string, string>;
  /**
   * Serve routes that have authorizers, IAM or API keys as if they were open. Default false: serve
   * does not verify those yet, so such routes answer as AWS answers a caller without credentials.
   */
  openGuardedRoutes?: boolean;
}

export interface Config {
  /** The spec's entry file, relative to the config file. */
  input?: string;
  /**
   * The folder local `$ref`s must stay inside, relative to the config file. Default: the config file's
   * folder or the repository root (nearest folder with `.git`), whichever is higher.
   */
  root?: string;
  /** Output folder, relative to the config file. Default `generated`. */
  out?: string;
  apiType?: ApiKind;
  targets?: Target[];
  allowRemoteRefs?: boolean;
  lint?: {
    /** Severity override per rule id, or `off`. */
    rules?: Record<string, Severity | 'off'>;
    /** Ignore a rule at specific JSON pointers (or `*` for everywhere). */
    ignore?: { rule: string; pointers: string[] }[];
    /** A baseline file written by `apigw-gen lint --baseline`. */
    baseline?: string;
  };
  sdk?: { groupByTag?: boolean; throwOnError?: boolean; formats?: { dateTime?: 'string' | 'Date' } };
  handlers?: { language?: 'typescript' };
  templates?: {
    /** Generate templates for AWS service integrations of the spec that have none. Default true. */
    generateMissing?: boolean;
    generate?: TemplateGenerateEntry[];
  };
  stages?: Record<string, StageConfig>;
  serve?: ServeConfig;
  gateway?: {
    sam?: boolean;
    endpointType?: 'EDGE' | 'REGIONAL' | 'PRIVATE';
    /**
     * Where template.yaml takes the API definition from instead of inlining it (CloudFormation takes
     * 51,200 bytes of template in a request and 1 MB from S3): `package` = the emitted OpenAPI file by
     * relative path, uploaded by `aws cloudformation package` / `sam deploy`; `{ bucket, key }` = an S3
     * object you upload the emitted OpenAPI file to.
     */
    bodyS3Location?: 'package' | { bucket: string; key: string };
    /** `stage`: the stage the base path maps to (default: the first stage). */
    domain?: { name: string; certificateArn: string; basePath?: string; stage?: string };
    usagePlans?: Record<string, { stages: string[]; throttling?: { burstLimit?: number; rateLimit?: number }; quota?: { limit: number; period: 'DAY' | 'WEEK' | 'MONTH' }; apiKeys?: string[] }>;
    accessLogFormat?: 'json';
    /**
     * REST logging — execution logs (a stage's `logging.level` ERROR/INFO or `dataTrace`) and access
     * logs (on unless `logging.accessLogs: false`) — needs the account-wide CloudWatch role: by default
     * template.yaml creates it (an IAM role and `AWS::ApiGateway::Account`). `false` when the account
     * already has one managed elsewhere.
     */
    accountLoggingRole?: boolean;
    /**
     * Values for CloudFormation references in the spec, by template parameter name (`${Fn.Arn}` → `FnArn`,
     * `!Ref Thing` → `Thing`): defaults of template.yaml's parameters, and resolved into the standalone JSON.
     */
    parameters?: Record<string, string>;
  };
}

/** A config after loading: paths resolved to absolute, where it came from. */
export interface ResolvedConfig extends Config {
  /** Absolute path of the config file, when one was found. */
  file?: string;
}
