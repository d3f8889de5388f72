import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { rawRoot, isIntrinsicObject } from '../../helpers/raw.js';

const KEY = 'x-amazon-apigateway-binary-media-types';
const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+*-]+\/[A-Za-z0-9!#$&^_.+*-]+$/;

export const apigwApi002: Rule = {
  id: 'APIGW-API-002',
  severity: 'error',
  description: 'x-amazon-apigateway-binary-media-types must be an array of type/subtype strings',
  fact: 'x-amazon-apigateway-binary-media-types is a JSON array of MIME-type strings; * wildcards are allowed (*/*, image/*) [D].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      const root = rawRoot(ctx);
      if (!(KEY in root)) return;
      const v = root[KEY];
      if (isIntrinsicObject(v)) return;
      if (!Array.isArray(v)) {
        ctx.report({ message: `${KEY} must be an array of media types such as ["image/png", "application/octet-stream"]`, pointer: `/${KEY}` });
        return;
      }
      v.forEach((t, i) => {
        if (typeof t !== 'string' || !MEDIA_TYPE.test(t)) {
          ctx.report({ message: `${JSON.stringify(t)} is not a media type of the form type/subtype (e.g. image/png, image/*, */*)`, pointer: child(`/${KEY}`, i) });
        }
      });
    },
  },
};
