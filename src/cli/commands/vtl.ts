// `apigw-gen vtl render <template|spec#pointer> --event request.json`: renders a mapping template
// offline. Arguments in, src/vtl does the work, text out.

import type { Argv, CommandModule } from 'yargs';
import { checkJsonOutput, renderTemplateFile } from '../../vtl/offline.js';
import { exitCodesHelp } from '../exit-codes.js';
import { contextOf, type CliContext } from '../context.js';

export interface VtlRenderArgs {
  template: string;
  event?: string;
  context?: string;
  stageVars?: string[];
  checkJson?: boolean;
}

const renderCommand: CommandModule<object, VtlRenderArgs> = {
  command: 'render <template>',
  describe: 'Render a mapping template (a .vtl file, or spec.yaml#/json/pointer to a template) against a request',
  builder: (yargs: Argv) =>
    yargs
      .positional('template', { type: 'string', demandOption: true, describe: 'template.vtl, or openapi.yaml#/paths/~1pets/post/x-amazon-apigateway-integration/requestTemplates/application~1json' })
      .option('event', { alias: 'e', type: 'string', describe: 'Request JSON: { body, headers, query, path, context, stageVariables }' })
      .option('context', { type: 'string', describe: 'JSON file of $context values, merged over the event\'s context' })
      // nargs 1: one value per flag, so `--stage-vars a=1 template.vtl` keeps the template positional
      .option('stage-vars', { type: 'string', array: true, nargs: 1, describe: 'Stage variables as name=value (repeatable)' })
      .option('check-json', { type: 'boolean', describe: 'Report (exit 1) when the output is not valid JSON, with line:column' })
      .epilogue(exitCodesHelp('--check-json found the output is not valid JSON'))
      .example('$0 vtl render template.vtl --event request.json', 'print the rendered template')
      .example("$0 vtl render 'openapi.yaml#/paths/~1pets/post/x-amazon-apigateway-integration/requestTemplates/application~1json' -e req.json --check-json", 'a template inside the spec') as unknown as Argv<VtlRenderArgs>,
  handler: async (args) => {
    const ctx = contextOf(args as unknown as Record<string, unknown>);
    ctx.exitCode = await runVtlRender(args, ctx);
  },
};

export async function runVtlRender(args: VtlRenderArgs, { io }: CliContext): Promise<number> {
  const result = await renderTemplateFile({
    template: args.template,
    cwd: io.cwd,
    ...(args.event !== undefined ? { event: args.event } : {}),
    ...(args.context !== undefined ? { context: args.context } : {}),
    ...(args.stageVars !== undefined ? { stageVars: args.stageVars } : {}),
  });
  io.out(result.output);
  const o = result.overrides;
  const overrideLines = [
    ...Object.entries(o.request.header).map(([k, v]) => `request header ${k}: ${v}`),
    ...Object.entries(o.request.path).map(([k, v]) => `request path ${k}: ${v}`),
    ...Object.entries(o.request.querystring).map(([k, v]) => `request querystring ${k}: ${v}`),
    ...Object.entries(o.response.header).map(([k, v]) => `response header ${k}: ${v}`),
    ...(o.response.status !== undefined ? [`response status: ${o.response.status}`] : []),
  ];
  if (overrideLines.length) io.err(`overrides:\n${overrideLines.map((l) => `  ${l}`).join('\n')}\n`);
  for (const d of o.duplicates) io.err(`warning: $context.${d} is assigned more than once (API Gateway answers 5XX)\n`);
  if (args.checkJson) {
    const problem = checkJsonOutput(result.output);
    if (problem) {
      io.err(`output is not valid JSON at ${problem.line}:${problem.column}: ${problem.message}\n`);
      return 1;
    }
  }
  return 0;
}

export const vtlCommand: CommandModule = {
  command: 'vtl <command>',
  describe: 'Mapping-template (VTL) tools',
  builder: (yargs: Argv) => yargs.command(renderCommand).demandCommand(1, 'Say which vtl command to run (render).').epilogue(exitCodesHelp('vtl render --check-json found the output is not valid JSON')),
  handler: () => undefined,
};
