// CloudFormation short-form intrinsics (`!Sub`, `!GetAtt`, …) as YAML tags. SAM and CloudFormation users
// put them in OpenAPI documents (DefinitionBody, AWS::Include); they become the long form that the
// same document could have spelled out, so later stages see one shape: `{ "Fn::Sub": … }`, `{ "Ref": … }`.

import { CORE_SCHEMA, defineMappingTag, defineScalarTag, defineSequenceTag, mergeTag, type Schema } from 'js-yaml';
import { setOwn } from './pointer.js';

/** The short forms CloudFormation documents. Any other `!Name` tag is kept as `{ "Fn::Name": value }`. */
export const CFN_SHORT_FORMS = [
  'Sub', 'Ref', 'GetAtt', 'Join', 'If', 'ImportValue', 'FindInMap', 'Select', 'Split', 'Base64', 'Cidr',
  'GetAZs', 'Condition', 'Equals', 'And', 'Or', 'Not', 'Transform', 'Length', 'ToJsonString',
] as const;

/** `Ref` and `Condition` have no `Fn::` prefix in their long form. */
function longFormKey(tagName: string): string {
  const name = tagName.slice(1);
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

function intrinsic(tagName: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  setOwn(out, longFormKey(tagName), value);
  return out;
}

const scalarIntrinsic = defineScalarTag<Record<string, unknown>>('!', {
  matchByTagPrefix: true,
  resolve: (source, _isExplicit, tagName) => {
    // `!GetAtt Resource.Attribute` is the scalar spelling of `Fn::GetAtt: [Resource, Attribute]`;
    // only the first dot separates them (`!GetAtt Stack.Outputs.Name` → ["Stack", "Outputs.Name"]).
    if (tagName === '!GetAtt') {
      const dot = source.indexOf('.');
      return intrinsic(tagName, dot === -1 ? [source] : [source.slice(0, dot), source.slice(dot + 1)]);
    }
    return intrinsic(tagName, source);
  },
  identify: () => false,
});

const sequenceIntrinsic = defineSequenceTag<{ tagName: string; items: unknown[] }, Record<string, unknown>>('!', {
  matchByTagPrefix: true,
  create: (tagName) => ({ tagName, items: [] }),
  addItem: (carrier, item) => {
    carrier.items.push(item);
  },
  finalize: (carrier) => intrinsic(carrier.tagName, carrier.items),
  identify: () => false,
});

const mappingIntrinsic = defineMappingTag<{ tagName: string; value: Record<string, unknown> }, Record<string, unknown>>('!', {
  matchByTagPrefix: true,
  create: (tagName) => ({ tagName, value: {} }),
  addPair: (carrier, key, value) => {
    setOwn(carrier.value, String(key), value);
    return '';
  },
  has: (carrier, key) => Object.prototype.hasOwnProperty.call(carrier.value, String(key)),
  keys: (result) => Object.keys(result),
  get: (result, key) => result[String(key)],
  finalize: (carrier) => intrinsic(carrier.tagName, carrier.value),
  identify: () => false,
});

/**
 * YAML 1.2 core schema (dates stay strings, `yes`/`no` stay strings) plus merge keys (`<<`, which
 * real specs use with anchors) plus CloudFormation intrinsics in all three node kinds.
 */
export const OPENAPI_YAML_SCHEMA: Schema = CORE_SCHEMA.withTags(mergeTag, scalarIntrinsic, sequenceIntrinsic, mappingIntrinsic);
