// Which code runs for each Lambda function the API invokes (integrations and authorizers), named
// as `apigw-gen routes` names them:
// 1. config `serve.functions.<name>`: `<module relative to the config file>#<export>` (export
//    `handler` when omitted), or `{ handler, environment, timeout }`;
// 2. else the implementation file the handlers target generated, `<out>/handlers/<stem>.ts`,
//    export `handler`;
// 3. else the function is listed in `missing`, with the reason.
// A module must be a .ts/.mts/.cts/.js/.mjs/.cjs file inside the config's folder (symbolic links
// followed): the spec and config name the code, and they must not make the server run code from
// elsewhere.
//
// Settings, most specific first. Environment variables are merged: the template's Globals, the
// template's function, config `serve.environment`, config `serve.functions.<name>.environment`
// (the local config overrides, as `sam local --env-vars` does). Timeout: config
// `serve.functions.<name>.timeout`, the template function's `Timeout`, its Globals' `Timeout`,
// config `serve.timeout`, 3 s. Memory: the template's `MemorySize` (function, then Globals), 128 MB.

import { existsSync, realpathSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
import type { Config, ServeConfig } from '../../config/types.js';
import type { Api, FunctionRef } from '../../model/types.js';
import { asText, dict, get, getNumber, getObject, getString, isObject } from '../../model/values.js';
import { functionName } from '../../report/routes.js';
import { planHandlers } from '../../emit/handlers/plan.js';
import type { FunctionSpec } from './index.js';

export interface ResolveInput {
  config: Config;
  /** The folder of the config file (the project): config paths are relative to it and stay in it. */
  configDir: string;
  /** The build's output folder (absolute). */
  outDir: string;
  /** The parsed CloudFormation/SAM template when the spec came from one. */
  template?: unknown;
}

export interface ResolvedFunctions {
  functions: FunctionSpec[];
  missing: { name: string; reason: string }[];
}

const MODULE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];
const DEFAULT_TIMEOUT_S = 3;
/** Lambda's limit on a function's timeout. */
const MAX_TIMEOUT_S = 900;
const FUNCTION_TYPES = ['AWS::Serverless::Function', 'AWS::Lambda::Function'];

export function resolveFunctions(api: Api, input: ResolveInput): ResolvedFunctions {
  const serve: ServeConfig = input.config.serve ?? {};
  const configured = isObject(serve.functions) ? serve.functions : {};
  const stems = generatedStems(api);
  const functions: FunctionSpec[] = [];
  const missing: ResolvedFunctions['missing'] = [];

  for (const [name, ref] of invokedFunctions(api)) {
    const entry = Object.prototype.hasOwnProperty.call(configured, name) ? configured[name] : undefined;
    const resource = templateFunction(input.template, ref);
    let target: { module: string; exportName: string } | { reason: string };
    if (entry !== undefined) target = configuredModule(name, entry, input.configDir);
    else {
      const stem = stems.get(ref.key);
      const file = stem === undefined ? undefined : join(input.outDir, 'handlers', `${stem}.ts`);
      target =
        file !== undefined && existsSync(file)
          ? { module: file, exportName: 'handler' }
          : { reason: `no serve.functions entry for it in the config, and no generated implementation${file ? ` ${relative(input.configDir, file) || file}` : ''} (run apigw-gen build, or map it to a module)` };
    }
    if ('reason' in target) {
      missing.push({ name, reason: target.reason });
      continue;
    }
    const own = typeof entry === 'object' ? entry : undefined;
    const timeout = timeoutOf(own?.timeout, getNumber(resource?.properties, 'Timeout'), getNumber(resource?.globals, 'Timeout'), serve.timeout);
    if (typeof timeout === 'string') {
      missing.push({ name, reason: timeout });
      continue;
    }
    const spec: FunctionSpec = {
      name,
      ...target,
      timeoutMs: timeout * 1000,
      environment: {
        ...variablesOf(resource?.globals),
        ...variablesOf(resource?.properties),
        ...stringMap(serve.environment),
        ...stringMap(own?.environment),
      },
    };
    const memory = getNumber(resource?.properties, 'MemorySize') ?? getNumber(resource?.globals, 'MemorySize');
    if (memory !== undefined && memory >= 128 && memory <= 10240) spec.memorySize = memory;
    functions.push(spec);
  }
  return { functions, missing };
}

/** Every function an integration or a Lambda authorizer invokes, by the name `routes` shows. */
function invokedFunctions(api: Api): Map<string, FunctionRef> {
  const found = new Map<string, FunctionRef>();
  const add = (ref: FunctionRef | undefined) => {
    if (ref && !found.has(functionName(ref))) found.set(functionName(ref), ref);
  };
  for (const route of api.routes) {
    const integration = route.integration;
    if (integration?.kind === 'lambda-proxy' || integration?.kind === 'lambda') add(integration.function);
  }
  for (const scheme of Object.values(api.securitySchemes)) {
    if (scheme.kind === 'authorizer' && (scheme.authorizer.type === 'token' || scheme.authorizer.type === 'request')) add(scheme.authorizer.function);
  }
  return found;
}

/** The handlers target's file stem of each function (and authorizer function), by function key. */
function generatedStems(api: Api): Map<string, string> {
  const plan = planHandlers(api);
  const stems = new Map<string, string>();
  for (const fn of plan.functions) stems.set(fn.key, fn.fileStem);
  // An authorizer's plan key is `<function key>#<payload variant>`.
  for (const auth of plan.authorizers) {
    const key = auth.key.slice(0, auth.key.lastIndexOf('#'));
    if (!stems.has(key)) stems.set(key, auth.fileStem);
  }
  return stems;
}

function configuredModule(name: string, entry: unknown, configDir: string): { module: string; exportName: string } | { reason: string } {
  const handler = typeof entry === 'string' ? entry : getString(entry, 'handler');
  const where = `serve.functions.${name}`;
  if (handler === undefined || handler.trim() === '') return { reason: `${where} must be "<module>#<export>" or { handler: "<module>#<export>" }` };
  const hash = handler.lastIndexOf('#');
  const file = hash === -1 ? handler : handler.slice(0, hash);
  const exportName = hash === -1 ? 'handler' : handler.slice(hash + 1);
  if (exportName === '' || !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(exportName)) return { reason: `${where}: "${exportName}" is not an export name` };
  if (!MODULE_EXTENSIONS.includes(extname(file))) return { reason: `${where}: ${file} is not a ${MODULE_EXTENSIONS.join('/')} module` };
  const module = resolvePath(configDir, file);
  if (!isInside(configDir, module)) return { reason: `${where}: ${file} is outside the project folder ${configDir}; handlers must be inside it` };
  if (!existsSync(module)) return { reason: `${where}: ${file} does not exist` };
  if (!isInside(realpathSync(configDir), realpathSync(module))) return { reason: `${where}: ${file} links to a file outside the project folder ${configDir}` };
  return { module, exportName };
}

function isInside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}

/** Seconds, or the reason the value is unusable. */
function timeoutOf(...candidates: unknown[]): number | string {
  const value = candidates.find((c) => c !== undefined) ?? DEFAULT_TIMEOUT_S;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > MAX_TIMEOUT_S) {
    return `timeout ${JSON.stringify(value)} is not a number of seconds between 1 and ${MAX_TIMEOUT_S}`;
  }
  return value;
}

/** The function's resource in the template (by logical id, else by FunctionName) and the template's Globals.Function. */
function templateFunction(template: unknown, ref: FunctionRef): { properties: Record<string, unknown>; globals?: Record<string, unknown> } | undefined {
  const resources = getObject(template, 'Resources');
  if (!resources) return undefined;
  const isFunction = (r: unknown) => FUNCTION_TYPES.includes(getString(r, 'Type') ?? '');
  let resource = ref.logicalId !== undefined ? get(resources, ref.logicalId) : undefined;
  if (!isFunction(resource)) resource = Object.values(resources).find((r) => isFunction(r) && getString(getObject(r, 'Properties'), 'FunctionName') === ref.name);
  if (!isFunction(resource)) return undefined;
  const globals = getString(resource, 'Type') === 'AWS::Serverless::Function' ? getObject(getObject(template, 'Globals'), 'Function') : undefined;
  return { properties: getObject(resource, 'Properties') ?? {}, ...(globals ? { globals } : {}) };
}

/** `Environment.Variables` with literal values; intrinsics (`!Ref Table`) have no local value and are left out. */
function variablesOf(properties: Record<string, unknown> | undefined): Record<string, string> {
  return stringMap(getObject(getObject(properties, 'Environment'), 'Variables'));
}

function stringMap(value: unknown): Record<string, string> {
  const out = dict<string>();
  if (!isObject(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    const text = asText(v);
    if (text !== undefined) out[key] = text;
  }
  return out;
}
