// `apigw-gen serve <spec>`: the API on a local gateway, against the handlers. Wiring only: the
// session (src/serve/session.ts) loads, lints, resolves functions and reloads.

import type { Argv, CommandModule } from 'yargs';
import { outputFolder, resolveConfig, withOverrides } from '../../config/index.js';
import { allRules, formatDiagnostics } from '../../lint/index.js';
import { formatRoutesTable } from '../../report/routes.js';
import { plural } from '../../text/plural.js';
import { localRouteRows, openSession, type Session } from '../../serve/session.js';
import { contextOf, type CliContext, type CliIo } from '../context.js';
import { errorLine, plainTextIo } from '../errors.js';
import { resolveSpecAndConfig, specOptions, type SpecArgs } from '../shared.js';
import { watchAndRebuild } from '../watch.js';
import { exitCodesHelp } from '../exit-codes.js';
import { guardsOf } from '../../serve/guards.js';

export interface ServeArgs extends SpecArgs {
  port?: number;
  host?: string;
  stage?: string;
  watch?: boolean;
}

export const serveCommand: CommandModule<object, ServeArgs> = {
  command: 'serve [spec]',
  describe: 'Run the API locally on a gateway that answers as API Gateway does, against your handlers',
  builder: (yargs: Argv) =>
    specOptions(yargs)
      .option('port', { alias: 'p', type: 'number', describe: 'Port (default: serve.port from the config, else 3000; 0 for any free port)' })
      .option('host', { type: 'string', describe: 'Address to bind (default: serve.host, else 127.0.0.1)' })
      .option('stage', { type: 'string', describe: 'Stage to serve (default: serve.stage, else the first of `stages`, else $default / local)' })
      .option('watch', { alias: 'w', type: 'boolean', describe: 'Reload the spec, config and handlers when they change' })
      .example('$0 serve openapi.yaml', 'serve on http://127.0.0.1:3000')
      .example('$0 serve openapi.yaml --watch --stage dev', 'the dev stage (its stage variables), reloading on save')
      .epilogue(exitCodesHelp('not used: serve runs until SIGINT or SIGTERM, then exits 0')) as unknown as Argv<ServeArgs>,
  handler: async (args) => {
    const ctx = contextOf(args as unknown as Record<string, unknown>);
    ctx.exitCode = await runServe(args, ctx);
  },
};

export async function runServe(args: ServeArgs, ctx: CliContext): Promise<number> {
  const io = plainTextIo(ctx.io);
  // Resolved once for the spec's path; the config file itself is read again on every reload.
  const { spec, config: first } = resolveSpecAndConfig(args, io);
  const loadConfig = () =>
    args.watch ? withOverrides(resolveConfig({ cwd: io.cwd, ...(args.config !== undefined ? { configFile: args.config } : {}) }), { apiType: args.apiType, allowRemoteRefs: args.allowRemoteRefs, input: spec }) : first;
  const session = await openSession({
    spec,
    loadConfig,
    cwd: io.cwd,
    outDir: (config) => outputFolder(config, io.cwd),
    ...(args.api !== undefined ? { load: { api: args.api } } : {}),
    flags: { ...(args.host !== undefined ? { host: args.host } : {}), ...(args.port !== undefined ? { port: args.port } : {}), ...(args.stage !== undefined ? { stage: args.stage } : {}) },
    log: (line) => io.err(`${line}\n`),
  });
  const { gateway } = session;
  const loaded = session.loaded;
  const kind = loaded.api.kind === 'http' ? 'HTTP API' : 'REST API';
  io.out(`apigw-gen serve: ${loaded.api.info.title} (${kind}, stage ${gateway.settings.stage}) at ${gateway.stageUrl}\n`);
  io.out(formatRoutesTable(localRouteRows(loaded.api, gateway.stageUrl)));
  reportProblems(session, io);

  if (args.watch) {
    let first = true;
    await watchAndRebuild({
      stop: ctx.stopSignal,
      run: async () => {
        if (first) {
          first = false;
          return session.watchedFiles();
        }
        try {
          const next = await session.reload();
          io.err(`apigw-gen serve: reloaded ${next.api.info.title}: ${plural(next.api.routes.length, 'route')}, ${plural(next.functions.length, 'function')}\n`);
          reportProblems(session, io);
        } catch (error) {
          io.err(errorLine(error));
          io.err('apigw-gen serve: reload failed; still serving the previous version\n');
        }
        return session.watchedFiles();
      },
    });
  } else {
    await ctx.stopSignal;
  }
  io.err('apigw-gen serve: stopping (finishing requests in flight)\n');
  await session.close();
  return 0;
}

/** Lint errors shown at most; `apigw-gen lint` lists them all. */
const MAX_LINT_ERRORS_SHOWN = 20;

/** Functions without code, then lint errors (linted now, after the server answers). */
function reportProblems(session: Session, io: CliIo): void {
  const guarded = session.loaded.api.routes.filter((r) => guardsOf(r).length > 0).length;
  if (guarded > 0) {
    io.err(
      session.gateway.settings.openGuardedRoutes
        ? `apigw-gen serve: warning: ${plural(guarded, 'route')} with authorizers, IAM or API keys served unguarded (serve.openGuardedRoutes): AWS would refuse callers without credentials\n`
        : `apigw-gen serve: ${plural(guarded, 'route')} with authorizers, IAM or API keys answer as AWS answers a caller without credentials: serve does not verify them yet (serve.openGuardedRoutes: true serves them unguarded)\n`,
    );
  }
  for (const m of session.loaded.missing) io.err(`apigw-gen serve: function ${m.name} has no code (${m.reason}): its routes answer 500 {"message": "Internal server error"}, as AWS does for a missing function\n`);
  const errors = session.lintErrors();
  if (errors.length === 0) return;
  io.err(formatDiagnostics('stylish', errors.slice(0, MAX_LINT_ERRORS_SHOWN), { rules: allRules, cwd: io.cwd, color: false }));
  const shown = errors.length > MAX_LINT_ERRORS_SHOWN ? ` (the first ${MAX_LINT_ERRORS_SHOWN} above)` : '';
  io.err(`apigw-gen serve: ${plural(errors.length, 'lint error')}${shown}: the routes they concern may not work as they would on AWS; \`apigw-gen lint\` lists them all\n`);
}
