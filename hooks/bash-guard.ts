/**
 * Denies destructive or exfiltrating shell commands (rm -rf on / or ~, force pushes to main,
 * curl | sh, writes to /etc or disk devices, mkfs, fork bombs, sudo) and asks the user about
 * those that are often intended but lose work (git reset --hard, rm -rf of the project root).
 * It parses the command (lib/shell) so quoting, wrappers and nesting do not hide anything.
 * Rules: lib/guards/bash-rules.default.ts; users add, relax or re-grade them in
 * ~/.config/hookpack/bash-guard.json, projects may only add or make stricter
 * (lib/guards/bash-guard-config.ts).
 */
import { ask, defineHook, deny } from 'hookpack';
import { analyzeCommand } from 'hookpack/guards/bash-guard.ts';
import { loadBashGuardPolicy } from 'hookpack/guards/bash-guard-config.ts';
import { tempRoots } from 'hookpack/guards/bash-path-targets.ts';
import { configuredSecretFileTest } from 'hookpack/guards/bash-secret-files.ts';

export default defineHook({
  event: 'PreToolUse',
  matcher: 'Bash',
  timeout: 5,
  onError: 'block',
  run(input, ctx) {
    const cwd = typeof input.cwd === 'string' && input.cwd !== '' ? input.cwd : ctx.cwd;
    const { home, env } = ctx;
    const policy = loadBashGuardPolicy(cwd, { home, env, debug: ctx.debug });
    const temp = tempRoots(env.TMPDIR);
    const verdict = analyzeCommand(input.tool_input.command, {
      home,
      cwd,
      temp,
      ...policy,
      secretFiles: configuredSecretFileTest(cwd, home, ctx.debug, env),
    });
    if (verdict === undefined) return undefined;
    // `ask` hands the decision to the user (what the client then does: README, bash-guard).
    return verdict.severity === 'ask' ? ask(verdict.reason) : deny(verdict.reason);
  },
});
