// `apigw-gen vtl render` without the CLI: find the template (a .vtl file, or a string inside a
// spec addressed by JSON pointer), read the request event, render, and check the output as JSON.
// Every failure a user can fix is an ApigwError with a file position.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApigwError } from '../errors.js';
import { brokenRefError, load } from '../load/index.js';
import { getAt, isWithin, parsePointer } from '../load/pointer.js';
import type { SourcePosition } from '../load/types.js';
import { VtlError } from './errors.js';
import { parseJson, JsonSyntaxError } from './json.js';
import { compileTemplate, renderTemplate, type VtlRenderResult } from './index.js';
import type { VtlRequest } from './environment.js';

export interface TemplateSource {
  text: string;
  /** The file to report template errors against. */
  file: string;
  /** For a template inside a spec: where its string starts in the spec. */
  specPosition?: SourcePosition;
  pointer?: string;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new ApigwError('FILE_NOT_FOUND', `cannot read ${what} ${file}`);
  }
}

/** `template.vtl` or `openapi.yaml#/paths/~1pets/post/x-amazon-apigateway-integration/requestTemplates/application~1json`. */
export async function loadTemplateSource(ref: string, cwd: string): Promise<TemplateSource> {
  const hash = ref.indexOf('#');
  if (hash < 0) {
    const file = path.resolve(cwd, ref);
    return { text: readText(file, 'template'), file };
  }
  const file = path.resolve(cwd, ref.slice(0, hash));
  const pointer = ref.slice(hash + 1);
  let tokens: string[];
  try {
    tokens = parsePointer(pointer);
  } catch {
    throw new ApigwError('USAGE', `"${pointer}" is not a JSON pointer (it must start with "/", e.g. spec.yaml#/paths/~1pets/post/…)`);
  }
  const doc = await load(file);
  // A template behind a `$ref` that points at nothing (a missing .vtl file, say) cannot be rendered:
  // say which ref, where, as `build` does. Broken refs elsewhere in the spec do not matter here.
  const broken = doc.brokenRefs?.find((b) => isWithin(pointer, b.pointer));
  if (broken) throw brokenRefError(broken);
  const found = getAt(doc.document, tokens);
  const position = doc.sourceMap.lookup(pointer);
  if (!found.found) throw new ApigwError('USAGE', `nothing at ${pointer} in ${file}`, position);
  if (typeof found.value !== 'string') throw new ApigwError('USAGE', `${pointer} is not a mapping template (a string) in ${file}`, position);
  return { text: found.value, file, pointer, ...(position ? { specPosition: position } : {}) };
}

function asStringRecord(value: unknown, field: string, file: string, allowLists: boolean): Record<string, string | string[]> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new ApigwError('USAGE', `${file}: "${field}" must be an object of strings`);
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    else if (allowLists && Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[];
    else throw new ApigwError('USAGE', `${file}: "${field}.${k}" must be a string`);
  }
  return out;
}

function readJsonFile(file: string, what: string): unknown {
  const text = readText(file, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    // JSON.parse gives the value; its errors carry no line or column, which checkJsonOutput finds.
    const at = checkJsonOutput(text);
    throw new ApigwError('PARSE_ERROR', `${what} is not valid JSON: ${at?.message ?? (e as Error).message}`, { file, line: at?.line ?? 1, column: at?.column ?? 1 });
  }
}

/** The request event file: `{ body, headers, query, path, context, stageVariables }`. */
export function readRequestEvent(file: string): VtlRequest {
  const data = readJsonFile(file, 'event');
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ApigwError('USAGE', `${file}: the event must be a JSON object { body, headers, query, path, context, stageVariables }`);
  const e = data as Record<string, unknown>;
  const known = new Set(['body', 'headers', 'query', 'path', 'context', 'stageVariables']);
  const unknown = Object.keys(e).filter((k) => !known.has(k));
  if (unknown.length) throw new ApigwError('USAGE', `${file}: unknown event field(s) ${unknown.join(', ')} (expected body, headers, query, path, context, stageVariables)`);
  let body: string | undefined;
  if (e.body !== undefined && e.body !== null) body = typeof e.body === 'string' ? e.body : JSON.stringify(e.body);
  if (e.context !== undefined && (typeof e.context !== 'object' || e.context === null || Array.isArray(e.context)))
    throw new ApigwError('USAGE', `${file}: "context" must be an object`);
  const request: VtlRequest = {
    ...(body !== undefined ? { body } : {}),
    ...(e.headers !== undefined ? { headers: asStringRecord(e.headers, 'headers', file, true) } : {}),
    ...(e.query !== undefined ? { query: asStringRecord(e.query, 'query', file, true) } : {}),
    ...(e.path !== undefined ? { path: asStringRecord(e.path, 'path', file, false) as Record<string, string> } : {}),
    ...(e.context !== undefined ? { context: e.context as Record<string, unknown> } : {}),
    ...(e.stageVariables !== undefined ? { stageVariables: asStringRecord(e.stageVariables, 'stageVariables', file, false) as Record<string, string> } : {}),
  };
  return request;
}

/** `--context ctx.json`: merged over the event's `context`. */
export function readContextFile(file: string): Record<string, unknown> {
  const data = readJsonFile(file, 'context');
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ApigwError('USAGE', `${file}: the context must be a JSON object`);
  return data as Record<string, unknown>;
}

/** `--stage-vars a=1 b=2`. */
export function parseStageVariableArgs(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new ApigwError('USAGE', `--stage-vars expects name=value, got "${p}"`);
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}

export interface JsonProblem {
  line: number;
  column: number;
  message: string;
}

/** Whether the rendered output is valid JSON, and if not, where (1-based line and column in the output). */
export function checkJsonOutput(output: string): JsonProblem | undefined {
  try {
    parseJson(output);
    return undefined;
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const before = output.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { line, column, message: e.message.replace(/ at offset \d+$/, '') };
  }
}

export interface RenderFileOptions {
  template: string;
  event?: string;
  context?: string;
  stageVars?: readonly string[];
  cwd: string;
}

export interface RenderFileResult extends VtlRenderResult {
  source: TemplateSource;
}

/** Everything `vtl render` does apart from printing. Template errors are reported against the template's file. */
export async function renderTemplateFile(options: RenderFileOptions): Promise<RenderFileResult> {
  const source = await loadTemplateSource(options.template, options.cwd);
  const request: VtlRequest = options.event ? readRequestEvent(path.resolve(options.cwd, options.event)) : {};
  if (options.context) request.context = { ...(request.context ?? {}), ...readContextFile(path.resolve(options.cwd, options.context)) };
  if (options.stageVars?.length) request.stageVariables = { ...(request.stageVariables ?? {}), ...parseStageVariableArgs(options.stageVars) };
  try {
    return { ...renderTemplate(compileTemplate(source.text), request), source };
  } catch (e) {
    if (e instanceof VtlError) throw locate(e, source);
    throw e;
  }
}

/** A template error in a .vtl file points into it; inside a spec it points at the template string, naming the template position. */
function locate(e: VtlError, source: TemplateSource): ApigwError {
  if (!source.pointer) return e.withFile(source.file);
  const where = source.specPosition ?? { file: source.file, line: 1, column: 1 };
  return new ApigwError('BAD_TEMPLATE', `${e.message} (template ${source.pointer}, line ${e.line}, column ${e.column})`, where);
}
