import { builtin } from './builtin.ts';

/**
 * The user's home directory: `$HOME` when set (every POSIX hook has it), else `os.homedir()`,
 * loaded only then: node:os costs a module load at every hook start. '' when there is none (no
 * HOME and no passwd entry for this uid, as for some container users): no home-relative paths.
 */
export function homeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HOME) return env.HOME;
  try {
    return builtin<typeof import('node:os')>('node:os').homedir();
  } catch {
    return '';
  }
}
