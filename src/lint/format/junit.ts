// JUnit XML for CI dashboards: one testsuite per file, one failing testcase per diagnostic.
// A clean run is one passing testcase, so dashboards show the lint step ran.

import type { Diagnostic } from '../types.js';
import { displayPath, summarize, type FormatOptions } from './shared.js';

/** Escapes text for XML attributes and content, dropping characters XML 1.0 cannot carry. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function formatJunit(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const s = summarize(diagnostics);
  const failures = s.errors + s.warnings + s.infos;
  lines.push(`<testsuites name="apigw-gen lint" tests="${Math.max(failures, 1)}" failures="${failures}" errors="0">`);
  if (failures === 0) {
    lines.push('  <testsuite name="apigw-gen lint" tests="1" failures="0" errors="0">');
    lines.push('    <testcase classname="apigw-gen.lint" name="no problems"/>');
    lines.push('  </testsuite>');
  }
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const file = displayPath(d.file, options.cwd) ?? '(unknown file)';
    let list = groups.get(file);
    if (!list) groups.set(file, (list = []));
    list.push(d);
  }
  for (const [file, list] of groups) {
    const f = escapeXml(file);
    lines.push(`  <testsuite name="${f}" tests="${list.length}" failures="${list.length}" errors="0">`);
    for (const d of list) {
      const where = `${file}:${d.line ?? 0}:${d.column ?? 0}`;
      lines.push(`    <testcase classname="${f}" name="${escapeXml(`${d.ruleId} ${d.pointer || '/'}`)}">`);
      lines.push(`      <failure type="${d.severity}" message="${escapeXml(d.message)}">${escapeXml(`${where} ${d.severity} ${d.message} (${d.ruleId})`)}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
