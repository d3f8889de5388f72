import type { ErrorObject } from 'ajv';
import type { Rule } from '../../rule.js';
import { child, getAt, parsePointer } from '../../pointer.js';
import { isIntrinsicObject } from '../../helpers/raw.js';
import { openApiValidator, openApiValidatorAllErrors } from './schema-validators.js';

/** Keywords that only say "some branch failed": the branch's own errors say what is wrong. */
const COMBINATOR = new Set(['oneOf', 'anyOf', 'if', 'not', 'then', 'else', '$ref']);

/** True when the instance at `pointer` lies inside a CloudFormation intrinsic (resolved by CloudFormation). */
function insideIntrinsic(root: unknown, pointer: string): boolean {
  let node = root;
  for (const token of parsePointer(pointer)) {
    if (isIntrinsicObject(node)) return true;
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[token];
  }
  return isIntrinsicObject(node);
}

/**
 * ajv with allErrors reports every failed branch of every oneOf. Keep, per instance location, the
 * most telling error, and drop locations that only failed because a deeper location failed.
 */
export function simplifyErrors(errors: ErrorObject[]): ErrorObject[] {
  // An enum/const failure on a property (e.g. `in`, `type`) while its parent object also failed
  // means ajv tried the wrong oneOf branch: the parent's own errors are the real problem.
  const parentsWithErrors = new Set(errors.filter((e) => !COMBINATOR.has(e.keyword) && e.keyword !== 'enum' && e.keyword !== 'const').map((e) => e.instancePath));
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    if ((e.keyword === 'enum' || e.keyword === 'const') && parentsWithErrors.has(e.instancePath.slice(0, e.instancePath.lastIndexOf('/')))) continue;
    let list = byPath.get(e.instancePath);
    if (!list) byPath.set(e.instancePath, (list = []));
    list.push(e);
  }
  const paths = [...byPath.keys()];
  const kept: ErrorObject[] = [];
  for (const [path, list] of byPath) {
    if (paths.some((p) => p !== path && p.startsWith(path + '/'))) continue;
    const specific = list.filter((e) => !COMBINATOR.has(e.keyword));
    // A failed `Reference` branch ("must have required property '$ref'") is never the real problem
    // when another branch said something more specific.
    const notRef = specific.filter((e) => !(e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === '$ref'));
    const best = notRef[0] ?? specific[0] ?? list[0];
    if (best) kept.push(best);
  }
  return kept;
}

function describe(e: ErrorObject): { message: string; pointer: string } {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    const prop = params.additionalProperty;
    return {
      message: `'${prop}' is not allowed here by the OpenAPI schema; remove it, fix its spelling, or prefix it with 'x-' if it is an extension`,
      pointer: child(e.instancePath, prop),
    };
  }
  if (e.keyword === 'required') {
    return { message: `missing required property '${String(params.missingProperty)}': add it`, pointer: e.instancePath };
  }
  if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return { message: `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`, pointer: e.instancePath };
  }
  return { message: `${e.message ?? 'is invalid'}; fix the value so the document conforms to its OpenAPI version`, pointer: e.instancePath };
}

export const oas001: Rule = {
  id: 'OAS-001',
  severity: 'warn',
  description: 'The document must validate against the JSON Schema of its OpenAPI version',
  fact: 'HTTP API import rejects a malformed document [D]; REST import is more lenient: real, deployed AWS samples omit info.version or leave responses empty, so schema violations are warnings. The official OpenAPI 2.0/3.0/3.1 JSON Schemas define well-formed; tools that generate clients from the document rely on it [I].',
  visitors: {
    api(api, ctx) {
      const root = ctx.document.document;
      if (openApiValidator(ctx.document.version)(root)) return;
      const validate = openApiValidatorAllErrors(ctx.document.version);
      validate(root);
      for (const e of simplifyErrors(validate.errors ?? [])) {
        if (insideIntrinsic(root, e.instancePath)) continue;
        // A required `$ref` on an intrinsic-bearing sibling, or a value that is an intrinsic: CloudFormation resolves it.
        if (isIntrinsicObject(getAt(root, e.instancePath))) continue;
        const { message, pointer } = describe(e);
        ctx.report({ message: `OpenAPI ${api.version} schema: ${message}`, pointer });
      }
    },
  },
};
