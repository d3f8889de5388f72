// The templates target (`<out>/templates/`): every mapping template of the spec in its own `.vtl`
// file (named by src/emit/shared/vtl-files.ts), generated templates for AWS service integrations
// that have none (and for `templates.generate` config entries), and `index.json` + `README.md`
// listing each file with its route, direction, selection pattern and source pointer.

import { createHash } from 'node:crypto';
import type { Api } from '../../model/types.js';
import { unescapeToken } from '../../model/pointer.js';
import type { FileSet } from '../types.js';
import type { EmitOptions } from '../options.js';
import { listTemplateSites } from '../shared/vtl-files.js';
import { planGeneratedTemplates, type GeneratedTemplate } from './generated.js';
import { buildIndex, renderReadme, type IndexEntry } from './listing.js';

export { planGeneratedTemplates, generatorFor } from './generated.js';
export type { GeneratedTemplate, SkippedGeneration } from './generated.js';
export type { TemplatesIndex, IndexEntry } from './listing.js';

export function emitTemplates(api: Api, options: EmitOptions): FileSet {
  const files: FileSet = new Map();
  const entries: IndexEntry[] = [];
  const raw = options.document?.document;
  for (const site of listTemplateSites(api)) {
    files.set(site.file, { content: site.text });
    const intrinsic = intrinsicAt(raw, site.pointer);
    entries.push({
      file: site.file,
      origin: 'spec',
      ...(site.routeKey !== undefined ? { route: site.routeKey } : {}),
      direction: site.direction,
      contentType: site.contentType,
      ...(site.selectionPattern !== undefined ? { selectionPattern: site.selectionPattern } : {}),
      ...(site.statusCode !== undefined ? { statusCode: site.statusCode } : {}),
      ...(site.gatewayResponseType !== undefined ? { gatewayResponseType: site.gatewayResponseType } : {}),
      pointer: site.pointer,
      ...(intrinsic ? { intrinsic, pointerOfText: intrinsic === 'Fn::Sub' ? textPointer(raw, site.pointer) : site.pointer } : {}),
      ...importVariables(site.text),
      sha256: sha256(site.text),
    });
  }
  const { templates, skipped } = planGeneratedTemplates(api, options.config ?? {});
  for (const t of templates) {
    const file = freeName(files, t);
    files.set(file, { content: t.text });
    entries.push({
      file,
      origin: 'generated',
      generator: t.generator,
      generatedFor: t.origin,
      route: t.routeKey,
      direction: t.direction,
      contentType: t.contentType,
      ...(t.selectionPattern !== undefined ? { selectionPattern: t.selectionPattern } : {}),
      ...(t.statusCode !== undefined ? { statusCode: t.statusCode } : {}),
      pointer: t.pointer,
      ...(t.requires.length > 0 ? { requires: t.requires } : {}),
      ...(t.notes.length > 0 ? { notes: t.notes } : {}),
      sha256: sha256(t.text),
    });
  }
  const index = buildIndex(api, entries, skipped);
  files.set('index.json', { content: `${JSON.stringify(index, null, 2)}\n` });
  files.set('README.md', { content: renderReadme(index) });
  return files;
}

/**
 * `${AWS::Region}`-style variables API Gateway resolves at import (aws-apigateway.md §1.24): the
 * file keeps them as written; the index says which, since offline rendering must fill them in.
 */
function importVariables(text: string): { resolvedAtImport?: string[] } {
  const names = [...new Set([...text.matchAll(/\$\{(AWS::[A-Za-z]+)\}/g)].map((m) => m[1]!))];
  return names.length > 0 ? { resolvedAtImport: names } : {};
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A generated file never overwrites an extracted one: a clash gets a suffix hashed from its pointer. */
function freeName(files: FileSet, t: GeneratedTemplate): string {
  if (!files.has(t.file)) return t.file;
  const stem = t.file.replace(/\.vtl$/, '');
  let name = `${stem}-generated.vtl`;
  if (files.has(name)) name = `${stem}-generated-${sha256(t.pointer).slice(0, 8)}.vtl`;
  return name;
}

function nodeAt(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const token of pointer.split('/').slice(1)) {
    const key = unescapeToken(token);
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** `Fn::Sub` when the template is written as a CloudFormation intrinsic (its text is what Fn::Sub substitutes into). */
function intrinsicAt(doc: unknown, pointer: string): string | undefined {
  const node = nodeAt(doc, pointer);
  if (typeof node !== 'object' || node === null) return undefined;
  return Object.keys(node).find((k) => k === 'Fn::Sub');
}

function textPointer(doc: unknown, pointer: string): string {
  return typeof nodeAt(doc, `${pointer}/Fn::Sub`) === 'string' ? `${pointer}/Fn::Sub` : `${pointer}/Fn::Sub/0`;
}
