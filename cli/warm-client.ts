import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
