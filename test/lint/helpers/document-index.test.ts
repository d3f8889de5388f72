// documentIndex: the quick pre-pass may skip the full walk only when the document certainly has
// nothing to list; cycles, shared subtrees and deep nesting must still give the full walk's answer.

import { describe, it, expect } from 'vitest';
import { documentIndex } from '../../../src/lint/helpers/document-index.js';
import type { LoadedDocument } from '../../../src/load/types.js';
import { lintText } from '../helpers.js';

function docOf(document: Record<string, unknown>): LoadedDocument {
  return { entry: '/spec.yaml', files: ['/spec.yaml'], version: '3.0', document, sourceMap: { lookup: () => undefined } };
}

describe('documentIndex', () => {
  it('lists nothing for a document without external $refs or ${AWS:: strings', () => {
    const idx = documentIndex(docOf({ openapi: '3.0.1', paths: { '/a': { get: { description: '${stageVariables.x}', responses: { 200: { $ref: '#/components/responses/Ok' } } } } } }));
    expect(idx).toEqual({ externalRefs: [], awsVariableStrings: [] });
  });

  it('lists both kinds with their pointers, and skips strings inside Fn::Sub', () => {
    const idx = documentIndex(docOf({
      paths: { '/a/b': { get: { $ref: 'other.yaml#/x', summary: 'in ${AWS::Region}', x: { 'Fn::Sub': '${AWS::StackName}' } } } },
      list: ['${AWS::AccountId}'],
    }));
    expect(idx.externalRefs).toEqual([{ pointer: '/paths/~1a~1b/get', ref: 'other.yaml#/x' }]);
    expect(idx.awsVariableStrings).toEqual([
      { pointer: '/paths/~1a~1b/get/summary', value: 'in ${AWS::Region}' },
      { pointer: '/list/0', value: '${AWS::AccountId}' },
    ]);
  });

  it('terminates on a cyclic document and lists a shared node once, at its first path', () => {
    const shared: Record<string, unknown> = { $ref: 'ext.yaml', note: '${AWS::StackId}' };
    const root: Record<string, unknown> = { a: shared, b: shared };
    root.self = root;
    const idx = documentIndex(docOf(root));
    expect(idx.externalRefs).toEqual([{ pointer: '/a', ref: 'ext.yaml' }]);
    expect(idx.awsVariableStrings).toEqual([{ pointer: '/a/note', value: '${AWS::StackId}' }]);
  });

  it('terminates on a cyclic document without markers (the quick pass gives up, the full walk answers)', () => {
    const root: Record<string, unknown> = { a: { b: ['x'] } };
    (root.a as Record<string, unknown>).loop = root;
    expect(documentIndex(docOf(root))).toEqual({ externalRefs: [], awsVariableStrings: [] });
  });

  it('finds a marker nested deeper than the quick pass goes', () => {
    let deep: Record<string, unknown> = { value: '${AWS::URLSuffix}' };
    for (let i = 0; i < 700; i++) deep = { n: deep };
    const idx = documentIndex(docOf({ deep }));
    expect(idx.awsVariableStrings).toHaveLength(1);
    expect(idx.awsVariableStrings[0]!.pointer).toBe('/deep' + '/n'.repeat(700) + '/value');
  });

  it('reports a YAML alias of a node holding ${AWS::…} once, through the real pipeline (DOC-007)', async () => {
    const { diagnostics } = await lintText(`openapi: 3.0.1
info: { title: t, version: '1' }
x-shared: &s
  description: 'arn:\${AWS::StackName}'
paths:
  /a:
    get:
      x-copy: *s
      responses:
        '200': { description: ok }
`);
    const doc007 = diagnostics.filter((d) => d.ruleId === 'APIGW-DOC-007');
    expect(doc007.map((d) => d.pointer)).toEqual(['/x-shared/description']);
  });
});
