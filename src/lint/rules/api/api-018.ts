import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawRoot, isIntrinsicObject } from '../../helpers/raw.js';

const KEY = 'x-amazon-apigateway-tag-value';

export const apigwApi018: Rule = {
  id: 'APIGW-API-018',
  severity: 'error',
  description: 'x-amazon-apigateway-tag-value must be a string',
  fact: 'x-amazon-apigateway-tag-value goes inside a root tags entry and holds the AWS tag value, a string [D].',
  appliesTo: ['http'],
  visitors: {
    api(_api, ctx) {
      const tags = rawRoot(ctx).tags;
      if (!Array.isArray(tags)) return;
      tags.forEach((tag, i) => {
        if (!isObject(tag) || !(KEY in tag)) return;
        const v = tag[KEY];
        if (typeof v !== 'string' && !isIntrinsicObject(v)) {
          ctx.report({ message: `${KEY} of tag '${String(tag.name)}' is ${JSON.stringify(v)}; AWS tag values are strings: quote it`, pointer: child('/tags', i, KEY) });
        }
      });
    },
  },
};
