// Test helper: type-checks in-memory TypeScript files with the real compiler, under the strictest
// settings a consumer of generated code may use. Generated code must compile with no @types/node
// (types: []), which also proves it does not lean on Node-only globals.
import ts from 'typescript';
import { resolve } from 'node:path';

export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: [],
  skipLibCheck: true,
};

const VIRTUAL_ROOT = resolve('/__virtual__');

/** Compiles `files` (relative path → source); returns formatted diagnostics (empty = success). */
export function typeCheck(files: Map<string, string> | Record<string, string>, options: ts.CompilerOptions = STRICT_OPTIONS): string[] {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  const sources = new Map(entries.map(([p, text]) => [resolve(VIRTUAL_ROOT, p), text]));
  const host = ts.createCompilerHost(options, true);
  const realGetSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = sources.get(resolve(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    return realGetSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  const realFileExists = host.fileExists.bind(host);
  host.fileExists = (f) => sources.has(resolve(f)) || realFileExists(f);
  const realReadFile = host.readFile.bind(host);
  host.readFile = (f) => sources.get(resolve(f)) ?? realReadFile(f);
  const realDirectoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (d) => resolve(d).startsWith(VIRTUAL_ROOT) || (realDirectoryExists ? realDirectoryExists(d) : true);
  host.realpath = (p) => p;
  host.getCurrentDirectory = () => VIRTUAL_ROOT;
  const roots = [...sources.keys()].filter((f) => f.endsWith('.ts'));
  const program = ts.createProgram(roots, options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return diagnostics.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName.replace(VIRTUAL_ROOT + '/', '')}:${line + 1}:${character + 1}: TS${d.code} ${message}`;
  });
}

/** Type-level assertion helpers, prepended to checks compiled with typeCheck. */
export const TYPE_ASSERTIONS = `
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
export function assertType<T extends true>(_value?: T): void {}
`;
