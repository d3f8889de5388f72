// Lints every real spec of the shared corpus: no crash, and the errors the OAS/DOC/PATH/PARAM/
// MODEL/API/STAGE rules report stay the reviewed, genuine ones (each kind was checked against AWS
// behaviour; see the comments). Counts per rule are printed for the record.

import { it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApigwError } from '../../src/errors.js';
import { lintFile, SHARED } from './helpers.js';
import { describeShared } from '../support/shared.js';

const DIRS = ['corpus/apigw', 'corpus/apigw-sam'].map((d) => join(SHARED, d));
const MINE = /^(OAS|APIGW-(DOC|PATH|PARAM|MODEL|API|STAGE))-/;

/** Errors on real specs, reviewed: each is a real AWS problem in that spec (mostly SAM's error-case fixtures). */
const REVIEWED_ERRORS = new Set([
  // SAM transform fixtures whose policy has only a Version: IAM rejects a policy without Statement.
  'sam__api_merge_definitions_with_any_method__WebhooksApi.json APIGW-API-003 /x-amazon-apigateway-policy',
  'sam__api_with_merge_definitions_null_paths__WebhooksApi.json APIGW-API-003 /x-amazon-apigateway-policy',
  // Declared in: path parameters on paths without that variable (SAM error-case inputs).
  'sam__api_merge_definitions_with_full_properties__MyApi.json APIGW-PARAM-001 /paths/~1test/get/parameters/0',
  'sam__error_invalid_method_definition__ExplicitApi.json APIGW-PARAM-001 /paths/~1/parameters/0',
  'sam__global_handle_path_level_parameter__ExplicitApi.json APIGW-PARAM-001 /paths/~1/parameters/0',
  // SAM error-case inputs: `$ref: abcd` (short for #/components/schemas/abcd), declared nowhere.
  'sam__error_swagger_security_not_dict__AccessingPartyAPI.json OAS-002 /paths/~1path/put/responses/201/content/application~1json/schema/$ref',
  'sam__error_swagger_security_not_dict_with_api_key_required__AccessingPartyAPI.json OAS-002 /paths/~1path/put/responses/201/content/application~1json/schema/$ref',
]);

describeShared('lint over the real corpus', () => {
  it('never crashes, and reports only reviewed errors from these rule families', async () => {
    const counts: Record<string, number> = {};
    const unexpected: string[] = [];
    let linted = 0;
    for (const dir of DIRS) {
      for (const f of readdirSync(dir).filter((x) => /\.(json|ya?ml)$/.test(x)).sort()) {
        let result;
        try {
          result = await lintFile(join(dir, f));
        } catch (e) {
          // Specs the loader refuses (bad versions, unparsable files) are load's business, with a clear error.
          if (e instanceof ApigwError) continue;
          throw new Error(`${f}: ${(e as Error).message}`, { cause: e });
        }
        linted++;
        for (const d of result.diagnostics) {
          counts[`${d.severity} ${d.ruleId}`] = (counts[`${d.severity} ${d.ruleId}`] ?? 0) + 1;
          expect(d.line, `${f} ${d.ruleId} ${d.pointer} has a position`).toBeGreaterThan(0);
          if (d.severity === 'error' && MINE.test(d.ruleId) && !REVIEWED_ERRORS.has(`${f} ${d.ruleId} ${d.pointer}`)) {
            unexpected.push(`${f} ${d.ruleId} ${d.pointer}: ${d.message}`);
          }
        }
      }
    }
    console.log(`linted ${linted} corpus specs`, Object.entries(counts).sort().map(([k, n]) => `${n} ${k}`).join('\n'));
    expect(linted).toBeGreaterThan(100);
    expect(unexpected).toEqual([]);
  });
});
