// The output stage: the only code that writes generated files.
export { write, TARGETS } from './write.js';
export type { TargetFiles, WriteOptions, WriteResult } from './write.js';
export { MANIFEST_NAME } from './manifest.js';
export { assertSafeRelativePath } from './paths.js';
export { writeTextFile } from './text-file.js';
