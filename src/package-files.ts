// Files shipped beside the code: templates/, schemas/, package.json and the precompiled schema
// validators in dist/, all found from the package root. The code runs from src/ (tests), dist/
// (the library) or dist-cli/<build>/ (the bundled CLI, see bin/dist-build.js), at different depths,
// and in the bundle a module no longer sits where its source file does: so no module counts `../`
// from its own URL; the root is the nearest folder above this module that holds package.json. (So
// no package.json may ever be written into src/, dist/ or dist-cli/: it would silently move the root.)

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let packageRoot: URL | undefined;

function findPackageRoot(): URL {
  for (let dir = new URL('./', import.meta.url); ; ) {
    if (existsSync(fileURLToPath(new URL('package.json', dir)))) return dir;
    const parent = new URL('../', dir);
    if (parent.href === dir.href) throw new Error(`apigw-gen: no package.json above ${import.meta.url}`);
    dir = parent;
  }
}

/** `packageFile('templates/sdk/')` → the URL of that path under the package root. */
export function packageFile(relativePath: string): URL {
  packageRoot ??= findPackageRoot();
  return new URL(relativePath, packageRoot);
}
