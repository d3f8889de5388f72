import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { rootExtensionVisitors } from '../shared/root-extension.js';

const KEY = 'x-amazon-apigateway-binary-media-types';
const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+*-]+\/[A-Za-z0-9!#$&^_.+*-]+$/;

export const apigwApi002: Rule = {
  id: 'APIGW-API-002',
  severity: 'error',
  description: 'x-amazon-apigateway-binary-media-types must be an array of type/subtype strings',
  fact: 'x-amazon-apigateway-binary-media-types is a JSON array of MIME-type strings; * wildcards are allowed (*/*, image/*) [D].',
  appliesTo: ['rest'],
  visitors: rootExtensionVisitors(KEY, ({ value: v, pointer }, ctx) => {
    if (!Array.isArray(v)) {
      ctx.report({ message: `${KEY} must be an array of media types such as ["image/png", "application/octet-stream"]`, pointer });
      return;
    }
    v.forEach((t, i) => {
      if (typeof t !== 'string' || !MEDIA_TYPE.test(t)) {
        ctx.report({ message: `${JSON.stringify(t)} is not a media type of the form type/subtype (e.g. image/png, image/*, */*)`, pointer: child(pointer, i) });
      }
    });
  }),
};
