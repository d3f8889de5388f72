// Every real API Gateway spec in the shared corpus (87 exported/hand-written OpenAPI documents,
// plus the SAM-embedded ones) yields an SDK that compiles under strict settings. All SDKs go into
// one program, each in its own folder, so the compiler's libs are checked once.
import { it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from '../../../src/load/index.js';
import { normalize } from '../../../src/model/index.js';
import { emitSdk } from '../../../src/emit/sdk/index.js';
import { SHARED } from './helpers.js';
import { typeCheck } from '../shared/compile.js';
import { describeShared } from '../../support/shared.js';

const CORPORA = ['corpus/apigw', 'corpus/apigw-sam'];

describeShared('SDK for every corpus spec', () => {
  it('compiles, all in one program', async () => {
    const program = new Map<string, string>();
    const skipped: string[] = [];
    let generated = 0;
    for (const corpus of CORPORA) {
      const dir = resolve(SHARED, corpus);
      for (const name of readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
        let doc;
        try {
          doc = await load(resolve(dir, name));
        } catch (error) {
          // Documents load rejects (not OpenAPI, broken refs) are load's concern, reported there.
          skipped.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
          continue;
        }
        const files = emitSdk(normalize(doc), { document: doc, config: { sdk: { groupByTag: true } } });
        const folder = `${corpus.replace('/', '-')}/${generated}`;
        for (const [path, file] of files) if (path.endsWith('.ts')) program.set(`${folder}/${path}`, file.content);
        generated++;
      }
    }
    expect(generated).toBeGreaterThan(100);
    expect(skipped.length, skipped.join('\n')).toBeLessThan(10);
    expect(typeCheck(program)).toEqual([]);
    // About a hundred SDKs in one program: beyond the default timeout when the machine is busy.
  }, 300_000);
});
