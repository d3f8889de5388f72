// normalize skips its stage-variable walk when LoadedDocument.mayContain('stageVariables') is false.
// may-contain.test.ts tries each way a word can appear without a text spelling it; this one checks the
// answer on every real spec we have: whenever mayContain says "no", a full walk over the loaded
// document finds no stage-variable reference (and not even the word, in any key or string). A new
// place where the bundler writes a string without registering it would show up here as a miss.
// Stripe and DigitalOcean, the specs the skip is for, are included (they add ~1.6 s).

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ApigwError } from '../../src/errors.js';
import { load } from '../../src/load/index.js';
import { findStageVariableRefs } from '../../src/model/stage-variables.js';
import { fixturesDir, repoRoot, sharedDir } from './helpers.js';
import { describeShared } from '../support/shared.js';

const WORD = 'stageVariables';

/** Whether `word` occurs in any string or key of `data` (what mayContain answers for). */
function holds(data: unknown, word: string): boolean {
  if (typeof data === 'string') return data.includes(word);
  if (data === null || typeof data !== 'object') return false;
  for (const key of Object.keys(data)) if (key.includes(word) || holds((data as Record<string, unknown>)[key], word)) return true;
  return false;
}

const SPEC = /\.(ya?ml|json)$/;

/**
 * The specs of a corpus folder: its files, and for a sub-folder its index.yaml (apigw/'s split
 * document, as corpus.test.ts enters it) or else its one spec (big/ keeps one per folder).
 */
function corpusEntries(dir: string): string[] {
  const full = path.join(sharedDir, 'corpus', dir);
  return readdirSync(full)
    .map((name) => path.join(full, name))
    .flatMap((p) => {
      if (!statSync(p).isDirectory()) return SPEC.test(p) ? [p] : [];
      const index = path.join(p, 'index.yaml');
      return existsSync(index) ? [index] : readdirSync(p).filter((f) => SPEC.test(f)).map((f) => path.join(p, f));
    })
    .sort();
}

function fixtureEntries(): string[] {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ['openapi.yaml', 'openapi.yml', 'openapi.json', 'swagger.yaml', 'swagger.json', 'template.yaml'].map((f) => path.join(fixturesDir, d.name, f)).find(existsSync))
    .filter((f): f is string => f !== undefined);
}

describeShared('mayContain("stageVariables") against a full walk, over the corpus and the fixtures', () => {
  it('never rules the word out of a document that holds it, and answers both ways', async () => {
    const groups: Record<string, string[]> = {
      'corpus/apigw': corpusEntries('apigw'),
      'corpus/apigw-sam': corpusEntries('apigw-sam'),
      'corpus/apigw-embedded': corpusEntries('apigw-embedded'),
      'corpus/big': corpusEntries('big'),
      fixtures: fixtureEntries(),
      specs: [path.join(sharedDir, 'specs/stripe/openapi.yaml'), path.join(sharedDir, 'specs/digitalocean/DigitalOcean-public.v2.yaml')],
    };
    const misses: string[] = [];
    const tally = { maybe: 0, no: 0, refused: 0 };
    for (const [group, entries] of Object.entries(groups)) {
      expect(entries.length, group).toBeGreaterThan(0);
      for (const entry of entries) {
        let loaded;
        try {
          loaded = await load(entry);
        } catch (error) {
          // the few documents load refuses (asserted in corpus.test.ts / cfn-template.test.ts)
          if (error instanceof ApigwError) {
            tally.refused++;
            continue;
          }
          throw error;
        }
        const may = loaded.mayContain!(WORD);
        tally[may ? 'maybe' : 'no']++;
        if (may) continue;
        const refs = findStageVariableRefs(loaded.document);
        if (refs.length > 0 || holds(loaded.document, WORD)) {
          misses.push(`${path.relative(path.dirname(repoRoot), entry)}: mayContain said no, the walk found ${refs.map((r) => `${r.name} at ${r.pointer}`).join(', ') || 'the word'}`);
        }
      }
    }
    console.log(`mayContain("${WORD}"): ${tally.no} no, ${tally.maybe} maybe, ${tally.refused} refused by load`);
    expect(misses).toEqual([]);
    // Both outcomes exercised: a "no" on real specs (the skip is checked) and a "maybe" (the check can see one).
    expect(tally.no).toBeGreaterThan(20);
    expect(tally.maybe).toBeGreaterThan(5);
    expect(tally.refused).toBeLessThan(5);
  }, 120_000);
});
