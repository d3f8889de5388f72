// Every real API Gateway document of the corpus loads; the few that cannot are asserted explicitly.

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { expectApigwError, expectSelfContained, sharedDir } from './helpers.js';
import { describeShared, hasShared } from '../support/shared.js';

/** Documents that are not loadable, and why (the error the user gets, with its position). */
const EXPECTED_FAILURES: Record<string, { code: string; line: number; column: number; message: RegExp }> = {
  // moto's test of an invalid version: `"openapi": "2.0.0"` is neither Swagger 2.0 nor OpenAPI 3.x
  'getmoto__moto__test-api-invalid-version.json': { code: 'NOT_OPENAPI', line: 2, column: 2, message: /unsupported OpenAPI version "2\.0\.0"/ },
};

/**
 * Documents that load with `$ref`s pointing at nothing, recorded in brokenRefs (reported by lint as
 * OAS-002): where each ref is, and what is missing.
 */
const EXPECTED_BROKEN_REFS: Record<string, Array<{ pointer: string; ref: string; line: number; column: number; message: RegExp }>> = {
  // SAM's error cases refer to a schema `abcd` that the document does not declare
  'sam__error_swagger_security_not_dict__AccessingPartyAPI.json': [
    { pointer: '/paths/~1path/put/responses/201/content/application~1json/schema', ref: 'abcd', line: 10, column: 10, message: /^\$ref "abcd" \(short for "#\/components\/schemas\/abcd"\): the document has no node at \/components\/schemas\/abcd$/ },
  ],
  'sam__error_swagger_security_not_dict_with_api_key_required__AccessingPartyAPI.json': [
    { pointer: '/paths/~1path/put/responses/201/content/application~1json/schema', ref: 'abcd', line: 10, column: 10, message: /^\$ref "abcd" \(short for "#\/components\/schemas\/abcd"\)/ },
  ],
};

function corpusEntries(dir: string): string[] {
  if (!hasShared) return [];
  const full = path.join(sharedDir, 'corpus', dir);
  return readdirSync(full)
    .map((name) => path.join(full, name))
    .map((p) => (statSync(p).isDirectory() ? path.join(p, 'index.yaml') : p))
    .sort();
}

for (const dir of ['apigw', 'apigw-sam']) {
  describeShared(`corpus/${dir}`, () => {
    const entries = corpusEntries(dir);
    it('has documents', () => {
      expect(entries.length).toBeGreaterThan(50);
    });
    it.each(entries.map((e) => [path.relative(path.join(sharedDir, 'corpus'), e), e]))('%s', async (_name, entry) => {
      const key = path.basename(entry);
      const expected = EXPECTED_FAILURES[key];
      if (expected) {
        const error = await expectApigwError(load(entry));
        expect(error.code).toBe(expected.code);
        expect(error.message).toMatch(expected.message);
        expect(error.position).toEqual({ file: entry, line: expected.line, column: expected.column });
        return;
      }
      const loaded = await load(entry);
      const top = loaded.document.openapi ?? loaded.document.swagger;
      expect(String(top)).toMatch(loaded.version === '2.0' ? /^2(\.0)?$/ : new RegExp(`^${loaded.version.replace('.', '\\.')}`));
      const broken = EXPECTED_BROKEN_REFS[key] ?? [];
      expect(loaded.brokenRefs?.map((b) => ({ pointer: b.pointer, ref: b.ref, position: b.position }))).toEqual(
        broken.map((b) => ({ pointer: b.pointer, ref: b.ref, position: { file: entry, line: b.line, column: b.column } })),
      );
      broken.forEach((b, i) => expect(loaded.brokenRefs?.[i]?.message).toMatch(b.message));
      // Apart from the recorded ones, every ref resolves inside the bundle.
      const recorded = new Set(broken.map((b) => b.pointer));
      expectSelfContained(loaded.document, recorded);
      expect(loaded.sourceMap.lookup('/paths')?.file).toBe(entry);
    });
  });
}

describeShared('corpus details', () => {
  it('a split document (ikkyu-3) bundles its files, accepting entry-relative refs written in the schemas file', async () => {
    const entry = path.join(sharedDir, 'corpus/apigw/ikkyu-3__serverless-openapi3-plugin__open-api/index.yaml');
    const loaded = await load(entry);
    expect(loaded.files).toHaveLength(5);
    const schemas = (loaded.document.components as any).schemas;
    expect(schemas.Pets.items).toEqual({ $ref: '#/components/schemas/Pet' });
    expect(loaded.sourceMap.lookup('/components/schemas/Pets/items')?.file).toBe(path.join(path.dirname(entry), 'components/schemas.yaml'));
  });

  it('bare-name refs (`$ref: Pet`) mean #/definitions/Pet in Swagger 2.0', async () => {
    const entry = path.join(sharedDir, 'corpus/apigw/aws-samples__api-gateway-secure-pet-store__swagger.yaml');
    const loaded = await load(entry);
    expect((loaded.document.definitions as any).Pets.items).toEqual({ $ref: '#/definitions/Pet' });
  });

  it("refs to API Gateway's built-in Empty model resolve", async () => {
    const entry = path.join(sharedDir, 'corpus/apigw/nationalarchives__tdr-terraform-environments__backend-checks-tftpl.json');
    const loaded = await load(entry);
    expect((loaded.document.definitions as any).Empty).toEqual({ title: 'Empty Schema', type: 'object' });
  });

  it('flow content indented less than YAML requires (accepted by CloudFormation) loads, with columns of the file on disk', async () => {
    const entry = path.join(sharedDir, 'corpus/apigw/aws-samples__sessions-with-aws-sam__s12d-server-api.yaml');
    const loaded = await load(entry);
    const integration = (loaded.document.paths as any)['/app'].get['x-amazon-apigateway-integration'];
    expect(integration.requestTemplates['application/json']['Fn::Sub']).toContain('{"TableName": "${LinkTable}"');
    expect(integration.passthroughBehavior).toBe('when_no_templates');
    // the line right after the re-indented ones, at its place on disk
    expect(loaded.sourceMap.lookup('/paths/~1app/get/x-amazon-apigateway-integration/passthroughBehavior')).toEqual({ file: entry, line: 99, column: 9 });
  });
});
