// Which OpenAPI dialect a document is written in, from its `swagger` / `openapi` field.

import { ApigwError } from '../errors.js';
import type { OpenApiVersion } from './types.js';
import type { FilePositions } from './positions.js';

const own = Object.prototype.hasOwnProperty;

/**
 * `swagger: "2.0"` → 2.0; `openapi: 3.0.x` → 3.0; `openapi: 3.1.x` → 3.1. Unquoted YAML numbers are
 * accepted too (`swagger: 2.0` reads as the number 2, `openapi: 3.0` as 3) because SAM and
 * CloudFormation accept them and real templates use them.
 * @throws ApigwError NOT_OPENAPI at the offending field, or at the top of the file
 */
export function detectVersion(data: unknown, file: string, positions: FilePositions): OpenApiVersion {
  const at = (tokens: string[]) => ({ file, ...positions.locate(tokens) });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ApigwError('NOT_OPENAPI', 'not an OpenAPI document: expected a mapping with `openapi` or `swagger` at the top level', at([]));
  }
  const doc = data as Record<string, unknown>;
  if (own.call(doc, 'openapi')) {
    const raw = doc.openapi;
    const value = typeof raw === 'number' ? raw.toFixed(1) : raw;
    if (typeof value === 'string') {
      if (/^3\.0(\.\d+)?$/.test(value)) return '3.0';
      if (/^3\.1(\.\d+)?$/.test(value)) return '3.1';
    }
    throw new ApigwError('NOT_OPENAPI', `unsupported OpenAPI version ${JSON.stringify(raw)}: expected 3.0.x or 3.1.x (or \`swagger: "2.0"\`)`, at(['openapi']));
  }
  if (own.call(doc, 'swagger')) {
    const raw = doc.swagger;
    if (raw === '2.0' || raw === 2) return '2.0';
    throw new ApigwError('NOT_OPENAPI', `unsupported Swagger version ${JSON.stringify(raw)}: expected "2.0"`, at(['swagger']));
  }
  throw new ApigwError('NOT_OPENAPI', 'not an OpenAPI document: no `openapi` or `swagger` field at the top level', at([]));
}
