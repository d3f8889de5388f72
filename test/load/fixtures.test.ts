// Every fixture loads; the multi-file and SAM fixtures show bundling and intrinsics end to end.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { collectRefs, expectSelfContained, fixturesDir, resolveInternal } from './helpers.js';

function fixtureEntries(): string[] {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ['openapi.yaml', 'openapi.yml', 'openapi.json', 'swagger.yaml', 'swagger.json'].map((f) => path.join(fixturesDir, d.name, f)).find(existsSync))
    .filter((f): f is string => f !== undefined);
}

describe('every fixture', () => {
  const entries = fixtureEntries();
  it('finds the fixtures', () => {
    expect(entries.map((e) => path.basename(path.dirname(e)))).toEqual(expect.arrayContaining(['multi-file', 'sam-intrinsics']));
  });
  it.each(entries.map((e) => [path.relative(fixturesDir, e), e]))('%s loads into a self-contained document', async (_name, entry) => {
    const loaded = await load(entry);
    expect(loaded.entry).toBe(entry);
    expect(loaded.files[0]).toBe(entry);
    expect(['2.0', '3.0', '3.1']).toContain(loaded.version);
    expectSelfContained(loaded.document);
    expect(loaded.sourceMap.lookup('')).toMatchObject({ file: entry });
  });
});

describe('fixtures/multi-file', () => {
  const entry = path.join(fixturesDir, 'multi-file/openapi.yaml');
  const file = (rel: string) => path.join(fixturesDir, 'multi-file', rel);

  it('reads every file once, entry first', async () => {
    const { files } = await load(entry);
    expect(files[0]).toBe(entry);
    expect([...files].sort()).toEqual(
      ['openapi.yaml', 'paths/pets.yaml', 'paths/pets-by-id.yaml', 'schemas/pet.yaml', 'schemas/category.yaml', 'schemas/person.yaml', 'schemas/error.yaml', 'shared/parameters.yaml', 'shared/headers.yaml', 'shared/responses.yaml']
        .map(file)
        .sort(),
    );
  });

  it('inlines path items, including ones addressed with ~1 escapes and percent-encoding', async () => {
    const { document } = await load(entry);
    const paths = document.paths as Record<string, Record<string, any>>;
    expect(Object.keys(paths)).toEqual(['/pets', '/pets/{petId}', '/pets/{petId}/photos', '/categories/{categoryId}']);
    expect(paths['/pets/{petId}']!.get.operationId).toBe('getPet');
    expect(paths['/pets/{petId}']!.delete.operationId).toBe('deletePet');
    expect(paths['/pets/{petId}/photos']!.put.operationId).toBe('uploadPhoto');
    expect(paths['/pets']!.get['x-amazon-apigateway-integration']).toMatchObject({
      type: 'aws_proxy',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:PetsFunction/invocations',
    });
  });

  it('puts external schemas, parameters, responses and headers under components and refers to them', async () => {
    const { document } = await load(entry);
    const components = document.components as Record<string, Record<string, any>>;
    expect(Object.keys(components.schemas!)).toEqual(['Pet', 'NewPet', 'Error', 'PetList', 'category', 'person']);
    expect(Object.keys(components.parameters!).sort()).toEqual(['Limit', 'PetId']);
    expect(Object.keys(components.responses!).sort()).toEqual(['NotFound', 'Unexpected']);
    expect(Object.keys(components.headers!)).toEqual(['NextPage']);
    const paths = document.paths as Record<string, Record<string, any>>;
    expect(paths['/pets/{petId}']!.parameters).toEqual([{ $ref: '#/components/parameters/PetId' }]);
    expect(paths['/pets/{petId}']!.get.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    expect(paths['/pets']!.post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/NewPet' });
    expect(paths['/pets']!.get.responses['200'].headers['x-next']).toEqual({ $ref: '#/components/headers/NextPage' });
    // a ref from another file back into the entry stays a plain internal ref
    expect(paths['/pets']!.get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PetList' });
    // the declared NewPet is its home
    expect(components.schemas!.NewPet.properties.name).toEqual({ type: 'string', maxLength: 64 });
    // pet.yaml's own `definitions` are not nested inside the Pet component (3.0 has no such keyword)
    expect(components.schemas!.Pet.definitions).toBeUndefined();
    expect(collectRefs(document).every(({ ref }) => ref.startsWith('#/'))).toBe(true);
  });

  it('keeps circular schemas as internal refs (self and mutual recursion)', async () => {
    const { document } = await load(entry);
    const schemas = (document.components as any).schemas;
    expect(schemas.category.properties.parent).toEqual({ $ref: '#/components/schemas/category' });
    expect(schemas.category.properties.children.items).toEqual({ $ref: '#/components/schemas/category' });
    expect(schemas.Pet.properties.owner).toEqual({ $ref: '#/components/schemas/person' });
    expect(schemas.person.properties.pets.items).toEqual({ $ref: '#/components/schemas/Pet' });
    expect(resolveInternal(document, schemas.person.properties.pets.items.$ref)).toBe(schemas.Pet);
    expect(() => JSON.stringify(document)).not.toThrow(); // no object cycles
  });

  it('maps bundled nodes back to the file, line and column they came from', async () => {
    const { sourceMap } = await load(entry);
    expect(sourceMap.lookup('/info/title')).toEqual({ file: entry, line: 3, column: 3 });
    expect(sourceMap.lookup('/paths/~1pets/get/operationId')).toEqual({ file: file('paths/pets.yaml'), line: 2, column: 3 });
    expect(sourceMap.lookup('/paths/~1pets/get/parameters/1/schema/enum/2')).toEqual({ file: file('paths/pets.yaml'), line: 11, column: 36 });
    expect(sourceMap.lookup('/paths/~1pets~1{petId}/get/responses/200/description')).toEqual({ file: file('paths/pets-by-id.yaml'), line: 11, column: 9 });
    expect(sourceMap.lookup('/paths/~1pets~1{petId}~1photos/put/requestBody/content/image~1png/schema/format')).toEqual({ file: file('paths/pets-by-id.yaml'), line: 39, column: 34 });
    expect(sourceMap.lookup('/components/schemas/Pet/properties/name/maxLength')).toEqual({ file: file('schemas/pet.yaml'), line: 10, column: 5 });
    expect(sourceMap.lookup('/components/schemas/NewPet/required/0')).toEqual({ file: file('schemas/pet.yaml'), line: 20, column: 16 });
    expect(sourceMap.lookup('/components/schemas/category/properties/parent/$ref')).toEqual({ file: file('schemas/category.yaml'), line: 10, column: 5 });
    expect(sourceMap.lookup('/components/parameters/PetId/in')).toEqual({ file: file('shared/parameters.yaml'), line: 3, column: 3 });
    expect(sourceMap.lookup('/components/responses/NotFound/content/application~1json/schema')).toEqual({ file: file('shared/responses.yaml'), line: 5, column: 7 });
    // a pointer below the last node that exists gives the nearest ancestor
    expect(sourceMap.lookup('/components/schemas/Pet/properties/name/no/such')).toEqual({ file: file('schemas/pet.yaml'), line: 8, column: 3 });
    // the `#`-prefixed, percent-encoded form of a pointer is accepted too
    expect(sourceMap.lookup('#/paths/~1pets~1%7BpetId%7D/delete')).toEqual({ file: file('paths/pets-by-id.yaml'), line: 22, column: 3 });
  });
});

describe('fixtures/sam-intrinsics', () => {
  const entry = path.join(fixturesDir, 'sam-intrinsics/openapi.yaml');

  it('keeps CloudFormation intrinsics in their long form where the spec uses them', async () => {
    const { document, version } = await load(entry);
    expect(version).toBe('3.0');
    const paths = document.paths as Record<string, Record<string, any>>;
    expect(paths['/orders']!.get['x-amazon-apigateway-integration'].uri).toEqual({
      'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${ListOrdersFunction.Arn}/invocations',
    });
    expect(paths['/orders']!.post['x-amazon-apigateway-integration'].uri).toEqual({
      'Fn::Sub': [
        'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FunctionArn}/invocations',
        { FunctionArn: { 'Fn::GetAtt': ['CreateOrderFunction', 'Arn'] } },
      ],
    });
    expect(paths['/orders']!.post['x-amazon-apigateway-integration'].credentials).toEqual({ 'Fn::GetAtt': ['ApiInvokeRole', 'Arn'] });
    const getOrder = paths['/orders/{orderId}']!.get['x-amazon-apigateway-integration'];
    expect(getOrder.uri).toEqual({
      'Fn::Join': ['', ['arn:aws:apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': ['GetOrderFunction', 'Arn'] }, '/invocations']],
    });
    expect(getOrder.timeoutInMillis).toEqual({ 'Fn::If': ['IsProd', 29000, 10000] });
    const invoice = paths['/invoices/{invoiceId}']!.get['x-amazon-apigateway-integration'];
    expect(invoice.uri).toBe('https://${stageVariables.billingHost}/invoices/{invoiceId}');
    expect(invoice.connectionId).toEqual({ 'Fn::If': ['UseVpcLink', { Ref: 'BillingVpcLink' }, { Ref: 'AWS::NoValue' }] });
    const schemes = (document.components as any).securitySchemes;
    expect(schemes.CognitoAuthorizer['x-amazon-apigateway-authorizer'].providerARNs).toEqual([
      { 'Fn::GetAtt': ['UserPool', 'Arn'] },
      { 'Fn::ImportValue': { 'Fn::Sub': '${Environment}-PartnerUserPoolArn' } },
    ]);
    expect(schemes.LegacyToken['x-amazon-apigateway-authorizer'].authorizerResultTtlInSeconds).toEqual({
      'Fn::FindInMap': ['Settings', { Ref: 'Stage' }, 'AuthorizerTtl'],
    });
    expect(document['x-amazon-apigateway-endpoint-configuration']).toEqual({
      vpcEndpointIds: { 'Fn::If': ['IsPrivate', [{ Ref: 'ApiVpcEndpoint' }], { Ref: 'AWS::NoValue' }] },
      disableExecuteApiEndpoint: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] }] },
    });
    const policy = document['x-amazon-apigateway-policy'] as any;
    expect(policy.Statement[0].Condition.IpAddress['aws:SourceIp']).toEqual({ 'Fn::Split': [',', { 'Fn::ImportValue': 'shared-AllowedCidrs' }] });
  });

  it('points at the tagged node for positions inside an intrinsic', async () => {
    const { sourceMap } = await load(entry);
    // `uri: !Sub arn:…` on line 41: reported at its key, as every mapping member is; the long form's inner key has no text of its own
    expect(sourceMap.lookup('/paths/~1orders/get/x-amazon-apigateway-integration/uri/Fn::Sub')).toEqual({ file: entry, line: 41, column: 9 });
    expect(sourceMap.lookup('/components/securitySchemes/CognitoAuthorizer/x-amazon-apigateway-authorizer/providerARNs/0')).toEqual({ file: entry, line: 130, column: 13 });
  });
});
