#!/usr/bin/env node
// The CLI entry. Runs the bundled CLI in dist-cli/; rebuilds it first when src/ changed (or on a fresh clone
// where npm skipped lifecycle scripts), so `npx apigw-gen` always runs the current source.
import { distIsFresh, buildDist } from './dist-build.js';

if (!distIsFresh()) await buildDist();
const { main } = await import('../dist-cli/main.js');
process.exitCode = await main(process.argv.slice(2));
