// Files shipped beside the code: templates/, schemas/ and the precompiled schema validators in
// dist/. This module sits one folder below the package root wherever the code runs from — src/
// (tests), dist/ (the library) or dist-cli/ (the bundled CLI, see bin/dist-build.js) — so `../`
// from it is the root. Modules deeper down must ask here rather than count `../` themselves: in
// the bundle they no longer sit where their source file does.

const PACKAGE_ROOT = new URL('../', import.meta.url);

/** `packageFile('templates/sdk/')` → the URL of that path under the package root. */
export function packageFile(relativePath: string): URL {
  return new URL(relativePath, PACKAGE_ROOT);
}
