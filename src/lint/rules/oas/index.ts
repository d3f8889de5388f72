import type { Rule } from '../../rule.js';
import { oas001 } from './oas-001.js';
import { oas002 } from './oas-002.js';
import { oas003 } from './oas-003.js';
import { oas004 } from './oas-004.js';
import { oas005 } from './oas-005.js';
import { oas006 } from './oas-006.js';
import { oas007 } from './oas-007.js';

export const rules: Rule[] = [oas001, oas002, oas003, oas004, oas005, oas006, oas007];
