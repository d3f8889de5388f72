#!/usr/bin/env node
// The CLI entry: runs the bundled CLI (dist-cli/<build>/, named by dist/.stamp). In a source checkout
// it rebuilds first when the sources changed (or on a fresh clone where npm skipped lifecycle
// scripts), so `npx apigw-gen` always runs the current source; an installed package runs what it ships.
import { utimesSync } from 'node:fs';
import { dirname } from 'node:path';
import { cliEntry, distIsFresh, buildDist, isSourceCheckout } from './dist-build.js';

const sourceCheckout = isSourceCheckout();
if (sourceCheckout && !distIsFresh()) await buildDist();
const entry = cliEntry();
if (sourceCheckout) {
  // Marks this build in use: a rebuild removes older builds only once unused for a while.
  try {
    const now = new Date();
    utimesSync(dirname(entry), now, now);
  } catch {
    // removed meanwhile by a rebuild's pruning: the import below reports it
  }
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
