#!/usr/bin/env node
// The CLI entry: runs the bundled CLI (dist-cli/<build>/, named by dist/.stamp). In a source checkout
// it rebuilds first when the sources changed (or on a fresh clone where npm skipped lifecycle
// scripts), so `npx apigw-gen` always runs the current source; an installed package runs what it ships.
import { dirname } from 'node:path';
import { cliEntry, distIsFresh, buildDist, isSourceCheckout, markInUse } from './dist-build.js';

const sourceCheckout = isSourceCheckout();
if (sourceCheckout && !distIsFresh()) await buildDist();

/** The bundle's main(); in a source checkout, marked in use so a concurrent rebuild keeps it. */
async function loadMain() {
  const entry = cliEntry();
  if (sourceCheckout) markInUse(dirname(entry));
  return (await import(entry)).main;
}

let main;
try {
  main = await loadMain();
} catch (error) {
  // Only in a source checkout, and only if a concurrent rebuild pruned the build just named: build again.
  if (!sourceCheckout || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  await buildDist();
  main = await loadMain();
}
process.exitCode = await main(process.argv.slice(2));
