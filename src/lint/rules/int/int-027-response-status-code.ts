import type { Rule } from '../../rule.js';
import { child } from '../../pointer.js';
import { hasKey, isRecord, own, rawAt } from './support.js';
import { brokenRefPlaces } from '../../helpers/broken-refs.js';

export const apigwInt027: Rule = {
  id: 'APIGW-INT-027',
  severity: 'error',
  appliesTo: ['rest'],
  description: 'Integration responses need a statusCode matching [1-5]\\d\\d that the operation declares',
  fact: 'statusCode matches [1-5]\\d\\d and must name a method response declared in the operation\'s responses [A][D]; otherwise `Invalid Response status code specified` [O].',
  visitors: {
    integration(integration, route, ctx) {
      const declared = new Set(route.responses.map((r) => r.status));
      // A response that is a broken ref is declared (normalize drops it: it cannot be read); the
      // whole map a broken ref: nothing is known. OAS-002 reports the ref.
      const responses = child(route.pointer, 'responses');
      const broken = brokenRefPlaces(ctx.document);
      let unknown = false;
      if (broken?.holdsEntryOf(responses)) {
        const raw = rawAt(ctx, responses);
        if (broken.at(responses) || !isRecord(raw)) unknown = true;
        else for (const status of Object.keys(raw)) if (broken.at(child(responses, status))) declared.add(status);
      }
      // A `default` or range response may stand for the code; don't guess against it.
      const lenient = unknown || [...declared].some((s) => s === 'default' || /^[1-5]XX$/i.test(s));
      for (const ir of integration.responses) {
        const raw = rawAt(ctx, ir.pointer);
        if (!hasKey(raw, 'statusCode')) {
          ctx.report({ pointer: ir.pointer, message: `The integration response "${ir.selectionPattern}" has no statusCode. Add statusCode: "200" (or the method response status it maps to).` });
          continue;
        }
        const v = own(raw, 'statusCode');
        const code = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '';
        const pointer = child(ir.pointer, 'statusCode');
        if (!/^[1-5]\d\d$/.test(code)) {
          ctx.report({ pointer, message: `statusCode ${JSON.stringify(v)} is not an HTTP status code ([1-5]\\d\\d). Use a code such as "200", "400" or "500".` });
          continue;
        }
        if (declared.has(code) || lenient) continue;
        ctx.report({ pointer, message: `statusCode ${code} is not declared in the responses of ${route.key}; import fails with "Invalid Response status code specified". Add a "${code}" response to the operation or use a declared status (${[...declared].join(', ') || 'none declared'}).` });
      }
    },
  },
};
