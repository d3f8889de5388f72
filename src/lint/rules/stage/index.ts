import type { Rule } from '../../rule.js';
import { apigwStage001 } from './stage-001.js';
import { apigwStage002 } from './stage-002.js';
import { apigwStage003 } from './stage-003.js';
import { apigwStage004 } from './stage-004.js';

export const rules: Rule[] = [apigwStage001, apigwStage002, apigwStage003, apigwStage004];
