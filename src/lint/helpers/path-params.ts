// Path template ↔ `in: path` parameter agreement, shared by APIGW-PARAM-001 (REST) and OAS-004 (HTTP).

import type { Route } from '../../model/types.js';
import type { RuleContext } from '../rule.js';
import { templateNames } from './paths.js';
import { hasBrokenParameter } from './broken-refs.js';

export function checkPathParameters(route: Route, ctx: RuleContext, consequence: string): void {
  if (route.isDefaultRoute) return;
  const inTemplate = new Set(templateNames(route.path));
  const declared = new Set<string>();
  for (const p of route.parameters) {
    if (p.in !== 'path') continue;
    declared.add(p.name);
    if (!inTemplate.has(p.name)) {
      ctx.report({
        message: `path parameter '${p.name}' does not appear in the path '${route.path}': rename it to match a {variable} in the path or remove it`,
        pointer: p.pointer,
      });
    }
  }
  // A parameter (or the list) of the operation or its path item is a broken ref: it may be the
  // missing declaration, and OAS-002 reports it, so "not declared" would be a second, maybe false, report.
  if (hasBrokenParameter(ctx.document, route.pointer)) return;
  for (const name of inTemplate) {
    if (!declared.has(name)) {
      ctx.report({
        message: `${route.key} has no 'in: path' parameter for {${name}}: declare it (name: ${name}, in: path, required: true) ${consequence}`,
        pointer: route.pointer,
        // Import still creates the resource and proxies still receive the value; only mappings and
        // validation need the declaration (APIGW-INT-013 reports a mapping that uses it as an error).
        severity: 'warn',
      });
    }
  }
}
