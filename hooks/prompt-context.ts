/**
 * Adds the project notes that matter to this prompt: knowledge checks, anti-patterns and scratch
 * files whose keywords meet the prompt's words, most relevant first, within `maxChars` (4,000).
 * Nothing relevant, no output. Formats and config: lib/context/knowledge-checks.ts,
 * lib/context/anti-patterns.ts, lib/context/scratch-notes.ts, lib/context/prompt-context-config.ts.
 */
import { addContext, defineHook } from 'hookpack';
import { loadConfigLayers } from 'hookpack/config.ts';
import { resolvePromptContextConfig } from 'hookpack/context/prompt-context-config.ts';
import { promptNotes } from 'hookpack/context/prompt-notes.ts';

export default defineHook({
  event: 'UserPromptSubmit',
  timeout: 5,
  onError: 'allow',
  run({ prompt, cwd }, ctx) {
    const project = ctx.env.CLAUDE_PROJECT_DIR || cwd;
    const config = resolvePromptContextConfig(loadConfigLayers('prompt-context', project, ctx.env), project, ctx.debug);
    const notes = promptNotes(prompt, config, project, ctx.debug);
    if (notes === undefined) return undefined;
    if (notes.omitted > 0)
      ctx.debug(`${notes.omitted} relevant entries left out to stay within ${config.maxChars} characters`);
    return addContext(notes.text);
  },
});
