import type { Rule } from '../../rule.js';

export const apigwModel001: Rule = {
  id: 'APIGW-MODEL-001',
  severity: 'error',
  description: 'REST model names (schema keys) must be alphanumeric',
  judgesKey: true,
  fact: '"Model names can only contain alphanumeric characters"; the API model agrees: "Must be an alphanumeric string" [D][A].',
  appliesTo: ['rest'],
  visitors: {
    model(model, ctx) {
      if (!/^[A-Za-z0-9]+$/.test(model.name)) {
        const suggestion = model.name.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''));
        ctx.report({ message: `model name '${model.name}' is not alphanumeric, so API Gateway cannot create the model: rename it${suggestion ? ` (e.g. '${suggestion}')` : ''} and update its $refs`, pointer: model.pointer });
      }
    },
  },
};
