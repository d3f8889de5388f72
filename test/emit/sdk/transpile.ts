// Turns generated TypeScript into importable JS (ts.transpileModule, like a user's bundler would)
// in a fresh temp folder; imports between generated files (`./runtime.js`) then resolve as is.
import ts from 'typescript';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function transpileToDir(files: Map<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-sdk-'));
  for (const [path, text] of files) {
    if (!path.endsWith('.ts')) continue;
    const out = ts.transpileModule(text, { fileName: path, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
    writeFileSync(join(dir, path.replace(/\.ts$/, '.js')), out.outputText);
  }
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  return dir;
}

export async function importFrom<T>(dir: string, file: string): Promise<T> {
  return (await import(pathToFileURL(join(dir, file)).href)) as T;
}
