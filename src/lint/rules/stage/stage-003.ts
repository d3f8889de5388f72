import type { Rule } from '../../rule.js';

export const apigwStage003: Rule = {
  id: 'APIGW-STAGE-003',
  severity: 'warn',
  description: 'A referenced stage variable should be defined in every configured stage',
  fact: 'An undefined stage variable resolves to an empty string at run time, breaking URIs, function names and mappings that use it [I].',
  visitors: {
    api(api, ctx) {
      const stages = Object.entries(ctx.config.stages ?? {});
      // Without stages in the config the variables are set elsewhere (console, CloudFormation): nothing to compare.
      if (stages.length === 0) return;
      for (const ref of api.stageVariableRefs) {
        const missing = stages.filter(([, s]) => !(s.variables && Object.prototype.hasOwnProperty.call(s.variables, ref.name))).map(([n]) => n);
        if (missing.length > 0) {
          ctx.report({ message: `stage variable '${ref.name}' is used here but not defined in stage${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: add it to stages.<name>.variables in the config`, pointer: ref.pointer });
        }
      }
    },
  },
};
