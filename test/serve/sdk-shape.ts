// The slice of the generated petstore SDK the end-to-end test calls, for its dynamic import (the
// SDK is generated into a temp folder at test time; its real types are checked there by tsc).
interface Result { ok: boolean; status: number; data?: any; error?: any }
interface Client {
  listPets(params: { query: { type?: string } }): Promise<Result>;
  getPet(params: { path: { petId: string } }): Promise<Result>;
  createPet(params: { body: unknown }): Promise<Result>;
  getHealth(): Promise<Result>;
}
export declare function createClient(options: { baseUrl: string; apiKey?: string; token?: string }): Client;
