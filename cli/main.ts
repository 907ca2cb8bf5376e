import { parseCommandArgs } from './args.ts';
import type { Command } from './command.ts';
import { CliError, EXIT } from './errors.ts';
import type { Io } from './io.ts';
import { terminalSafe } from './terminal-text.ts';

declare const HOOKPACK_VERSION: string;
const VERSION = typeof HOOKPACK_VERSION === 'string' ? HOOKPACK_VERSION : '0.0.0-dev';

function usage(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: hookpack <command> [flags]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `hookpack <command> --help` for its flags. Exit codes: 0 ok, 1 findings, 2 usage, 3 file problem.',
    '',
  ].join('\n');
}

/**
 * The CLI's composition root: picks the subcommand, parses its flags, runs it, and is the one
 * place where errors become exit codes and one-line messages.
 */
export async function main(argv: string[], rawIo: Io, commands: Command[]): Promise<number> {
  // Whatever a command prints, a settings file or a hook may have written part of it.
  const io = terminalSafe(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage(commands));
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return EXIT.OK;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (command === undefined) {
      throw new CliError(
        'E_USAGE',
        `unknown command \`${name}\`; valid commands: ${commands.map((c) => c.name).join(', ')}`,
      );
    }
    const args = parseCommandArgs(command.name, command.options, rest, command.positionals);
    if (args.values.help === true) {
      io.out(`${command.help.trimEnd()}\n`);
      return EXIT.OK;
    }
    return await command.run({ values: args.values as Record<string, unknown>, positionals: args.positionals }, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`hookpack: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(
      `hookpack: internal error: ${(error as Error).message ?? String(error)} (HOOKPACK_DEBUG=1 shows the stack)\n`,
    );
    if (io.env.HOOKPACK_DEBUG) io.err(`${(error as Error).stack}\n`);
    return EXIT.FINDINGS;
  }
}
