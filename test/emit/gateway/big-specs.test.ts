// The big real specs: the emitted gateway document lints with zero errors and its template is
// structurally sound. (Timings belong in bench/, not here; the timeouts only bound a hang.)

import { expect, it } from 'vitest';
import { resolve } from 'node:path';
import { lint } from '../../../src/lint/index.js';
import { cfnProblems, emitSpec, reload, SHARED, templateOf } from './helpers.js';
import { describeShared } from '../../support/shared.js';

const SPECS = [
  { name: 'Stripe', spec: resolve(SHARED, 'specs/stripe/openapi.yaml') },
  { name: 'DigitalOcean', spec: resolve(SHARED, 'specs/digitalocean/DigitalOcean-public.v2.yaml') },
];

describeShared.each(SPECS)('gateway target on $name', ({ spec }) => {
  it('emits a document that lints with zero errors and a sound template', async () => {
    const e = await emitSpec(spec);
    const back = await reload(e);
    const errors = lint(back.api, back.document, {}).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.ruleId} ${d.pointer} ${d.message}`).slice(0, 20)).toEqual([]);
    expect(back.api.routes.length).toBe(e.api.routes.length);
    expect(cfnProblems(templateOf(e))).toEqual([]);
  }, 300_000);
});
