/** The hooks hookpack ships, by name, each with what it does in one line (`hookpack add --list`). */
export const SHIPPED_HOOKS = [
  {
    name: 'bash-guard',
    event: 'PreToolUse',
    summary:
      'denies destructive shell commands (rm -rf ~, curl | sh, force pushes, sudo …) and asks before ones that lose work (git reset --hard)',
  },
  {
    name: 'file-guard',
    event: 'PreToolUse',
    summary:
      'keeps Claude out of secrets (.env, keys, cloud and agent credentials) and off generated files (.git/, lock files)',
  },
  {
    name: 'session-context',
    event: 'SessionStart',
    summary: 'starts each session with the branch, upstream distance, changed files and last commits',
  },
  {
    name: 'prompt-context',
    event: 'UserPromptSubmit',
    summary: 'adds the project notes (knowledge checks, anti-patterns, scratch files) that match the prompt',
  },
  {
    name: 'context-bundle',
    event: 'PostToolUse',
    summary: 'records every tool call of a session as JSON lines in .claude/context-bundles/',
  },
] as const;

export type ShippedHookName = (typeof SHIPPED_HOOKS)[number]['name'];

/** The one-line entry file `hookpack add <name>` writes: the hook's source stays in the package. */
export function shippedEntrySource(name: string): string {
  return [
    `// ${name}, shipped with hookpack (see its README). Delete this file and run \`hookpack build\` to remove it.`,
    `export { default } from 'hookpack/hooks/${name}';`,
    '',
  ].join('\n');
}
