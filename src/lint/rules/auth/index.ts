// APIGW-AUTH-*: security schemes, authorizers, authtypes and API keys (reference §2.5).
import type { Rule } from '../../rule.js';
import { apigwAuth001 } from './auth-001-undefined-scheme.js';
import { apigwAuth002 } from './auth-002-rest-scheme-type.js';
import { apigwAuth003 } from './auth-003-token-scheme-header.js';
import { apigwAuth004 } from './auth-004-authorizer-type.js';
import { apigwAuth005 } from './auth-005-authorizer-uri.js';
import { apigwAuth006 } from './auth-006-request-cache-identity.js';
import { apigwAuth007 } from './auth-007-ttl-range.js';
import { apigwAuth008 } from './auth-008-identity-source-dialect.js';
import { apigwAuth009 } from './auth-009-identity-validation-expression.js';
import { apigwAuth010 } from './auth-010-cognito-provider-arns.js';
import { apigwAuth011 } from './auth-011-cognito-scopes.js';
import { apigwAuth012 } from './auth-012-jwt-authorizer.js';
import { apigwAuth013 } from './auth-013-http-lambda-authorizer.js';
import { apigwAuth014 } from './auth-014-multiple-requirements.js';
import { apigwAuth015 } from './auth-015-scope-count.js';
import { apigwAuth016 } from './auth-016-authorizer-count.js';
import { apigwAuth017 } from './auth-017-reserved-authtype.js';
import { apigwAuth018 } from './auth-018-operation-auth-type.js';
import { apigwAuth019 } from './auth-019-api-key-source.js';
import { apigwAuth020 } from './auth-020-unused-authorizer.js';

export const rules: Rule[] = [
  apigwAuth001, apigwAuth002, apigwAuth003, apigwAuth004, apigwAuth005, apigwAuth006, apigwAuth007, apigwAuth008,
  apigwAuth009, apigwAuth010, apigwAuth011, apigwAuth012, apigwAuth013, apigwAuth014, apigwAuth015, apigwAuth016,
  apigwAuth017, apigwAuth018, apigwAuth019, apigwAuth020,
];
