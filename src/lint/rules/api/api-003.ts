import type { Rule } from '../../rule.js';
import { isObject } from '../../helpers/raw.js';
import { rootExtensionVisitors } from '../shared/root-extension.js';

const KEY = 'x-amazon-apigateway-policy';
export const POLICY_LIMIT = 8192;

export const apigwApi003: Rule = {
  id: 'APIGW-API-003',
  severity: 'error',
  description: 'x-amazon-apigateway-policy must be an IAM policy object with Version and Statement, at most 8192 characters',
  fact: 'x-amazon-apigateway-policy is an IAM policy document as a JSON object; at most 8192 characters (the quota can be raised) [D].',
  appliesTo: ['rest'],
  visitors: rootExtensionVisitors(KEY, ({ value: v, pointer }, ctx) => {
    if (!isObject(v)) {
      ctx.report({ message: `${KEY} must be an IAM policy object ({"Version": "2012-10-17", "Statement": [...]}), not ${Array.isArray(v) ? 'an array' : typeof v}`, pointer });
      return;
    }
    if (!('Statement' in v)) ctx.report({ message: `${KEY} has no Statement: add the policy statements (e.g. Allow execute-api:Invoke)`, pointer });
    if (!('Version' in v)) ctx.report({ message: `${KEY} has no Version: add "Version": "2012-10-17" (without it IAM uses the 2008 language, which lacks policy variables)`, pointer, severity: 'warn' });
    const size = JSON.stringify(v).length;
    if (size > POLICY_LIMIT) ctx.report({ message: `${KEY} is ${size} characters; the default limit is ${POLICY_LIMIT}: shorten it or request a quota increase`, pointer, severity: 'warn' });
  }),
};
