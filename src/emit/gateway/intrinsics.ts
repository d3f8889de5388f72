// CloudFormation intrinsics in the document. The standalone template cannot contain the Lambda
// functions and other resources the spec refers to, so in template.yaml each reference to a
// resource outside it becomes a template parameter: `${Fn.Arn}` / `!GetAtt Fn.Arn` → `${FnArn}`,
// `!Ref Thing` → parameter `Thing`. For the import-ready JSON, intrinsics are resolved from
// `gateway.parameters` (same names); `${AWS::Region|AccountId|Partition}` are left for import to
// resolve (reference §1.24). What cannot be resolved is kept and reported.

import { intrinsicName } from '../../model/values.js';
import type { ChangeLog } from './changes.js';
import { childPointer, isObject, newObject, type Json, type JsonObject } from './json.js';

/** Pseudo parameters API Gateway import resolves by itself anywhere in the definition. */
export const IMPORT_RESOLVED = new Set(['AWS::AccountId', 'AWS::Partition', 'AWS::Region']);
/** API Gateway's own `${...}` variables that CloudFormation must not touch in `Fn::Sub`. */
const GATEWAY_VARIABLE = /^(stageVariables|context|request|method|integration|input|util)\./;

export interface TemplateParameter {
  /** The logical id in the original reference (or the mapping name of an Fn::FindInMap). */
  logicalId: string;
  attribute?: string;
  /** Set for a parameter standing for `Fn::FindInMap`: the lookup it replaces, for its description. */
  mapping?: string;
  /** Set for a parameter that switches a condition the spec's `Fn::If` uses. */
  condition?: string;
}

/** The parameter that switches condition `name` (`true`/`false`). */
export function conditionParameterName(name: string): string {
  return `${parameterName(name)}Condition`;
}

/** The parameter name that stands for `logicalId` (or `logicalId.attribute`). */
export function parameterName(logicalId: string, attribute?: string): string {
  const raw = attribute === undefined ? logicalId : `${logicalId}${attribute}`;
  return raw.replace(/[^A-Za-z0-9]/g, '');
}

/**
 * Rewrites, in place, references to resources outside the template into parameter references;
 * `reserved` logical ids (the template's own resources) are left alone. Returns the parameters used.
 */
export function parameterizeReferences(root: Json, reserved: ReadonlySet<string>, log: ChangeLog): Map<string, TemplateParameter> {
  const params = new Map<string, TemplateParameter>();
  const use = (logicalId: string, attribute?: string): string => {
    const name = parameterName(logicalId, attribute);
    if (!params.has(name)) params.set(name, attribute === undefined ? { logicalId } : { logicalId, attribute });
    return name;
  };
  const useCondition = (name: string) => {
    const param = conditionParameterName(name);
    if (!params.has(param)) params.set(param, { logicalId: name, condition: name });
  };
  const visit = (node: Json, pointer: string): Json => {
    if (Array.isArray(node)) return node.map((n, i) => visit(n, `${pointer}/${i}`));
    if (!isObject(node)) return node;
    const fn = intrinsicName(node);
    if (fn === 'Fn::If' && Array.isArray(node['Fn::If']) && typeof node['Fn::If'][0] === 'string') {
      useCondition(node['Fn::If'][0]);
    }
    if (fn === 'Condition' && typeof node.Condition === 'string') useCondition(node.Condition);
    if (fn === 'Fn::FindInMap' && Array.isArray(node['Fn::FindInMap']) && typeof node['Fn::FindInMap'][0] === 'string') {
      // The mapping lives in the spec's own template; here its value for this stack is a parameter.
      const [map, ...keys] = node['Fn::FindInMap'];
      const literalKeys = keys.filter((k): k is string => typeof k === 'string');
      const name = parameterName(map, literalKeys.join(''));
      if (!params.has(name)) params.set(name, { logicalId: map, mapping: `Fn::FindInMap ${JSON.stringify(node['Fn::FindInMap'])}` });
      log.add('template', pointer, `Fn::FindInMap on mapping ${map} replaced by template parameter ${name} (the mapping is not part of this template)`);
      return ref(name);
    }
    if (fn === 'Ref' && typeof node.Ref === 'string') {
      const target = node.Ref;
      if (target.startsWith('AWS::') || reserved.has(target)) return node;
      return ref(use(target));
    }
    if (fn === 'Fn::GetAtt') {
      const [id, attr] = getAttParts(node['Fn::GetAtt']!);
      if (id === undefined || reserved.has(id)) return node;
      return ref(use(id, attr));
    }
    if (fn === 'Fn::Sub') {
      const args = node['Fn::Sub']!;
      const template = typeof args === 'string' ? args : Array.isArray(args) && typeof args[0] === 'string' ? args[0] : undefined;
      if (template === undefined) return node;
      const locals = Array.isArray(args) && isObject(args[1]) ? args[1] : newObject();
      const rewritten = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
        if (inner.startsWith('!') || inner.startsWith('AWS::') || Object.prototype.hasOwnProperty.call(locals, inner)) return whole;
        if (GATEWAY_VARIABLE.test(inner)) {
          log.add('template', pointer, `\${${inner}} escaped as \${!${inner}} in template.yaml so that Fn::Sub leaves API Gateway's variable alone`);
          return `\${!${inner}}`;
        }
        const dot = inner.indexOf('.');
        const id = dot === -1 ? inner : inner.slice(0, dot);
        if (reserved.has(id)) return whole;
        return `\${${use(id, dot === -1 ? undefined : inner.slice(dot + 1))}}`;
      });
      const out = newObject();
      if (Array.isArray(args)) {
        const vars = newObject();
        for (const k of Object.keys(locals)) vars[k] = visit(locals[k]!, pointer);
        out['Fn::Sub'] = [rewritten, vars];
      } else out['Fn::Sub'] = rewritten;
      return out;
    }
    const out = newObject();
    for (const key of Object.keys(node)) out[key] = visit(node[key]!, childPointer(pointer, key));
    return out;
  };
  const result = visit(root, '');
  if (isObject(root) && isObject(result)) {
    for (const key of Object.keys(root)) delete root[key];
    for (const key of Object.keys(result)) root[key] = result[key]!;
  }
  return params;
}

/**
 * Replaces, in place, every intrinsic whose value is known by a plain string. `values` are keyed by
 * parameter name (see parameterName); pseudo parameters import resolves stay as `${AWS::Region}`.
 */
export function resolveIntrinsics(root: JsonObject, values: Readonly<Record<string, string>>, log: ChangeLog): void {
  const visit = (node: Json, pointer: string): Json => {
    if (Array.isArray(node)) return node.map((n, i) => visit(n, `${pointer}/${i}`));
    if (!isObject(node)) return node;
    const fn = intrinsicName(node);
    if (fn !== undefined) {
      const missing: string[] = [];
      const text = resolve(node, values, missing, 0);
      if (text !== undefined) {
        log.add('resolve-intrinsic', pointer, `${fn} resolved to ${JSON.stringify(text)}`);
        return text;
      }
      const hint = missing.length > 0 ? `: set gateway.parameters.${[...new Set(missing)].join(', gateway.parameters.')} in the config` : ' (it has no value outside CloudFormation)';
      log.add('unresolved-intrinsic', pointer, `${fn} kept as written${hint}; the JSON cannot be imported until it is a plain string`);
      return node;
    }
    const out = newObject();
    for (const key of Object.keys(node)) out[key] = visit(node[key]!, childPointer(pointer, key));
    return out;
  };
  const result = visit(root, '') as JsonObject;
  for (const key of Object.keys(root)) delete root[key];
  for (const key of Object.keys(result)) root[key] = result[key]!;
}

function resolve(node: Json, values: Readonly<Record<string, string>>, missing: string[], depth: number): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (depth > 16) return undefined;
  const fn = intrinsicName(node);
  if (fn === undefined || !isObject(node)) return undefined;
  const args = node[fn]!;
  const lookup = (name: string): string | undefined => {
    if (Object.prototype.hasOwnProperty.call(values, name)) return values[name];
    missing.push(name);
    return undefined;
  };
  switch (fn) {
    case 'Ref': {
      if (typeof args !== 'string') return undefined;
      if (IMPORT_RESOLVED.has(args)) return `\${${args}}`;
      return lookup(args.startsWith('AWS::') ? args : parameterName(args));
    }
    case 'Fn::GetAtt': {
      const [id, attr] = getAttParts(args);
      return id === undefined ? undefined : lookup(parameterName(id, attr));
    }
    case 'Fn::Sub': {
      const template = typeof args === 'string' ? args : Array.isArray(args) && typeof args[0] === 'string' ? args[0] : undefined;
      if (template === undefined) return undefined;
      const locals = Array.isArray(args) && isObject(args[1]) ? args[1] : newObject();
      let failed = false;
      const text = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
        if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
        if (IMPORT_RESOLVED.has(inner) || GATEWAY_VARIABLE.test(inner)) return whole;
        let value: string | undefined;
        if (Object.prototype.hasOwnProperty.call(locals, inner)) value = resolve(locals[inner]!, values, missing, depth + 1);
        else if (inner.startsWith('AWS::')) value = lookup(inner);
        else {
          const dot = inner.indexOf('.');
          value = lookup(dot === -1 ? parameterName(inner) : parameterName(inner.slice(0, dot), inner.slice(dot + 1)));
        }
        if (value === undefined) failed = true;
        return value ?? whole;
      });
      return failed ? undefined : text;
    }
    case 'Fn::Join': {
      if (!Array.isArray(args) || typeof args[0] !== 'string' || !Array.isArray(args[1])) return undefined;
      const parts = args[1].map((p) => resolve(p, values, missing, depth + 1));
      return parts.every((p): p is string => p !== undefined) ? parts.join(args[0]) : undefined;
    }
    default:
      return undefined;
  }
}

function getAttParts(args: Json): [string | undefined, string | undefined] {
  if (typeof args === 'string') {
    const dot = args.indexOf('.');
    return dot === -1 ? [args, undefined] : [args.slice(0, dot), args.slice(dot + 1)];
  }
  if (Array.isArray(args) && typeof args[0] === 'string' && typeof args[1] === 'string') return [args[0], args[1]];
  return [undefined, undefined];
}

function ref(name: string): JsonObject {
  const out = newObject();
  out.Ref = name;
  return out;
}
