// End to end, as a user would: `build` fixtures/petstore (a temp copy), implement two handler
// stubs, `serve` it with the real CLI and Lambda runtime, and call it with the generated SDK:
// typed results (checked by the TypeScript compiler), a validator failure, a missing route.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, buildDist, project, repoRoot, run } from '../cli/helpers.js';

const LIST_PETS = `import { createHandler, type PetstoreListPetsImplementation } from './petstore-list-pets.generated.js';
export const listPets: PetstoreListPetsImplementation["listPets"] = async (event) => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': 'https://petstore.example.com' },
  body: [{ id: '1', name: 'Rex', type: event.queryStringParameters?.type ?? 'dog', status: 'available' }],
});
export const handler = createHandler({ listPets });
`;
const GET_PET = `import { createHandler, type PetstoreGetPetImplementation } from './petstore-get-pet.generated.js';
export const getPet: PetstoreGetPetImplementation["getPet"] = async (event) =>
  event.pathParameters.petId === '1'
    ? { statusCode: 200, body: { id: '1', name: 'Rex', type: 'dog', status: 'sold', price: 12.5 } }
    : { statusCode: 404, body: { message: 'no pet ' + event.pathParameters.petId } };
export const handler = createHandler({ getPet });
`;
/** Compiled with tsc --strict against the generated SDK: the results are typed as the spec says. */
const CLIENT_CHECK = `import { createClient } from './generated/sdk/index.js';
import type { Pet, Pets } from './generated/handlers/models.generated.js';
export async function check(baseUrl: string): Promise<[Pets, Pet, number]> {
  const client = createClient({ baseUrl, apiKey: 'local', token: 'Bearer local' });
  const list = await client.listPets({ query: { type: 'dog' } });
  if (list.status !== 200) throw new Error('list failed');
  const pets: Pets = list.data;
  const one = await client.getPet({ path: { petId: '1' } });
  if (one.status !== 200) throw new Error('get failed');
  const pet: Pet = one.data;
  const status: 'available' | 'pending' | 'sold' = pet.status;
  return [pets, pet, status.length];
}
`;

let dir = '';
let child: ChildProcess | undefined;
let output = '';
let baseUrl = '';

beforeAll(async () => {
  buildDist();
  dir = project('petstore');
  dir = join(dir, 'petstore');
  const built = run(['build', 'openapi.yaml'], dir);
  expect(built.code, built.stderr).toBe(0);
  writeFileSync(join(dir, 'generated/handlers/petstore-list-pets.ts'), LIST_PETS);
  writeFileSync(join(dir, 'generated/handlers/petstore-get-pet.ts'), GET_PET);
  writeFileSync(join(dir, 'client-check.ts'), CLIENT_CHECK);
  // serve does not verify authorizers and API keys yet (they fail closed): this test opts in to serving them open.
  writeFileSync(join(dir, 'apigw-gen.config.json'), JSON.stringify({ stages: { prod: {} }, serve: { openGuardedRoutes: true } }));
  // An ES module project, as the generated handlers' `./x.generated.js` imports expect.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'petstore', private: true, type: 'module' }));
  // The handlers' runtime imports ajv, which a project installs; this one borrows the repo's.
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // The SDK was built from the whole spec; the server runs a spec where /health is gone: a client
  // calling a route the API no longer has.
  const spec = readFileSync(join(dir, 'openapi.yaml'), 'utf8');
  writeFileSync(join(dir, 'openapi.yaml'), spec.replace(/\n {2}\/health:\n(?: {4}.*\n)+/, '\n'));
  child = spawn(process.execPath, [bin, 'serve', 'openapi.yaml', '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
    const poll = setInterval(() => {
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/prod)\n/.exec(output);
      // The ready line, then the whole routes table.
      if (m && output.includes(`${m[1]}/store/orders`)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(m[1]!);
      }
    }, 50);
  });
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGINT');
    await new Promise((r) => child!.once('exit', r));
  }
});

describe('petstore served and called with its generated SDK', () => {
  it('prints the URL and the routes table with local URLs', () => {
    expect(output).toContain(`GET      ${baseUrl}/pets/{petId}`);
    // build wrote a stub for every function, so none is missing.
    expect(output).not.toMatch(/has no code/);
  });

  it('compiles the client under tsc --strict: the SDK results are typed', () => {
    const program = ts.createProgram([join(dir, 'client-check.ts')], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, types: [] });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
  }, 60_000);

  it('returns typed data from the handlers', async () => {
    const { createClient } = (await import(join(dir, 'generated/sdk/index.ts'))) as typeof import('./sdk-shape.js');
    // Authorizers are not enforced by serve yet; the SDK still sends a token where a route has one.
    const client = createClient({ baseUrl, apiKey: 'local', token: 'Bearer local' });
    const list = await client.listPets({ query: { type: 'cat' } });
    expect(list.ok, output).toBe(true);
    expect(list.data).toEqual([{ id: '1', name: 'Rex', type: 'cat', status: 'available' }]);
    const pet = await client.getPet({ path: { petId: '1' } });
    expect([pet.status, pet.data]).toEqual([200, { id: '1', name: 'Rex', type: 'dog', status: 'sold', price: 12.5 }]);
    const none = await client.getPet({ path: { petId: '2' } });
    expect([none.ok, none.status, none.error]).toEqual([false, 404, { message: 'no pet 2' }]);
  });

  it('gets the validator\'s 400 for a body that breaks the model (the spec\'s BAD_REQUEST_BODY response)', async () => {
    const { createClient } = (await import(join(dir, 'generated/sdk/index.ts'))) as typeof import('./sdk-shape.js');
    // Authorizers are not enforced by serve yet; the SDK still wants a token for this route.
    const client = createClient({ baseUrl, apiKey: 'local', token: 'Bearer local' });
    const r = await client.createPet({ body: { name: '', type: 'dragon' } });
    expect(r.ok).toBe(false);
    expect(r.status).toBe(400);
    expect(r.error.message).toBe('Invalid request body');
    expect(r.error.detail).toMatch(/minLength|fewer than 1|enum|allowed/);
  });

  it('gets 403 Missing Authentication Token for a route the API does not have', async () => {
    const { createClient } = (await import(join(dir, 'generated/sdk/index.ts'))) as typeof import('./sdk-shape.js');
    const r = await createClient({ baseUrl }).getHealth();
    expect([r.ok, r.status]).toEqual([false, 403]);
    // The spec's DEFAULT_4XX template adds the request id.
    expect(r.error).toMatchObject({ message: 'Missing Authentication Token' });
  });

  it('stops on SIGINT with exit code 0', async () => {
    child!.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child!.once('exit', (c) => r(c)));
    expect(code, output).toBe(0);
  });
});
