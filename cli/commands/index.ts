// Every subcommand, in the order `hookpack --help` lists them.
import type { Command } from '../command.ts';
import { addCommand } from './add.ts';
import { adoptCommand } from './adopt.ts';
import { buildCommand } from './build.ts';
import { daemonCommand } from './daemon.ts';
import { doctor } from './doctor.ts';
import { initCommand } from './init.ts';
import { installCommand } from './install.ts';
import { listCommand } from './list.ts';
import { pluginCommand } from './plugin.ts';
import { profile } from './profile.ts';
import { stats } from './stats.ts';
import { test } from './test.ts';
import { disableCommand, enableCommand } from './toggle.ts';
import { uninstallCommand } from './uninstall.ts';

export const commands: Command[] = [
  initCommand,
  addCommand,
  buildCommand,
  installCommand,
  uninstallCommand,
  adoptCommand,
  pluginCommand,
  listCommand,
  enableCommand,
  disableCommand,
  doctor,
  test,
  profile,
  stats,
  daemonCommand,
];
