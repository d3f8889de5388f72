// The exit codes of every command, and how each command's --help says them.

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

/** The `Exit codes:` paragraph of a --help, with what 1 means for that command. */
export function exitCodesHelp(problems: string): string {
  return [
    'Exit codes:',
    `  ${EXIT_OK}   ok`,
    `  ${EXIT_PROBLEMS}   ${problems}`,
    `  ${EXIT_USAGE}   bad input or usage: an unreadable or invalid spec, config or option (file:line:column)`,
    `  ${EXIT_INTERNAL}  internal error: a bug in apigw-gen (APIGW_GEN_DEBUG=1 prints the stack trace)`,
  ].join('\n');
}
