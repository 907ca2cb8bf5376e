import { basename, dirname, join, resolve } from 'node:path';
import type { ConfiguredHook } from '../layers.ts';

/**
 * Whether a hook sits in a file meant to be committed with a project: the project layer, or a
 * `--settings` file that is some project's `.claude/settings.json` (not settings.local.json, not
 * the user's own ~/.claude/settings.json). Fixes for such a file must work on every clone: no
 * absolute path of this machine (a pyenv interpreter, a home directory).
 */
export function inCommittedFile(
  hook: Pick<ConfiguredHook, 'layer' | 'path'>,
  env: NodeJS.ProcessEnv,
  home: string,
): boolean {
  if (hook.layer === 'project') return true;
  if (hook.layer !== 'settings') return false;
  const dir = dirname(resolve(hook.path));
  if (basename(hook.path) !== 'settings.json' || basename(dir) !== '.claude') return false;
  const userDirs = [join(home, '.claude'), ...(env.CLAUDE_CONFIG_DIR ? [resolve(env.CLAUDE_CONFIG_DIR)] : [])];
  return !userDirs.includes(dir);
}

/** How to skip a version manager's shim without writing this machine's interpreter path into a committed file. */
export function portableShimFix(name: string, manager: string, which: string): string {
  const venv = /^python/.test(name)
    ? `run it from a virtualenv in the project (\`"$CLAUDE_PROJECT_DIR"/.venv/bin/${name}\`; each clone makes its own .venv), or `
    : '';
  return `keep the bare \`${name}\` in this committed file (the absolute path \`${which}\` prints exists on this machine only); to skip the shim, ${venv}start Claude Code with a PATH where ${name} is not a ${manager} shim`;
}
