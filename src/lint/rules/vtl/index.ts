// APIGW-VTL-*: mapping templates (reference §2.8 and §3), checked with the VTL engine's parser and renderer.
import type { Rule } from '../../rule.js';
import { apigwVtl001 } from './vtl-001-template-size.js';
import { apigwVtl002 } from './vtl-002-escape-javascript-quote.js';
import { apigwVtl003 } from './vtl-003-quoted-input-json.js';
import { apigwVtl004 } from './vtl-004-unbounded-foreach.js';
import { apigwVtl005 } from './vtl-005-overrides.js';
import { apigwVtl006 } from './vtl-006-context-error.js';
import { apigwVtl007 } from './vtl-007-parse-include.js';
import { apigwVtl008 } from './vtl-008-authorizer-key.js';
import { apigwVtl009 } from './vtl-009-unescaped-input.js';
import { apigwVtl010 } from './vtl-010-syntax-error.js';
import { apigwVtl011 } from './vtl-011-unknown-util.js';
import { apigwVtl012 } from './vtl-012-context-variable.js';
import { apigwVtl013 } from './vtl-013-render-json.js';
import { apigwVtl014 } from './vtl-014-render-limits.js';

export const rules: Rule[] = [
  apigwVtl001, apigwVtl002, apigwVtl003, apigwVtl004, apigwVtl005, apigwVtl006, apigwVtl007, apigwVtl008, apigwVtl009,
  apigwVtl010, apigwVtl011, apigwVtl012, apigwVtl013, apigwVtl014,
];
