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

export interface Config {
  /** The spec's entry file, relative to the config file. */
  input?: string;
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
  stages?: Record<string, StageConfig>;
  gateway?: {
    sam?: boolean;
    endpointType?: 'EDGE' | 'REGIONAL' | 'PRIVATE';
    bodyS3Location?: { bucket: string; key: string };
    domain?: { name: string; certificateArn: string; basePath?: string };
    usagePlans?: Record<string, { stages: string[]; throttling?: { burstLimit?: number; rateLimit?: number }; quota?: { limit: number; period: 'DAY' | 'WEEK' | 'MONTH' }; apiKeys?: string[] }>;
    accessLogFormat?: 'json';
  };
}

/** A config after loading: paths resolved to absolute, where it came from. */
export interface ResolvedConfig extends Config {
  /** Absolute path of the config file, when one was found. */
  file?: string;
}
