#!/usr/bin/env node
// Transpiles src/**/*.ts to dist/ with the TypeScript compiler's transpileModule (no type check:
// `npm run typecheck` does that) and bundles the CLI into dist-cli/ with rolldown (see
// dist-build.js). Needs only `typescript` and `rolldown`, neither of which runs an install script, so
// `npx apigw-gen` works on a fresh clone even where npm does not run lifecycle scripts.
import { buildDist } from './dist-build.js';

// --release (npm pack's prepack): the package ships only this build of the CLI.
const { files } = await buildDist({ release: process.argv.includes('--release') });
process.stdout.write(`apigw-gen: transpiled ${files} files to dist/, bundled the CLI into dist-cli/\n`);
