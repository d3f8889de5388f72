// REST import rules that need a rewrite of the API's shape: sibling path variables, non-apiKey
// security schemes, recursive models — and a hostile title that must stay inert in routes.md.

import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/index.js';
import { emitSpec, reload } from './helpers.js';

describe('REST import rules that change the shape', () => {
  const emitted = emitSpec('test/emit/gateway/specs/rest-import-rules.yaml', { apiType: 'rest' });

  it('gives sibling path variables one name and follows it into parameters and mappings', async () => {
    const doc = JSON.parse((await emitted).build.files.get('openapi.rest.json')!.content);
    expect(Object.keys(doc.paths)).toEqual(['/pets/{id}', '/pets/{id}/toys']);
    const toys = doc.paths['/pets/{id}/toys'].get;
    expect(toys.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(toys['x-amazon-apigateway-integration'].requestParameters).toEqual({ 'integration.request.path.petId': 'method.request.path.id' });
    expect(toys['x-amazon-apigateway-integration'].cacheKeyParameters).toEqual(['method.request.path.id']);
    // The shared component is untouched (other operations may use it).
    expect(doc.components.parameters.PetId.name).toBe('petId');
  });

  it('drops security schemes REST cannot enforce, and recursive model branches', async () => {
    const e = await emitted;
    const doc = JSON.parse(e.build.files.get('openapi.rest.json')!.content);
    expect(doc.components.securitySchemes).toEqual({ api_key: { type: 'apiKey', in: 'header', name: 'x-api-key' } });
    // Root security (basicAuth only): its one requirement is left empty, so dropped — the route is open, as API Gateway ran it.
    expect(doc.paths['/pets/{id}'].get.security).toEqual([]);
    // A requirement combining basicAuth with api_key keeps api_key; one with basicAuth alone is dropped.
    expect(doc.paths['/pets/{id}/toys'].get.security).toEqual([{ api_key: [] }, { api_key: [] }]);
    expect(doc.components.schemas.Node.properties.next.anyOf[0]).toEqual({ type: 'object' });
    const kinds = e.build.changes.map((c) => `${c.kind} ${c.pointer}`);
    expect(kinds).toContain('rewrite-unsupported /paths/~1pets~1{petId}~1toys');
    expect(kinds).toContain('strip-unsupported /components/securitySchemes/basicAuth');
    expect(e.build.changes.find((c) => c.pointer === '/paths/~1pets~1{id}~1toys/get/security')?.message).toBe(
      'removed schemes dropped from the security requirements; 1 requirement with no other scheme dropped',
    );
    expect(kinds).toContain('rewrite-unsupported /components/schemas/Node/properties/next/anyOf/0');
  });

  it('lints with zero errors once emitted, although the source has errors', async () => {
    const e = await emitted;
    const before = lint(e.api, e.document, {}).filter((d) => d.severity === 'error').map((d) => d.ruleId);
    expect(before).toEqual(expect.arrayContaining(['APIGW-PATH-004', 'APIGW-AUTH-002']));
    const back = await reload(e);
    expect(lint(back.api, back.document, {}).filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.pointer}`)).toEqual([]);
  });

  it('keeps a hostile title inert in routes.md and template.yaml', async () => {
    const { build } = await emitted;
    const md = build.files.get('routes.md')!.content;
    expect(md.split('\n')[0]).toBe('# Hostile \\| \\`title\\` \\<script\\> \\*/ ${x} — deployment summary');
    const template = build.files.get('template.yaml')!.content;
    // The title is data in the YAML (a quoted scalar), and no `${x}` reaches an Fn::Sub.
    expect(template).not.toMatch(/Fn::Sub:[^\n]*\$\{x\}/);
  });
});
