// APIGW-INT-*: the x-amazon-apigateway-integration object (reference §2.4).
import type { Rule } from '../../rule.js';
import { apigwInt001 } from './int-001-missing-integration.js';
import { apigwInt002 } from './int-002-integration-type.js';
import { apigwInt003 } from './int-003-http-api-type.js';
import { apigwInt004 } from './int-004-lambda-post.js';
import { apigwInt005 } from './int-005-missing-http-method.js';
import { apigwInt006 } from './int-006-aws-uri.js';
import { apigwInt007 } from './int-007-aws-proxy-lambda-only.js';
import { apigwInt008 } from './int-008-http-uri.js';
import { apigwInt009 } from './int-009-uri-path-mappings.js';
import { apigwInt010 } from './int-010-parameter-value-type.js';
import { apigwInt011 } from './int-011-rest-mapping-key.js';
import { apigwInt012 } from './int-012-rest-mapping-value.js';
import { apigwInt013 } from './int-013-undeclared-request-parameter.js';
import { apigwInt014 } from './int-014-context-variable.js';
import { apigwInt015 } from './int-015-http-mapping-keys.js';
import { apigwInt016 } from './int-016-reserved-header.js';
import { apigwInt017 } from './int-017-integration-subtype.js';
import { apigwInt018 } from './int-018-payload-format-version.js';
import { apigwInt019 } from './int-019-timeout.js';
import { apigwInt020 } from './int-020-vpc-link-connection.js';
import { apigwInt021 } from './int-021-vpc-link-type.js';
import { apigwInt022 } from './int-022-tls-config.js';
import { apigwInt023 } from './int-023-enums.js';
import { apigwInt024 } from './int-024-passthrough-never.js';
import { apigwInt025 } from './int-025-proxy-ignored-fields.js';
import { apigwInt026 } from './int-026-integration-responses.js';
import { apigwInt027 } from './int-027-response-status-code.js';
import { apigwInt028 } from './int-028-selection-pattern.js';
import { apigwInt029 } from './int-029-response-parameter-key.js';
import { apigwInt030 } from './int-030-response-parameter-value.js';
import { apigwInt031 } from './int-031-cache-key-parameters.js';
import { apigwInt032 } from './int-032-response-streaming.js';
import { apigwInt033 } from './int-033-integration-target.js';
import { apigwInt034 } from './int-034-mock-status.js';
import { apigwInt035 } from './int-035-credentials.js';
import { apigwInt036 } from './int-036-stage-variable-lambda.js';
import { apigwInt037 } from './int-037-integration-ref.js';

export const rules: Rule[] = [
  apigwInt001, apigwInt002, apigwInt003, apigwInt004, apigwInt005, apigwInt006, apigwInt007, apigwInt008, apigwInt009,
  apigwInt010, apigwInt011, apigwInt012, apigwInt013, apigwInt014, apigwInt015, apigwInt016, apigwInt017, apigwInt018,
  apigwInt019, apigwInt020, apigwInt021, apigwInt022, apigwInt023, apigwInt024, apigwInt025, apigwInt026, apigwInt027,
  apigwInt028, apigwInt029, apigwInt030, apigwInt031, apigwInt032, apigwInt033, apigwInt034, apigwInt035, apigwInt036,
  apigwInt037,
];
