import { basename } from 'node:path';
import { EXIT_2_BLOCKS } from '../../lib/events.ts';
import type { HookProgram } from './hook-program.ts';

/** The exit code the interpreter gives when its script file is missing (measured: python3, perl, dash 2; node 1; bash, ruby 127). */
export function missingScriptExit(program: HookProgram): number {
  const name = basename(program.interpreter ?? '');
  if (program.family === 'python' || program.family === 'perl') return 2;
  if (program.family === 'node') return 1;
  if (program.family === 'shell') return name === 'sh' || name === 'dash' ? 2 : 127;
  return 127;
}

/** What Claude Code makes of a hook that exits `code` without answering, on `event`. */
export function consequence(code: number, event: string): string {
  if (event === 'WorktreeCreate') return `the hook exits ${code}, and any non-zero exit fails the worktree creation`;
  if (code === 2 && EXIT_2_BLOCKS.includes(event))
    return `the hook exits 2, which Claude Code reads as "block": every ${event} is blocked with the interpreter's error message`;
  return `the hook exits ${code} and Claude Code carries on as if it had said nothing (a guard fails open)`;
}
