import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { own, rawAt } from '../int/support.js';

export const apigwAuth012: Rule = {
  id: 'APIGW-AUTH-012',
  severity: 'error',
  appliesTo: ['http'],
  description: 'JWT authorizers need an audience, an issuer and exactly one header or query identity source',
  fact: 'jwtConfiguration needs audience (at most 50) and issuer (unless the scheme is openIdConnect with an openIdConnectUrl); identitySource is exactly one $request.header.X or $request.querystring.X [D][A].',
  visitors: {
    securityScheme(scheme, ctx) {
      if (scheme.kind !== 'authorizer' || scheme.authorizer.type !== 'jwt') return;
      const a = scheme.authorizer;
      const raw = rawAt(ctx, a.pointer);
      const jwt = own(raw, 'jwtConfiguration');
      const cfg = jwt === undefined ? a.pointer : child(a.pointer, 'jwtConfiguration');
      if (a.audience.length === 0) {
        ctx.report({ pointer: cfg, message: `The JWT authorizer of "${scheme.name}" has no jwtConfiguration.audience, so no token can be accepted. Add audience: [<app client id or API identifier>].` });
      } else if (a.audience.length > 50) {
        ctx.report({ pointer: child(a.pointer, 'jwtConfiguration', 'audience'), message: `The JWT authorizer lists ${a.audience.length} audiences; the limit is 50. Reduce the audience list.` });
      }
      if (a.issuer === undefined) {
        ctx.report({ pointer: cfg, message: `The JWT authorizer of "${scheme.name}" has no jwtConfiguration.issuer. Add issuer: https://<issuer> (e.g. https://cognito-idp.{region}.amazonaws.com/{poolId}), or use type openIdConnect with an openIdConnectUrl.` });
      }
      const sources = a.identitySource;
      const valid = sources.length === 1 && /^\$request\.(header|querystring)\.[^\s,]+$/.test(sources[0]!);
      if (own(raw, 'identitySource') === undefined || valid) return;
      ctx.report({ pointer: child(a.pointer, 'identitySource'), message: `A JWT authorizer takes exactly one identity source, $request.header.NAME or $request.querystring.NAME; found ${JSON.stringify(sources)}. Use e.g. "$request.header.Authorization".` });
    },
  },
};
