import type { Rule } from '../../rule.js';
import { apigwModel001 } from './model-001.js';
import { apigwModel002 } from './model-002.js';
import { apigwModel003 } from './model-003.js';
import { apigwModel004 } from './model-004.js';
import { apigwModel005 } from './model-005.js';
import { apigwModel006 } from './model-006.js';
import { apigwModel007 } from './model-007.js';
import { apigwModel008 } from './model-008.js';
import { apigwModel009 } from './model-009.js';

export const rules: Rule[] = [apigwModel001, apigwModel002, apigwModel003, apigwModel004, apigwModel005, apigwModel006, apigwModel007, apigwModel008, apigwModel009];
