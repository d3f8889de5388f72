import type { Rule } from '../../rule.js';
import { apigwPath001 } from './path-001.js';
import { apigwPath002 } from './path-002.js';
import { apigwPath003 } from './path-003.js';
import { apigwPath004 } from './path-004.js';
import { apigwPath005 } from './path-005.js';
import { apigwPath006 } from './path-006.js';
import { apigwPath007 } from './path-007.js';
import { apigwPath008 } from './path-008.js';
import { apigwPath009 } from './path-009.js';

export const rules: Rule[] = [apigwPath001, apigwPath002, apigwPath003, apigwPath004, apigwPath005, apigwPath006, apigwPath007, apigwPath008, apigwPath009];
