import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { packageRoot } from './package-root.ts';

type Compiled = { path: string; compiled: boolean } | { reason: string };

// build/ is ES modules: imported when asked for, by a URL computed at run time (as cli/commands/build.ts does).
const importModule = (specifier: string): Promise<unknown> => import(specifier);

/**
 * Compiles the warm client (native/warm-client.c) into `<distDir>/warm/` with the system's C
 * compiler, wired to this package's daemon (dist/daemon.cjs); `{ reason }` when it can't be.
 */
export async function compileWarmClient(distDir: string, env: NodeJS.ProcessEnv): Promise<Compiled> {
  const file = join(packageRoot(), 'build', 'warm-client.mjs');
  try {
    const module = (await importModule(pathToFileURL(file).href)) as {
      compileWarmClient(distDir: string, options: { env: NodeJS.ProcessEnv }): Compiled;
    };
    return module.compileWarmClient(distDir, { env });
  } catch (error) {
    return { reason: `cannot compile the warm client: ${(error as Error).message}` };
  }
}

/**
 * `--warm` never writes into a committed settings file: the client is a binary of this machine
 * (its directory is git-ignored), and a teammate's clone would run a command that isn't there.
 */
export function refuseWarmInCommitted(target: { committed: boolean; label: string }): void {
  if (target.committed)
    throw new CliError(
      'E_USAGE',
      `--warm writes a command that runs a program compiled on this machine, and ${target.label} is committed with the project: use --scope local (settings.local.json) or --scope user; nothing was changed`,
    );
}

/** The client compiled into `<dir>/warm/`, or a note saying why not and what is written instead (`plain`), and false. */
export async function warmClientOrNote(dir: string, io: Io, plain: string): Promise<boolean> {
  const client = await compileWarmClient(dir, io.env);
  if (!('reason' in client)) return true;
  io.err(`hookpack: --warm: ${client.reason}; ${plain}\n`);
  return false;
}
