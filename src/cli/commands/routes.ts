// `apigw-gen routes <spec>`: the API at a glance, one row per route.

import type { Argv, CommandModule } from 'yargs';
import { brokenRefError, sortBrokenRefs } from '../../load/index.js';
import { loadApi } from '../../pipeline.js';
import { formatRoutesJson, formatRoutesTable, routeRows } from '../../report/routes.js';
import { plainTextIo } from '../errors.js';
import { exitCodesHelp } from '../exit-codes.js';
import { contextOf, type CliContext } from '../context.js';
import { resolveSpecAndConfig, specOptions, type SpecArgs } from '../shared.js';
import { plural } from '../../text/plural.js';

export interface RoutesArgs extends SpecArgs {
  format?: 'table' | 'json';
}

export const routesCommand: CommandModule<object, RoutesArgs> = {
  command: 'routes [spec]',
  describe: 'List every route: method, path, integration and target, authorizer, API key, validator',
  builder: (yargs: Argv) =>
    specOptions(yargs)
      .option('format', { alias: 'f', choices: ['table', 'json'] as const, default: 'table' as const, describe: 'Output format' })
      .epilogue(exitCodesHelp('not used: routes lists what it can read'))
      .example('$0 routes openapi.yaml', 'an aligned table')
      .example('$0 routes openapi.yaml --format json | jq \'.[] | select(.authorizer == "none")\'', 'find unauthenticated routes') as unknown as Argv<RoutesArgs>,
  handler: async (args) => {
    const ctx = contextOf(args as unknown as Record<string, unknown>);
    ctx.exitCode = await runRoutes(args, ctx);
  },
};

export async function runRoutes(args: RoutesArgs, ctx: CliContext): Promise<number> {
  // JSON.stringify leaves C1 controls (0x7f–0x9f) raw; escaped as \uXXXX the JSON means the same.
  const io = plainTextIo(ctx.io);
  const { spec, config, text } = resolveSpecAndConfig(args, io);
  const { api, document } = await loadApi(spec, config, { ...(args.api !== undefined ? { api: args.api } : {}), ...(text !== undefined ? { text } : {}) });
  // A listing is still useful with holes in it (as lint goes on past them); the holes are said on
  // stderr, so the table or JSON on stdout stays as consumers expect.
  const broken = sortBrokenRefs(document.brokenRefs ?? []);
  const first = broken[0];
  if (first !== undefined) {
    const where = brokenRefError(first).format();
    io.err(`apigw-gen: warning: ${plural(broken.length, '$ref')} point${broken.length === 1 ? 's' : ''} at nothing, so what they stand for is missing below (OAS-002 in \`apigw-gen lint\` lists them); first: ${where}\n`);
  }
  const rows = routeRows(api);
  io.out(args.format === 'json' ? formatRoutesJson(rows) : formatRoutesTable(rows));
  return 0;
}
