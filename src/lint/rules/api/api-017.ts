import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { isObject, rawRoot } from '../../helpers/raw.js';

const KEY = 'x-amazon-apigateway-documentation';
const TYPES = ['API', 'AUTHORIZER', 'MODEL', 'RESOURCE', 'METHOD', 'PATH_PARAMETER', 'QUERY_PARAMETER', 'REQUEST_HEADER', 'REQUEST_BODY', 'RESPONSE', 'RESPONSE_HEADER', 'RESPONSE_BODY'];
const NAME_REQUIRED = new Set(['AUTHORIZER', 'MODEL', 'PATH_PARAMETER', 'QUERY_PARAMETER', 'REQUEST_HEADER', 'RESPONSE_HEADER']);
/** The API model lists REQUEST_BODY as needing a name, but AWS's own PetStore export documents the body without one. */
const NAME_OPTIONAL = new Set(['REQUEST_BODY']);
const STATUS_ALLOWED = new Set(['RESPONSE', 'RESPONSE_HEADER', 'RESPONSE_BODY']);
export const DOCUMENTATION_PARTS_QUOTA = 2000;

export const apigwApi017: Rule = {
  id: 'APIGW-API-017',
  severity: 'error',
  description: 'Documentation parts: valid location.type, name where required (and only there), statusCode format',
  fact: 'location.type is one of API, AUTHORIZER, MODEL, RESOURCE, METHOD, PATH_PARAMETER, QUERY_PARAMETER, REQUEST_HEADER, REQUEST_BODY, RESPONSE, RESPONSE_HEADER, RESPONSE_BODY; name is required for AUTHORIZER, MODEL, the parameter types and RESPONSE_HEADER (the model also lists REQUEST_BODY, but AWS\'s own PetStore export omits it there) and invalid otherwise; statusCode matches ^([1-5]\\d\\d|\\*|\\s*)$ [A]. At most 2000 parts per API [D].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      const doc = rawRoot(ctx)[KEY];
      if (!isObject(doc) || !Array.isArray(doc.documentationParts)) return;
      const parts = doc.documentationParts;
      const base = `/${KEY}/documentationParts`;
      if (parts.length > DOCUMENTATION_PARTS_QUOTA) {
        ctx.report({ message: `${parts.length} documentation parts exceed the default quota of ${DOCUMENTATION_PARTS_QUOTA}: request an increase or import with ignore=documentation`, pointer: base, severity: 'warn' });
      }
      parts.forEach((part, i) => {
        const loc = isObject(part) ? part.location : undefined;
        const at = child(base, i, 'location');
        if (!isObject(loc)) {
          ctx.report({ message: 'documentation part needs a location object with a type', pointer: child(base, i) });
          return;
        }
        const type = loc.type;
        if (typeof type !== 'string' || !TYPES.includes(type)) {
          ctx.report({ message: `location.type ${JSON.stringify(type)} is not valid: use one of ${TYPES.join(', ')}`, pointer: child(at, 'type') });
          return;
        }
        if (NAME_REQUIRED.has(type) && typeof loc.name !== 'string') {
          ctx.report({ message: `a ${type} documentation part needs location.name (the ${type.toLowerCase().replace(/_/g, ' ')} it documents)`, pointer: at });
        } else if (!NAME_REQUIRED.has(type) && !NAME_OPTIONAL.has(type) && 'name' in loc) {
          ctx.report({ message: `location.name is not valid for a ${type} documentation part: remove it`, pointer: child(at, 'name') });
        }
        if ('statusCode' in loc) {
          if (!STATUS_ALLOWED.has(type)) {
            ctx.report({ message: `location.statusCode is only valid for RESPONSE, RESPONSE_HEADER and RESPONSE_BODY parts: remove it`, pointer: child(at, 'statusCode') });
          } else if (!/^([1-5]\d\d|\*|\s*)$/.test(String(loc.statusCode))) {
            ctx.report({ message: `location.statusCode ${JSON.stringify(loc.statusCode)} must be a status code (100-599) or *`, pointer: child(at, 'statusCode') });
          }
        }
      });
    },
  },
};
