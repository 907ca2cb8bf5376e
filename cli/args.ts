import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './errors.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/**
 * `util.parseArgs`, strict, with errors that name the bad token and list the valid flags (the
 * raw ERR_PARSE_ARGS messages don't).
 */
export function parseCommandArgs(command: string, options: OptionSpec, argv: string[], positionals = false) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: positionals,
    });
  } catch (error) {
    const valid = Object.keys(options)
      .map((name) => `--${name}`)
      .concat('--help')
      .join(', ');
    const message =
      (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional argument.*$/, '') ?? 'bad arguments';
    throw new CliError('E_USAGE', `${message} for \`hookpack ${command}\`; valid flags: ${valid}`, { cause: error });
  }
}
