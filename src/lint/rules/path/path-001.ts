import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { segments } from '../../helpers/paths.js';
import { pathKeys } from './shared.js';

const LITERAL = /^[A-Za-z0-9_\-.,:]+$/;

export const apigwPath001: Rule = {
  id: 'APIGW-PATH-001',
  severity: 'error',
  description: 'REST path segments may contain only letters, digits, _ - . , : and {variables}',
  judgesKey: true,
  fact: 'Path segments may contain only letters and digits, _, -, ., ,, : and {} (known issues for REST APIs) [D]. Older error text: "Resource\'s path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end" [O].',
  appliesTo: ['rest'],
  visitors: {
    api(_api, ctx) {
      for (const path of pathKeys(ctx)) {
        for (const seg of segments(path)) {
          if (seg.includes('{') || seg.includes('}')) continue; // variables: APIGW-PATH-002
          if (seg === '') {
            ctx.report({ message: `path '${path}' has an empty segment ('//'): API Gateway resource path parts cannot be empty`, pointer: child('/paths', path) });
            break;
          }
          if (!LITERAL.test(seg)) {
            const bad = [...new Set(seg.replace(/[A-Za-z0-9_\-.,:]/g, ''))].join('');
            ctx.report({ message: `path segment '${seg}' in '${path}' contains ${JSON.stringify(bad)}; REST resource paths allow only letters, digits, _ - . , : and {variables}`, pointer: child('/paths', path) });
            break;
          }
        }
      }
    },
  },
};
