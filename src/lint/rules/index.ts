// The rule registry: every family's `rules` array, in one list the runner walks with.
//
// How to add a rule (see also docs/rules/README.md):
//  1. Write `src/lint/rules/<family>/<id-lowercase>.ts` exporting a `Rule` (src/lint/rule.ts):
//       export const apigwInt004: Rule = {
//         id: 'APIGW-INT-004', severity: 'error', appliesTo: ['rest'],   // omit appliesTo = both kinds
//         description: 'Lambda integrations must use httpMethod POST',
//         fact: '"For Lambda function invocations, the value must be POST" [D][A]',
//         visitors: { integration(integration, route, ctx) { ... ctx.report({ message, pointer }) } },
//       };
//     Subscribe only to the node kinds you check; the runner walks the model once for all rules.
//     Report at the most precise pointer (`child(base, 'httpMethod')` from ../../pointer.js) so the
//     position is exact; the message says what is wrong AND how to fix it.
//  2. Add it to `export const rules: Rule[] = [...]` in `src/lint/rules/<family>/index.ts`.
//  3. Write `docs/rules/<ID>.md` (structure in docs/rules/README.md): test/lint/docs.test.ts runs its
//     failing and passing examples, and fails when a registered rule has no page or vice versa.

import type { Rule } from '../rule.js';
import { rules as oas } from './oas/index.js';
import { rules as doc } from './doc/index.js';
import { rules as path } from './path/index.js';
import { rules as param } from './param/index.js';
import { rules as model } from './model/index.js';
import { rules as int } from './int/index.js';
import { rules as auth } from './auth/index.js';
import { rules as api } from './api/index.js';
import { rules as stage } from './stage/index.js';
import { rules as vtl } from './vtl/index.js';

export const allRules: readonly Rule[] = [...oas, ...doc, ...path, ...param, ...model, ...int, ...auth, ...api, ...stage, ...vtl];

const byId = new Map(allRules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
