import { basename, dirname, join } from 'node:path';
import { readTable, tableFileName, type AdoptedHook } from '../../lib/adopt/table.ts';
import { skipReason } from '../../lib/runtime/switches.ts';
import type { Io } from '../io.ts';
import { SCOPES, settingsPath, type Scope } from '../settings/scope.ts';
import { togglePath } from '../settings/toggles.ts';

/** An adopted hook and the settings file (scope) it was adopted from. */
export interface KnownAdopted extends AdoptedHook {
  scope: Scope;
}

/** Every hook `hookpack adopt` moved under hookpack in this project's and the user's settings files (unreadable tables are skipped). */
export function knownAdopted(projectDir: string, io: Io): KnownAdopted[] {
  return SCOPES.flatMap((scope) => {
    try {
      const settings = settingsPath(scope, projectDir, io);
      const table = readTable(join(dirname(settings), 'hookpack', tableFileName(basename(settings))));
      return table.hooks.map((hook) => ({ ...hook, scope }));
    } catch {
      return [];
    }
  });
}

/** Whether an adopted hook runs now, by the runtime's own rules, and if not, why. */
export function adoptedState(hook: AdoptedHook, projectDir: string, io: Io): { on: boolean; why?: string } {
  const reason = skipReason(hook.name, hook.guard, { ...io.env, CLAUDE_PROJECT_DIR: projectDir }, hook.event);
  if (reason === undefined) return { on: true };
  if (reason === 'HOOKPACK=0' || reason === 'HOOKPACK_SKIP') return { on: false, why: `env ${reason}` };
  return { on: false, why: `${reason === togglePath('user', projectDir, io.env) ? 'user' : 'project'} toggle` };
}
