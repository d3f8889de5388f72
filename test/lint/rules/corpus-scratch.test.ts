import { it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { lint } from '../../../src/lint/index.js';
import { rules as int } from '../../../src/lint/rules/int/index.js';
import { rules as auth } from '../../../src/lint/rules/auth/index.js';
import { rules as vtl } from '../../../src/lint/rules/vtl/index.js';

const root = resolve(__dirname, '../../../../shared/corpus');
it('sweep', async () => {
  const files: string[] = [];
  for (const d of ['apigw', 'apigw-sam']) for (const f of readdirSync(join(root, d))) {
    const p = join(root, d, f);
    files.push(statSync(p).isDirectory() ? join(p, 'index.yaml') : p);
  }
  for (const f of readdirSync(resolve(__dirname, '../../../fixtures'), { recursive: true }) as string[]) if (/\.(ya?ml|json)$/.test(f) && !f.includes('lint/')) files.push(resolve(__dirname, '../../../fixtures', f));
  const only = process.env.SEV ?? 'error';
  for (const file of files) {
    let doc;
    try { doc = await load(file); } catch (e) { console.log('LOADFAIL', file, (e as Error).message.slice(0, 100)); continue; }
    const api = normalize(doc);
    const ds = lint(api, doc, {}, { rules: [...int, ...auth, ...vtl] });
    for (const d of ds) if (only === 'all' || d.severity === only) console.log(`${file.split('/').slice(-2).join('/')} [${api.kind}] ${d.ruleId} ${d.severity} ${d.pointer} :: ${d.message.slice(0, 220)}`);
  }
});
