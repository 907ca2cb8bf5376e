import type { OptionSpec } from './args.ts';
import type { Io } from './io.ts';

/** One `hookpack <name>` subcommand. */
export interface Command {
  name: string;
  /** One line for `hookpack --help`. */
  summary: string;
  /** The usage line(s) and flag descriptions for `hookpack <name> --help`. */
  help: string;
  options: OptionSpec;
  /** Whether the command takes positional arguments (e.g. `hookpack test <hook>`). */
  positionals?: boolean;
  /** Runs the command; returns its exit code. Throws CliError for usage and file problems. */
  run(args: { values: Record<string, unknown>; positionals: string[] }, io: Io): Promise<number>;
}
