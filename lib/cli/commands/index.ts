// Every subcommand, in the order `hookpack --help` lists them.
import type { Command } from '../command.ts';

export const commands: Command[] = [];
