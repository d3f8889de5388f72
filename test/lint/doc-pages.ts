// Parses docs/rules/<ID>.md pages into runnable examples (shared by docs.test.ts and anyone else
// who wants to run the documented examples).

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ResolvedConfig } from '../../src/config/types.js';

export const DOCS_DIR = resolve(import.meta.dirname, '../../docs/rules');

export interface DocExample {
  yaml: string;
  /** Extra files written beside the entry (```yaml file=NAME blocks). */
  files: Record<string, string>;
  config: ResolvedConfig;
  /** Bytes of YAML comment appended to the entry file (to exercise size limits). */
  padding: number;
}

export interface DocPage {
  id: string;
  file: string;
  title: string;
  apiType?: 'rest' | 'http';
  failing: DocExample;
  expected: string[];
  passing: DocExample;
}

function jsonLine(text: string, label: string): ResolvedConfig | undefined {
  const m = new RegExp(`^${label}: (.+)$`, 'm').exec(text);
  return m ? (JSON.parse(m[1]!) as ResolvedConfig) : undefined;
}

function blocks(section: string): { info: string; body: string }[] {
  const out: { info: string; body: string }[] = [];
  for (const m of section.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)) out.push({ info: m[1]!.trim(), body: m[2]! });
  return out;
}

/**
 * Generated bulk, so size and count limits can be shown on a page a reader can take in:
 * - `{{TEXT * N}}` becomes TEXT repeated N times (e.g. a 310 KB template body: `{{x * 310000}}`);
 * - the lines between a comment line `# repeat VAR = FROM..TO` and `# end repeat` are emitted once per
 *   value of VAR (inclusive), with `{{VAR}}` replaced by the value (e.g. 301 paths `/r{{i}}`).
 * Both markers are plain YAML (comments, strings), so the unexpanded block still parses.
 */
export function expandExample(text: string, where = 'example'): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = /^\s*# repeat (\w+) = (\d+)\.\.(\d+)\s*$/.exec(lines[i]!);
    if (!start) {
      if (/^\s*# end repeat\s*$/.test(lines[i]!)) throw new Error(`${where}: '# end repeat' without '# repeat'`);
      out.push(lines[i]!);
      continue;
    }
    const end = lines.findIndex((l, j) => j > i && /^\s*# end repeat\s*$/.test(l));
    if (end < 0) throw new Error(`${where}: '# repeat ${start[1]}' without '# end repeat'`);
    const body = lines.slice(i + 1, end).join('\n');
    if (/^\s*# repeat /m.test(body)) throw new Error(`${where}: nested '# repeat' is not supported`);
    const marker = `{{${start[1]}}}`;
    for (let v = Number(start[2]); v <= Number(start[3]); v++) out.push(body.split(marker).join(String(v)));
    i = end;
  }
  return out.join('\n').replace(/\{\{([^{}]+?) \* (\d+)\}\}/g, (_m, unit: string, count: string) => unit.repeat(Number(count)));
}

function example(section: string, config: ResolvedConfig, padding: number, where: string): DocExample {
  const all = blocks(section).map((b) => ({ info: b.info, body: expandExample(b.body, where) }));
  const main = all.find((b) => b.info === 'yaml');
  if (!main) throw new Error(`${where}: no \`\`\`yaml block`);
  const files: Record<string, string> = {};
  for (const b of all) {
    const f = /^yaml file=([\w.-]+)$/.exec(b.info);
    if (f) files[f[1]!] = b.body;
  }
  return { yaml: main.body, files, config, padding };
}

export function parseDocPage(file: string): DocPage {
  const text = readFileSync(file, 'utf8');
  const title = /^# (\S+): (.+)$/m.exec(text);
  if (!title) throw new Error(`${file}: first line must be '# <ID>: <description>'`);
  const failIdx = text.indexOf('\n## Failing example');
  const passIdx = text.indexOf('\n## Passing example');
  if (failIdx < 0 || passIdx < failIdx) throw new Error(`${file}: needs '## Failing example' then '## Passing example'`);
  const head = text.slice(0, failIdx);
  const failing = text.slice(failIdx, passIdx);
  const passing = text.slice(passIdx);
  const base = jsonLine(head, 'Config') ?? {};
  const apiType = /^API type: (rest|http)$/m.exec(head)?.[1] as 'rest' | 'http' | undefined;
  const padding = Number(/^Failing padding: (\d+)$/m.exec(head)?.[1] ?? 0);
  const expected = [...failing.matchAll(/^Expected: (\S+) at ?(.*)$/gm)].map((m) => {
    if (m[1] !== title[1]) throw new Error(`${file}: Expected names ${m[1]}, page is ${title[1]}`);
    return m[2]!.trim();
  });
  if (expected.length === 0) throw new Error(`${file}: no 'Expected: <ID> at <pointer>' line`);
  return {
    id: title[1]!,
    file,
    title: title[2]!,
    ...(apiType ? { apiType } : {}),
    failing: example(failing, { ...base, ...jsonLine(head, 'Failing config') }, padding, `${file} failing`),
    expected,
    passing: example(passing, { ...base, ...jsonLine(head, 'Passing config') }, 0, `${file} passing`),
  };
}

export function docPages(): DocPage[] {
  return readdirSync(DOCS_DIR)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => parseDocPage(join(DOCS_DIR, f)));
}
