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

function example(section: string, config: ResolvedConfig, padding: number, where: string): DocExample {
  const all = blocks(section);
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
