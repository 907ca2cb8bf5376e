import { basename } from 'node:path';
import { writtenWords } from '../shell-words.ts';

/** Programs that run a script: the script, not the program, names the hook. */
const RUNNERS =
  /^(env|exec|command|nice|nohup|time|timeout|python[0-9.]*|pypy[0-9.]*|uv|uvx|pipx|poetry|run|node|nodejs|bun|deno|tsx|ts-node|npx|pnpm|yarn|sh|bash|zsh|dash|fish|ruby|perl|php|osascript)$/;
const SCRIPT = /\.(py|sh|bash|zsh|js|mjs|cjs|ts|mts|rb|pl|php)$/;

/** `guard.py` → `guard`: lower case, only `a-z 0-9 . _ -`, at most 40 characters; '' when nothing is left. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(SCRIPT, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 40);
}

/**
 * A readable name for an adopted command: its script's file name without extension
 * (`python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/guard.py` → `guard`), else the program's
 * (`./check-branch` → `check-branch`), else `hook`.
 */
export function scriptName(command: string, args: readonly string[] | undefined): string {
  // Quoted words are split again: `bash -c ".claude/hooks/stop.sh && echo done"` names `stop`.
  const all = [...writtenWords(command), ...(args ?? [])].flatMap((w) =>
    w.replace(/\$\{?CLAUDE_PROJECT_DIR\}?/g, '').split(/\s+/),
  );
  const plain = all.filter(
    (w) => w !== '' && !w.startsWith('-') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) && !/^[;&|<>()]+$/.test(w),
  );
  const script = plain.find((w) => SCRIPT.test(w) && !RUNNERS.test(basename(w)));
  const program = plain.find((w) => !RUNNERS.test(basename(w)));
  return slug(basename(script ?? program ?? '')) || 'hook';
}

/** `name`, or `name-2`, `name-3` … when it is taken. */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
  taken.add(candidate);
  return candidate;
}
