// SARIF 2.1.0 as GitHub code scanning reads it: tool.driver.rules (id, descriptions, help, helpUri,
// default level) and results (ruleId, ruleIndex, level, message, a physical location with a
// cwd-relative uri and a 1-based region).

import type { Diagnostic, Severity } from '../types.js';
import { displayPath, ruleDocUrl, type FormatOptions } from './shared.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note' };

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function formatSarif(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const ruleIndex = new Map<string, number>();
  const rules = options.rules.map((r, i) => {
    ruleIndex.set(r.id, i);
    const helpUri = ruleDocUrl(r.id, options);
    return {
      id: r.id,
      name: r.id.replace(/[^A-Za-z0-9]/g, ''),
      shortDescription: { text: r.description },
      fullDescription: { text: `${r.description}. ${r.fact}` },
      help: { text: `${r.description}.\nAWS fact: ${r.fact}\nDocumentation: ${helpUri}`, markdown: `${r.description}.\n\n**AWS fact:** ${r.fact}\n\n[Documentation](${helpUri})` },
      helpUri,
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { tags: ['api-gateway', ...(r.appliesTo ?? ['rest', 'http'])] },
    };
  });
  const results = diagnostics.map((d) => {
    const file = displayPath(d.file, options.cwd);
    const index = ruleIndex.get(d.ruleId);
    return {
      ruleId: d.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations:
        file === undefined
          ? []
          : [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(file) },
                  region: { startLine: Math.max(d.line ?? 1, 1), startColumn: Math.max(d.column ?? 1, 1) },
                },
                logicalLocations: [{ fullyQualifiedName: d.pointer || '/', kind: 'member' }],
              },
            ],
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'apigw-gen', informationUri: ruleDocUrl('README', options).replace(/README\.md$/, ''), rules } },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
