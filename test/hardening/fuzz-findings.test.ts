// What the fuzzer (fuzz.test.ts) found, each kept as a spec of its own: the CLI must end in 0, 1
// or 2 on it, never in an internal error (exit 70).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const MOCK = `x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}, responses: {default: {statusCode: "200"}}}`;

const findings = [
  {
    // emit/gateway/swagger2.ts keyed parameters by String(p.name): a mapping there is a prototype-less
    // object in the gateway's copy of the document, on which String() throws
    name: 'Swagger 2.0 parameter whose name is a mapping (build: gateway conversion to OpenAPI 3)',
    spec: `swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      parameters:\n        - {name: {n: [1]}, in: query, type: string}\n      responses: {"200": {description: ok}}\n      ${MOCK}\n`,
    commands: ['build'],
  },
  {
    // lint/rules/vtl/sample-request.ts wrote a sample parameter value with String(): an object schema
    // samples to a prototype-less object
    name: 'query parameter with an object schema and a request template (lint: APIGW-VTL-013 sample request)',
    spec: `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    post:\n      parameters:\n        - {name: q, in: query, schema: {type: object, properties: {a: {type: string}}}}\n      responses: {"200": {description: ok}}\n      x-amazon-apigateway-integration:\n        type: http\n        httpMethod: POST\n        uri: https://example.com/x\n        requestTemplates: {application/json: '{"q": "$input.params(''q'')"}'}\n        responses: {default: {statusCode: "200"}}\n`,
    commands: ['lint', 'build'],
  },
];

describe('fuzzer findings', () => {
  for (const f of findings) {
    for (const command of f.commands) {
      it(`${command}: ${f.name}`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'apigw-finding-'));
        writeFileSync(join(dir, 'spec.yaml'), f.spec);
        let stderr = '';
        const args = command === 'build' ? ['build', 'spec.yaml', '--out', 'out'] : [command, 'spec.yaml'];
        const code = await main(args, { io: { out: () => undefined, err: (t) => void (stderr += t), cwd: dir, isTTY: false, color: false } });
        expect(stderr).not.toMatch(/internal error/);
        expect([0, 1, 2], stderr).toContain(code);
      });
    }
  }
});
