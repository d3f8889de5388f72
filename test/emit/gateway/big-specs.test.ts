// The big real specs, each loaded and emitted once, every assertion sharing that build: template.yaml
// reads the same under YAML 1.1 and 1.2, matches the CloudFormation registry, and — all of them
// being far over CloudFormation's template size quotas with the definition inlined — says so with
// the numbers. With `gateway.bodyS3Location: package` (Stripe) the definition becomes its own file
// and the template, plain or SAM, is deployable. Stripe and DigitalOcean also lint clean after the
// round trip. (Timings belong in bench/, not here; the timeouts only bound a hang.)

import { beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { lint } from '../../../src/lint/index.js';
import { buildGateway, TEMPLATE_LIMITS, type GatewayBuild } from '../../../src/emit/gateway/index.js';
import type { ResolvedConfig } from '../../../src/config/types.js';
import { cfnProblems, emitSpec, packaged, reload, samValidate, SHARED, yamlReadingProblems, type Emitted } from './helpers.js';
import { describeShared } from '../../support/shared.js';

const SPECS = [
  { name: 'Stripe', spec: 'specs/stripe/openapi.yaml', lints: true },
  { name: 'DigitalOcean', spec: 'specs/digitalocean/DigitalOcean-public.v2.yaml', lints: true },
  { name: 'Kubernetes', spec: 'corpus/big/kubernetes/swagger.json', lints: false },
  { name: 'GitHub', spec: 'corpus/big/github/api.github.com.yaml', lints: false },
  { name: 'OpenAI', spec: 'corpus/big/openai/openai.yaml', lints: false },
  { name: 'Box', spec: 'corpus/big/box/openapi.json', lints: false },
  { name: 'Twilio', spec: 'corpus/big/twilio/twilio_api_v2010.yaml', lints: false },
].map((s) => ({ ...s, spec: resolve(SHARED, s.spec) }));

const bytesOf = (build: GatewayBuild, file: string) => Buffer.byteLength(build.files.get(file)!.content);
const n = (x: number) => x.toLocaleString('en-US');

describeShared('gateway target on the big specs', () => {
  describe.each(SPECS)('$name', ({ spec, lints }) => {
    let e: Emitted;
    beforeAll(async () => {
      e = await emitSpec(spec);
    }, 300_000);

    it('template.yaml reads the same under YAML 1.1 and 1.2 and matches the CloudFormation registry', () => {
      expect(yamlReadingProblems(e.build.files.get('template.yaml')!.content, e.build.template)).toEqual([]);
      expect(cfnProblems(e.build.template)).toEqual([]);
    }, 120_000);

    it('says, with the numbers, that the inlined template is over the size quotas and what to set', () => {
      const bytes = bytesOf(e.build, 'template.yaml');
      expect(bytes).toBeGreaterThan(TEMPLATE_LIMITS.request);
      const warning = e.build.changes.find((c) => c.message.startsWith(`template.yaml is ${n(bytes)} bytes`));
      expect(warning?.message).toContain(bytes > TEMPLATE_LIMITS.s3 ? `at most ${n(TEMPLATE_LIMITS.s3)} bytes from S3` : `over the ${n(TEMPLATE_LIMITS.request)} bytes`);
      expect(warning?.message).toContain(`gateway.bodyS3Location to "package"`);
      expect(warning?.message).toContain(`(${n(bytesOf(e.build, e.build.documentFile))} bytes as ${e.build.documentFile})`);
    });

    it.runIf(lints)('emits a document that lints with zero errors and keeps every route', async () => {
      const back = await reload(e);
      const errors = lint(back.api, back.document, {}).filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.ruleId} ${d.pointer} ${d.message}`).slice(0, 20)).toEqual([]);
      expect(back.api.routes.length).toBe(e.api.routes.length);
    }, 300_000);

    it.runIf(spec.includes('stripe'))('with bodyS3Location "package": the body is its own file and the template, plain or SAM, is deployable', () => {
      for (const sam of [false, true]) {
        const config: ResolvedConfig = { gateway: { bodyS3Location: 'package', sam } };
        const build = buildGateway(e.api, { document: e.document, config });
        const text = build.files.get('template.yaml')!.content;
        expect(Buffer.byteLength(text), sam ? 'SAM' : 'plain').toBeLessThan(TEMPLATE_LIMITS.request);
        expect(build.changes.some((c) => c.message.startsWith('template.yaml is'))).toBe(false);
        // The definition is the import-ready document, referenced by a path `aws cloudformation package` resolves.
        expect(build.files.get(build.documentFile)!.content).toBe(e.build.files.get(e.build.documentFile)!.content);
        const api = Object.values(build.template.Resources as Record<string, any>).find((r) => /RestApi|::Api$/.test(r.Type));
        expect(api.Properties[sam ? 'DefinitionUri' : 'BodyS3Location']).toBe(`./${build.documentFile}`);
        expect(api.Properties.Body ?? api.Properties.DefinitionBody).toBeUndefined();
        expect(yamlReadingProblems(text, build.template)).toEqual([]);
        expect(cfnProblems(packaged(build.template))).toEqual([]);
        if (sam) expect(samValidate(packaged(build.template))).toEqual({ valid: true, errors: null });
        expect(build.changes.some((c) => c.message.includes('`aws cloudformation package` or `sam deploy` uploads it'))).toBe(true);
      }
    }, 120_000);
  });
});
