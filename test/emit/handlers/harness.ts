// Test harness for the handlers target: run the real pipeline (load → normalize → emitHandlers),
// write through the real writer into a folder inside the repo (so `ajv` and `@types/aws-lambda`
// resolve from node_modules), type-check with the TypeScript compiler API, and transpile + import
// the generated modules to run them.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { emitHandlers } from '../../../src/emit/handlers/index.js';
import type { Api } from '../../../src/model/types.js';
import type { FileSet } from '../../../src/emit/types.js';
import { write } from '../../../src/output/index.js';
import { SHARED_DIR } from '../../support/shared.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedRoot = SHARED_DIR;

export async function loadApi(entry: string): Promise<{ api: Api; files: FileSet }> {
  const document = await load(resolve(repoRoot, entry));
  const api = normalize(document);
  return { api, files: emitHandlers(api, { document, config: {} }) };
}

/** A fresh output folder under node_modules/.cache (so module resolution finds the repo's packages). */
export function tempOutDir(label: string): string {
  const base = join(repoRoot, 'node_modules', '.cache', 'apigw-gen-handlers-test');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${label.replace(/[^a-z0-9]+/gi, '-')}-`));
  // Generated handlers are ES modules (NodeNext resolution, `.js` import suffixes).
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Writes the handlers FileSet with the real writer (write-once stubs are kept on later writes). */
export function writeHandlers(files: FileSet, outDir: string) {
  return write({ handlers: files }, outDir);
}

export interface TsError {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
}

const compilerOptions: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2023.d.ts'],
  types: ['node', 'aws-lambda'],
  skipLibCheck: true,
};

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(full));
    else if (e.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** `tsc --noEmit --strict` over every .ts file in `dir`; errors with paths relative to `dir`. */
export function typecheck(dir: string, extra: ts.CompilerOptions = {}): TsError[] {
  const program = ts.createProgram(tsFiles(dir), { ...compilerOptions, ...extra });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return { file: '', line: 0, column: 0, code: d.code, message };
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return { file: relative(dir, d.file.fileName), line: line + 1, column: character + 1, code: d.code, message };
  });
}

export function formatErrors(errors: TsError[]): string {
  return errors.map((e) => `${e.file}:${e.line}:${e.column} TS${e.code}: ${e.message}`).join('\n');
}

/** Transpiles every .ts in `dir` to .js beside it and imports `<stem>.js`. */
export async function importModule<T>(dir: string, stem: string): Promise<T> {
  for (const file of tsFiles(dir)) {
    const out = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
    });
    writeFileSync(file.replace(/\.ts$/, '.js'), out.outputText);
  }
  return (await import(pathToFileURL(join(dir, `${stem}.js`)).href)) as T;
}

/** 1-based line of the first line in `file` containing `needle`. */
export function lineOf(dir: string, file: string, needle: string): number {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not found in ${file}`);
  return i + 1;
}
