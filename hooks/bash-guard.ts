/**
 * Denies destructive or exfiltrating shell commands (rm -rf on / or ~, force pushes to main,
 * curl | sh, writes to /etc or disk devices, mkfs, fork bombs, sudo) and asks the user about
 * those that are often intended but lose work (git reset --hard, rm -rf of the project root).
 * It parses the command (lib/shell) so quoting, wrappers and nesting do not hide anything.
 * Rules: lib/guards/bash-rules.default.ts; users add, relax or re-grade them in
 * ~/.config/hookpack/bash-guard.json, projects may only add or make stricter
 * (lib/guards/bash-guard-config.ts). Everyday lines are let through by a quick check
 * (lib/guards/bash-quick.ts) before the analysis is even loaded.
 */
import { ask, defineHook, deny } from 'hookpack';
import { judgeCommand } from 'hookpack/guards/bash-judge.lazy.ts';
import { quickAllows } from 'hookpack/guards/bash-quick.ts';

export default defineHook({
  event: 'PreToolUse',
  matcher: 'Bash',
  timeout: 5,
  onError: 'block',
  run(input, ctx) {
    const cwd = typeof input.cwd === 'string' && input.cwd !== '' ? input.cwd : ctx.cwd;
    const { home, env } = ctx;
    const command = input.tool_input.command;
    // Everyday lines (`ls`, `git status`, `echo x > out.txt`) need none of the analysis, and the
    // bundle then never loads it: it is a chunk of its own (bash-judge.lazy.ts).
    if (quickAllows(command, { cwd, home, env })) return undefined;
    const verdict = judgeCommand(command, { cwd, home, env, debug: ctx.debug });
    if (verdict === undefined) return undefined;
    // `ask` hands the decision to the user (what the client then does: README, bash-guard).
    return verdict.severity === 'ask' ? ask(verdict.reason) : deny(verdict.reason);
  },
});
