/**
 * Keeps Claude out of secrets (.env, private keys, cloud credentials, ~/.ssh) and off generated
 * files (.git internals, lock files). Rules: lib/guards/file-guard-rules.ts; users add or relax
 * them in ~/.config/hookpack/file-guard.json, projects may only add (lib/guards/file-guard-config.ts).
 */
import { defineHook, deny } from '../lib/index.ts';
import { homeDir } from '../lib/runtime/clock.ts';
import { loadConfigLayers } from '../lib/config.ts';
import { checkFileAccess, compileFileRules } from '../lib/guards/file-guard.ts';
import { mergeFileGuardConfig } from '../lib/guards/file-guard-config.ts';
import { denialMessage } from '../lib/guards/file-guard-message.ts';
import { BUILTIN_FILE_RULES } from '../lib/guards/file-guard-rules.ts';
import { filePathOf } from '../lib/guards/file-guard-tools.ts';

export default defineHook({
  event: 'PreToolUse',
  matcher: 'Edit|Write|MultiEdit|NotebookEdit|Read',
  timeout: 5,
  onError: 'block',
  run(input, ctx) {
    const path = filePathOf(input.tool_name, input.tool_input);
    if (path === undefined) return undefined;
    const cwd = typeof input.cwd === 'string' && input.cwd !== '' ? input.cwd : process.cwd();
    const home = homeDir();
    const { rules, allow } = mergeFileGuardConfig(BUILTIN_FILE_RULES, loadConfigLayers('file-guard', cwd), ctx.debug);
    const denial = checkFileAccess({ tool: input.tool_name, path, cwd, home, rules: compileFileRules(rules, { home, allow }) });
    return denial && deny(denialMessage(denial, { cwd, home }));
  },
});
