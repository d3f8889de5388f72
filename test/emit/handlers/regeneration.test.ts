// The ownership story of issue 5: generate, implement the stubs, change the spec, regenerate, and
// the user's implementation fails to compile exactly where it no longer matches; fix it and it
// compiles again. Runs the real pipeline, the real writer (write-once stubs) and the real compiler.

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { emitHandlers, orphanedImplementations } from '../../../src/emit/handlers/index.js';
import { formatErrors, lineOf, removeDir, tempOutDir, typecheck, writeHandlers } from './harness.js';

function spec(options: { withList: boolean; withDelete: boolean; petProps: string; petRequired: string; withAdmin: boolean }): string {
  const uri = (fn: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${fn}/invocations`;
  const integration = (fn: string) => `      x-amazon-apigateway-integration:\n        type: aws_proxy\n        httpMethod: POST\n        uri: ${uri(fn)}\n`;
  return `openapi: 3.0.3
info: { title: Pets, version: "1" }
paths:
  /pets:
${options.withList ? `    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: array, items: { $ref: "#/components/schemas/Pet" } }
${integration('pets')}` : ''}    post:
      operationId: createPet
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Pet" }
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Pet" }
${integration('pets')}  /pets/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string } }
    get:
      operationId: getPet
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Pet" }
        "404":
          description: missing
${integration('pets')}${options.withDelete ? `    delete:
      operationId: deletePet
      responses:
        "204": { description: gone }
${integration('pets')}` : ''}${options.withAdmin ? `  /admin/stats:
    get:
      operationId: stats
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: object, properties: { count: { type: integer } } } } } }
${integration('admin')}` : ''}components:
  schemas:
    Pet:
      type: object
      required: [${options.petRequired}]
      properties:
${options.petProps}
`;
}

const PET_V1 = '        id: { type: string }\n        name: { type: string }';
// The change: `name` is renamed `title`, and `species` becomes a required enum.
const PET_V2 = '        id: { type: string }\n        title: { type: string }\n        species: { type: string, enum: [cat, dog] }';

const IMPLEMENTATION_V1 = `import { createHandler, json, type PetsImplementation } from './pets.generated.js';

const store = new Map<string, { id: string; name: string }>();

export const listPets: PetsImplementation['listPets'] = async () => {
  return json(200, [...store.values()]);
};

export const createPet: PetsImplementation['createPet'] = async (event) => {
  const pet = { id: String(store.size + 1), name: event.body.name };
  store.set(pet.id, pet);
  return { statusCode: 201, body: pet };
};

export const getPet: PetsImplementation['getPet'] = async (event) => {
  const pet = store.get(event.pathParameters.id);
  if (!pet) return { statusCode: 404 };
  return { statusCode: 200, body: { id: pet.id, name: pet.name } };
};

const implementation = { listPets, createPet, getPet };

export const handler = createHandler(implementation);
`;

const IMPLEMENTATION_FIXED = `import { createHandler, type PetsImplementation } from './pets.generated.js';

const store = new Map<string, { id: string; title: string; species: 'cat' | 'dog' }>();

export const createPet: PetsImplementation['createPet'] = async (event) => {
  const pet = { id: String(store.size + 1), title: event.body.title ?? 'unnamed', species: event.body.species };
  store.set(pet.id, pet);
  return { statusCode: 201, body: pet };
};

export const getPet: PetsImplementation['getPet'] = async (event) => {
  const pet = store.get(event.pathParameters.id);
  if (!pet) return { statusCode: 404 };
  return { statusCode: 200, body: pet };
};

export const deletePet: PetsImplementation['deletePet'] = async (event) => {
  store.delete(event.pathParameters.id);
  return { statusCode: 204 };
};

export const handler = createHandler({ createPet, getPet, deletePet });
`;

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

async function build(outDir: string, yaml: string) {
  const specFile = join(outDir, 'openapi.yaml');
  writeFileSync(specFile, yaml);
  const document = await load(specFile);
  const api = normalize(document);
  const files = emitHandlers(api, { document, config: {} });
  return { api, files, result: writeHandlers(files, outDir) };
}

describe('handlers: regeneration after a spec change', () => {
  it('points the compiler at the user code that no longer matches, and compiles once fixed', async () => {
    const out = tempOutDir('regen');
    dirs.push(out);
    const handlers = join(out, 'handlers');

    // 1. First build: stubs compile as generated.
    const first = await build(out, spec({ withList: true, withDelete: false, petProps: PET_V1, petRequired: 'id, name', withAdmin: true }));
    expect(first.result.added).toContain('handlers/pets.ts');
    expect(first.files.get('pets.ts')?.writeOnce).toBe(true);
    expect(first.files.get('pets.generated.ts')?.writeOnce).toBeUndefined();
    expect(formatErrors(typecheck(handlers))).toBe('');

    // 2. The user implements the stubs; still compiles.
    writeFileSync(join(handlers, 'pets.ts'), IMPLEMENTATION_V1);
    expect(formatErrors(typecheck(handlers))).toBe('');

    // 3. The spec changes: GET /pets removed, DELETE /pets/{id} added, Pet changed, the admin function removed.
    const second = await build(out, spec({ withList: false, withDelete: true, petProps: PET_V2, petRequired: 'id, species', withAdmin: false }));
    expect(second.result.kept).toContain('handlers/pets.ts');
    expect(readFileSync(join(handlers, 'pets.ts'), 'utf8')).toBe(IMPLEMENTATION_V1);

    const all = typecheck(handlers);
    // The generated part always compiles: errors are only in user files. The orphaned admin.ts
    // lost its generated module, which is one more way the user learns it is stale.
    expect(all.filter((e) => e.file !== 'pets.ts' && e.file !== 'admin.ts')).toEqual([]);
    expect(all.filter((e) => e.file === 'admin.ts').map((e) => e.message).join('\n')).toMatch(/Cannot find module '\.\/admin\.generated\.js'/);
    const errors = all.filter((e) => e.file === 'pets.ts');
    const at = (needle: string) => lineOf(handlers, 'pets.ts', needle);
    const messagesAt = (line: number) => errors.filter((e) => e.line === line).map((e) => e.message).join('\n');

    // Added route: the implementation passed to createHandler lacks the new method.
    expect(messagesAt(at('createHandler(implementation)'))).toMatch(/Property 'deletePet' is missing/);
    // Removed route: its declaration names a method the interface no longer has.
    expect(messagesAt(at('export const listPets'))).toMatch(/Property 'listPets' does not exist on type 'PetsImplementation'/);
    // Changed request schema: `event.body.name` no longer exists, reported on that very line.
    expect(messagesAt(at('name: event.body.name'))).toMatch(/Property 'name' does not exist on type 'PetInput'|Property 'name' does not exist on type 'Pet'/);
    // Changed response schemas: the routes returning the old Pet shape fail at their declarations.
    expect(messagesAt(at('export const createPet'))).toMatch(/Property 'species' is missing/);
    expect(messagesAt(at('export const getPet'))).toMatch(/Property 'species' is missing/);
    // Nothing else: five problems, five errors, all reported in one compile.
    expect(errors).toHaveLength(5);

    // 4. The removed function's implementation stays on disk and is reported.
    expect(existsSync(join(handlers, 'admin.ts'))).toBe(true);
    expect(existsSync(join(handlers, 'admin.generated.ts'))).toBe(false);
    expect(orphanedImplementations(second.api, ['pets.ts', 'admin.ts'])).toEqual(['admin.ts']);
    expect(second.files.get('README.md')!.content).not.toContain('admin.ts');

    // 5. The user fixes pets.ts and deletes the orphan: everything compiles again.
    writeFileSync(join(handlers, 'pets.ts'), IMPLEMENTATION_FIXED);
    rmSync(join(handlers, 'admin.ts'));
    expect(formatErrors(typecheck(handlers))).toBe('');
  });
});
