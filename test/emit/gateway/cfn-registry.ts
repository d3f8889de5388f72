// Checks template resources against the CloudFormation resource registry as the AWS CDK packages it
// (@aws-cdk/aws-service-spec: every resource type's properties, their types, required flags and
// allowed values, built from the registry schemas). Loaded once, on first use (about a second).

import { createRequire } from 'node:module';
import type { PropertyType, Resource, SpecDatabase, TypeDefinition } from '@aws-cdk/service-spec-types';

const require = createRequire(import.meta.url);
let database: SpecDatabase | undefined;
const spec = (): SpecDatabase =>
  (database ??= (require('@aws-cdk/aws-service-spec') as { loadAwsServiceSpecSync(): SpecDatabase }).loadAwsServiceSpecSync());

/** Keys a resource may have besides Type and Properties (template anatomy). */
const RESOURCE_ATTRIBUTES = new Set(['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy', 'CreationPolicy', 'UpdatePolicy']);
const INTRINSIC = /^(Ref|Condition|Fn::.+)$/;

/** The registry's definition of a resource type, or undefined when there is none (SAM types, typos). */
export function registryResource(type: string): Resource | undefined {
  return spec().lookup('resource', 'cloudFormationType', 'equals', type)[0];
}

/** Problems of one resource against its registry definition: unknown or missing properties, wrong types and values. */
export function registryProblems(id: string, resource: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const type = String(resource.Type);
  const definition = registryResource(type);
  if (!definition) return [`${id}: ${type} is not a CloudFormation resource type`];
  for (const key of Object.keys(resource)) if (!RESOURCE_ATTRIBUTES.has(key)) problems.push(`${id}: unknown resource attribute ${key}`);
  const props = resource.Properties ?? {};
  checkObject(props, definition.properties, `/Resources/${id}/Properties`, problems);
  return problems;
}

function isIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && INTRINSIC.test(keys[0]!);
}

function checkObject(value: unknown, properties: Record<string, { required?: boolean; type: PropertyType }>, where: string, problems: string[]): void {
  if (isIntrinsic(value)) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: must be an object`);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    const property = properties[name];
    if (!property) problems.push(`${where}: unknown property ${name}`);
    else checkValue(record[name], property.type, `${where}/${name}`, problems);
  }
  for (const [name, property] of Object.entries(properties)) {
    if (property.required && !(name in record)) problems.push(`${where}: lacks required ${name}`);
  }
}

function checkValue(value: unknown, type: PropertyType, where: string, problems: string[]): void {
  if (isIntrinsic(value)) return;
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value !== 'string') problems.push(`${where}: must be a string, is ${JSON.stringify(value)}`);
      else if (type.type === 'string' && type.allowedValues && !type.allowedValues.includes(value)) problems.push(`${where}: ${value} is not one of ${type.allowedValues.join(', ')}`);
      return;
    case 'number':
      if (typeof value !== 'number') problems.push(`${where}: must be a number, is ${JSON.stringify(value)}`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${where}: must be an integer, is ${JSON.stringify(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${where}: must be a boolean, is ${JSON.stringify(value)}`);
      return;
    case 'json':
      if (value === null || typeof value !== 'object') problems.push(`${where}: must be a JSON object`);
      return;
    case 'null':
      return;
    case 'tag':
      checkObject(value, { Key: { required: true, type: { type: 'string' } }, Value: { required: true, type: { type: 'string' } } }, where, problems);
      return;
    case 'ref': {
      const definition = spec().get('typeDefinition', type.reference.$ref) as TypeDefinition;
      checkObject(value, definition.properties, where, problems);
      return;
    }
    case 'array':
      if (!Array.isArray(value)) problems.push(`${where}: must be a list`);
      else value.forEach((item, i) => checkValue(item, type.element, `${where}/${i}`, problems));
      return;
    case 'map':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) problems.push(`${where}: must be a map`);
      else for (const [k, v] of Object.entries(value)) checkValue(v, type.element, `${where}/${k}`, problems);
      return;
    case 'union': {
      const attempts = type.types.map((t) => {
        const found: string[] = [];
        checkValue(value, t, where, found);
        return found;
      });
      if (!attempts.some((a) => a.length === 0)) problems.push(...attempts[0]!);
      return;
    }
  }
}
