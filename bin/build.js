#!/usr/bin/env node
// Transpiles src/**/*.ts to dist/ with the TypeScript compiler's transpileModule (no type check:
// `npm run typecheck` does that). Kept dependency-free beyond `typescript` so that `npx apigw-gen`
// works on a fresh clone even where npm does not run lifecycle scripts.
import { buildDist } from './dist-build.js';

const { files } = await buildDist();
process.stdout.write(`apigw-gen: transpiled ${files} files to dist/\n`);
