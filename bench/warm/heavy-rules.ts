// The bench's heavy hook (bench/warm.mjs): a PreToolUse Bash guard that loads a 2 MB rule file
// and compiles it before its first answer, as hooks with a big rule set or a project model do.
// Cold, every call pays that load; on the warm path the daemon pays it once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineHook, deny } from 'hookpack';

declare const __dirname: string;

let rules: Array<{ id: string; pattern: RegExp }> | undefined;

function loadRules(): Array<{ id: string; pattern: RegExp }> {
  const data = JSON.parse(readFileSync(join(__dirname, 'rules.json'), 'utf8')) as Array<{
    id: string;
    words: string[];
  }>;
  return data.map((rule) => ({ id: rule.id, pattern: new RegExp(`\\b(?:${rule.words.join('|')})\\b`) }));
}

export default defineHook({
  event: 'PreToolUse',
  matcher: 'Bash',
  timeout: 10,
  run({ tool_input }) {
    rules ??= loadRules();
    const hit = rules.find((rule) => rule.pattern.test(tool_input.command));
    return hit === undefined ? undefined : deny(`rule ${hit.id} matched`);
  },
});
