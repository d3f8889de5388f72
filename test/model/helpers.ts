// Test input for normalize: the real `load` (src/load), plus two ways to build a LoadedDocument
// without it — from an in-memory object, or a raw `yaml` parse (CloudFormation short tags in long
// form, no bundling) for corpus files the loader rejects.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as YAML from 'yaml';
import { load } from '../../src/load/index.js';
import type { LoadedDocument, OpenApiVersion } from '../../src/load/types.js';
import { SHARED_DIR } from '../support/shared.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = SHARED_DIR;
export const fixture = (rel: string) => path.join(repoRoot, 'fixtures', rel);

export function loadDocument(file: string): Promise<LoadedDocument> {
  return load(file);
}

/** Build a LoadedDocument from an in-memory object (for targeted tests of odd shapes). */
export function documentOf(document: Record<string, unknown>, version?: OpenApiVersion): LoadedDocument {
  return { entry: '/virtual/openapi.yaml', files: ['/virtual/openapi.yaml'], version: version ?? detectVersion(document), document, sourceMap: { lookup: () => undefined } };
}

function detectVersion(doc: Record<string, unknown>): OpenApiVersion {
  if (doc.swagger !== undefined) return '2.0';
  return String(doc.openapi ?? '3.0').startsWith('3.1') ? '3.1' : '3.0';
}

const CFN_FUNCTIONS = ['Ref', 'Sub', 'GetAtt', 'Join', 'If', 'ImportValue', 'FindInMap', 'Select', 'Split', 'Base64', 'Cidr', 'GetAZs', 'Condition', 'Equals', 'And', 'Or', 'Not'];
const longForm = (name: string, data: unknown) => {
  const fn = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  return { [fn]: name === 'GetAtt' && typeof data === 'string' ? data.split('.') : data };
};
const cfnTags: YAML.Tags = CFN_FUNCTIONS.flatMap((name): YAML.Tags => [
  { tag: `!${name}`, resolve: (str: string) => longForm(name, str) },
  { tag: `!${name}`, collection: 'seq', resolve: (seq: YAML.YAMLSeq) => longForm(name, seq.toJSON()) },
  { tag: `!${name}`, collection: 'map', resolve: (map: YAML.YAMLMap) => longForm(name, map.toJSON()) },
] as YAML.Tags);

/** The raw parse without bundling: for documents the loader rejects (broken refs), to show normalize still copes. */
export function parseWithYaml(file: string): LoadedDocument {
  const document = YAML.parse(readFileSync(file, 'utf8'), { customTags: cfnTags, maxAliasCount: -1 }) as Record<string, unknown>;
  return { ...documentOf(document), entry: file, files: [file] };
}
