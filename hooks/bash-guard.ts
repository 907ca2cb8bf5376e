/**
 * Denies destructive or exfiltrating shell commands: rm -rf on / or ~, force pushes to main,
 * curl | sh, writes to /etc or disk devices, mkfs, fork bombs, sudo. It parses the command
 * (lib/shell) so quoting, wrappers and nesting do not hide anything. Rules:
 * lib/guards/bash-rules.default.ts; users add or relax them in ~/.config/hookpack/bash-guard.json,
 * projects may only add (lib/guards/bash-guard-config.ts).
 */
import { defineHook, deny } from '../lib/index.ts';
import { homeDir } from '../lib/runtime/clock.ts';
import { analyzeCommand } from '../lib/guards/bash-guard.ts';
import { loadBashGuardPolicy } from '../lib/guards/bash-guard-config.ts';
import { configuredSecretFileTest } from '../lib/guards/bash-secret-files.ts';

export default defineHook({
  event: 'PreToolUse',
  matcher: 'Bash',
  timeout: 5,
  onError: 'block',
  run(input, ctx) {
    const cwd = typeof input.cwd === 'string' && input.cwd !== '' ? input.cwd : process.cwd();
    const home = homeDir();
    const policy = loadBashGuardPolicy(cwd, { home, debug: ctx.debug });
    const verdict = analyzeCommand(input.tool_input.command, { home, cwd, ...policy, secretFiles: configuredSecretFileTest(cwd, home, ctx.debug) });
    return verdict && deny(verdict.reason);
  },
});
