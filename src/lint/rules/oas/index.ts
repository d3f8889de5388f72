import type { Rule } from '../../rule.js';
import { oas001 } from './oas-001.js';
import { oas003 } from './oas-003.js';
import { oas004 } from './oas-004.js';
import { oas005 } from './oas-005.js';
import { oas006 } from './oas-006.js';

// OAS-002 (unresolved internal $ref) is not a lint rule: `load` already refuses such a document with
// BROKEN_REF at the reference's file:line:column (exit 2), so a lint rule could never fire.
export const rules: Rule[] = [oas001, oas003, oas004, oas005, oas006];
