import type { Rule } from '../../rule.js';
import { apigwApi001 } from './api-001.js';
import { apigwApi002 } from './api-002.js';
import { apigwApi003 } from './api-003.js';
import { apigwApi004 } from './api-004.js';
import { apigwApi005 } from './api-005.js';
import { apigwApi006 } from './api-006.js';
import { apigwApi007 } from './api-007.js';
import { apigwApi008 } from './api-008.js';
import { apigwApi009 } from './api-009.js';
import { apigwApi010 } from './api-010.js';
import { apigwApi011 } from './api-011.js';
import { apigwApi012 } from './api-012.js';
import { apigwApi013 } from './api-013.js';
import { apigwApi014 } from './api-014.js';
import { apigwApi015 } from './api-015.js';
import { apigwApi016 } from './api-016.js';
import { apigwApi017 } from './api-017.js';
import { apigwApi018 } from './api-018.js';
import { apigwApi019 } from './api-019.js';

export const rules: Rule[] = [
  apigwApi001, apigwApi002, apigwApi003, apigwApi004, apigwApi005, apigwApi006, apigwApi007, apigwApi008, apigwApi009,
  apigwApi010, apigwApi011, apigwApi012, apigwApi013, apigwApi014, apigwApi015, apigwApi016, apigwApi017, apigwApi018, apigwApi019,
];
