// Every case of ../shared/corpus/vtl/render-cases.json (AWS-recorded outputs and AWS doc worked
// examples), rendered the way render-cases.SOURCES.md says: the case's `input` is the request.
import { expect, it } from 'vitest';
import { renderTemplate } from '../../src/vtl/index.js';
import { readCorpus } from './corpus.js';
import { describeShared, hasShared } from '../support/shared.js';

interface RenderCase {
  name: string;
  template: string;
  input: { body?: string; headers?: Record<string, string>; query?: Record<string, string>; path?: Record<string, string>; context?: Record<string, unknown>; stageVariables?: Record<string, string> };
  expected: string;
  compare: 'exact' | 'json';
}

const cases = hasShared ? readCorpus<RenderCase[]>('render-cases.json') : [];

/** Cases that truly cannot pass, with the reason. The test asserts they still fail. */
const KNOWN_DIFFERENCES: Record<string, string> = {};

describeShared('render-cases.json (AWS-recorded)', () => {
  it('has the 68 cases the README describes', () => {
    expect(cases).toHaveLength(68);
  });
  for (const c of cases) {
    const known = KNOWN_DIFFERENCES[c.name];
    it(`${c.name}${known ? ' (known difference)' : ''}`, () => {
      const check = () => {
        const { output } = renderTemplate(c.template, c.input);
        if (c.compare === 'exact') expect(output).toBe(c.expected);
        else expect(JSON.parse(output)).toEqual(JSON.parse(c.expected));
      };
      if (known) expect(check).toThrow();
      else check();
    });
  }
});
