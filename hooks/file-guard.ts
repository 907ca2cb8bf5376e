/**
 * Keeps Claude out of secrets (.env, private keys, cloud credentials, ~/.ssh), also through Grep
 * and Glob, and off generated files (.git internals, lock files).
 * Rules: lib/guards/file-guard-rules.ts; users add or relax
 * them in ~/.config/hookpack/file-guard.json, projects may only add (lib/guards/file-guard-config.ts).
 */
import { defineHook, deny } from 'hookpack';
import { loadConfigLayers } from 'hookpack/config.ts';
import { checkFileAccess, compileFileRules } from 'hookpack/guards/file-guard.ts';
import { mergeFileGuardConfig } from 'hookpack/guards/file-guard-config.ts';
import { denialMessage } from 'hookpack/guards/file-guard-message.ts';
import { BUILTIN_FILE_RULES } from 'hookpack/guards/file-guard-rules.ts';
import { checkSearchAccess } from 'hookpack/guards/file-guard-search.ts';
import { filePathOf, searchInputOf } from 'hookpack/guards/file-guard-tools.ts';

export default defineHook({
  event: 'PreToolUse',
  // Grep reads the files it searches; Glob and LS (older clients) list names: see file-guard-search.ts.
  matcher: 'Edit|Write|MultiEdit|NotebookEdit|Read|Grep|Glob|LS',
  timeout: 5,
  onError: 'block',
  run(input, ctx) {
    const path = filePathOf(input.tool_name, input.tool_input);
    const search = path === undefined ? searchInputOf(input.tool_name, input.tool_input) : undefined;
    if (path === undefined && search === undefined) return undefined;
    const cwd = typeof input.cwd === 'string' && input.cwd !== '' ? input.cwd : ctx.cwd;
    const home = ctx.home;
    const { rules, allow } = mergeFileGuardConfig(
      BUILTIN_FILE_RULES,
      loadConfigLayers('file-guard', cwd, ctx.env),
      ctx.debug,
    );
    const compiled = compileFileRules(rules, { home, allow });
    const denial =
      path !== undefined
        ? checkFileAccess({ tool: input.tool_name, path, cwd, home, rules: compiled })
        : checkSearchAccess({
            tool: input.tool_name,
            input: input.tool_input,
            cwd,
            home,
            rules: compiled,
            sources: rules,
          });
    return denial && deny(denialMessage(denial, { cwd, home }));
  },
});
