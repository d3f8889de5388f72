import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { expandExample, parseDocPage, DOCS_DIR } from './doc-pages.js';
import { join } from 'node:path';
import { statSync } from 'node:fs';

describe('expandExample (generated bulk in rule pages)', () => {
  it('repeats TEXT N times', () => {
    expect(expandExample("a: '{{xy * 3}}'")).toBe("a: 'xyxyxy'");
  });

  it('repeats the lines between # repeat and # end repeat once per value, substituting the variable', () => {
    const text = ['paths:', '  # repeat i = 0..2', '  /r{{i}}:', '    get: {}', '  # end repeat', 'x: 1'].join('\n');
    const doc = parse(expandExample(text)) as { paths: Record<string, unknown>; x: number };
    expect(Object.keys(doc.paths)).toEqual(['/r0', '/r1', '/r2']);
    expect(doc.x).toBe(1);
  });

  it('refuses an unterminated, stray or nested repeat', () => {
    expect(() => expandExample('# repeat i = 0..1\na: {{i}}', 'p')).toThrow(/without '# end repeat'/);
    expect(() => expandExample('a: 1\n# end repeat', 'p')).toThrow(/without '# repeat'/);
    expect(() => expandExample('# repeat i = 0..1\n# repeat j = 0..1\n# end repeat\n# end repeat', 'p')).toThrow(/nested/);
  });

  it('quota pages stay small on disk and expand to the sizes their prose states', () => {
    for (const id of ['APIGW-MODEL-008', 'APIGW-VTL-001', 'APIGW-PATH-005']) {
      expect(statSync(join(DOCS_DIR, `${id}.md`)).size, id).toBeLessThan(4096);
    }
    const path005 = parseDocPage(join(DOCS_DIR, 'APIGW-PATH-005.md'));
    const pathsOf = (yaml: string) => Object.keys((parse(yaml) as { paths: object }).paths).length;
    expect(pathsOf(path005.failing.yaml)).toBe(301);
    expect(pathsOf(path005.passing.yaml)).toBe(299);
    const vtl001 = parseDocPage(join(DOCS_DIR, 'APIGW-VTL-001.md'));
    expect(vtl001.failing.yaml.length).toBeGreaterThan(307200);
    expect(vtl001.passing.yaml.length).toBeLessThan(307200);
  });
});
