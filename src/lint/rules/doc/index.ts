import type { Rule } from '../../rule.js';
import { apigwDoc001 } from './doc-001.js';
import { apigwDoc002 } from './doc-002.js';
import { apigwDoc003 } from './doc-003.js';
import { apigwDoc004 } from './doc-004.js';
import { apigwDoc005 } from './doc-005.js';
import { apigwDoc006 } from './doc-006.js';
import { apigwDoc007 } from './doc-007.js';

export const rules: Rule[] = [apigwDoc001, apigwDoc002, apigwDoc003, apigwDoc004, apigwDoc005, apigwDoc006, apigwDoc007];
