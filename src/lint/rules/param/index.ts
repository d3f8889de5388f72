import type { Rule } from '../../rule.js';
import { apigwParam001 } from './param-001.js';
import { apigwParam002 } from './param-002.js';
import { apigwParam003 } from './param-003.js';
import { apigwParam004 } from './param-004.js';

export const rules: Rule[] = [apigwParam001, apigwParam002, apigwParam003, apigwParam004];
