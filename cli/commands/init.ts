import HOOK_COMPILER_OPTIONS from '../../build/hooks-compiler-options.json';
import { createNew, ensureHooksDir } from '../hooks-dir.ts';
import { join, relative } from 'node:path';
import type { Command } from '../command.ts';
import { CliError, EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import { locateProject } from '../project.ts';
import { parseScope } from '../settings/scope.ts';

/** The example hook `init` writes: small, complete, and useful as it is. */
export const EXAMPLE_HOOK = `// An example hook: edit it, or delete it once you have your own. Build with \`npx hookpack build\`.
import { defineHook, deny } from 'hookpack';

export default defineHook({
  event: 'PreToolUse',
  matcher: 'Bash',
  timeout: 5,
  run({ tool_input }) {
    if (/\\bnpm\\s+publish\\b/.test(tool_input.command)) {
      return deny('Releases are published by CI: push a version tag instead of running npm publish.');
    }
  },
});
`;

/** What an editor needs to type-check hook files here (the build checks with the same settings). */
export const HOOKS_TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: HOOK_COMPILER_OPTIONS,
    include: ['*.ts'],
  },
  null,
  2,
)}\n`;

async function run({ values }: { values: Record<string, unknown> }, io: Io): Promise<number> {
  const scope = parseScope(values.scope);
  const project = locateProject(io, { scope });
  if (project.kind === 'repository')
    throw new CliError(
      'E_USAGE',
      `${project.root} is hookpack's own repository (hooks/ and dist/); run hookpack init in your project instead`,
    );
  const show = (path: string) => relative(io.cwd, path) || '.';
  const made: string[] = [];
  const kept: string[] = [];
  if (ensureHooksDir(project.hooksDir, show(project.hooksDir))) made.push(`${show(project.hooksDir)}/`);
  const files: [string, string][] = [
    [join(project.hooksDir, 'no-publish.ts'), EXAMPLE_HOOK],
    [join(project.hooksDir, 'tsconfig.json'), HOOKS_TSCONFIG],
    // The bundles are committed: a common `dist/` line in the project's .gitignore must not drop them.
    ...(scope === 'user' ? [] : [[join(project.hooksDir, '.gitignore'), '!dist/\n'] as [string, string]]),
  ];
  for (const [path, content] of files) (createNew(path, content, show(path)) ? made : kept).push(show(path));
  const user = scope === 'user';
  const next = user
    ? [
        '  npx hookpack add --scope user bash-guard file-guard   # the shipped guards (add --list shows all)',
        '  npx hookpack build --scope user                       # bundles into ~/.claude/hooks/dist/',
        '  npx hookpack install --scope user                     # wires them into ~/.claude/settings.json',
      ]
    : [
        '  npx hookpack add bash-guard file-guard   # the shipped guards (hookpack add --list shows all)',
        '  npx hookpack build                       # bundles into .claude/hooks/dist/',
        '  npx hookpack install                     # wires them into .claude/settings.json',
        '  git add .claude && git commit            # teammates then need only node',
      ];
  const lines = [
    ...made.map((m) => `created ${m}`),
    ...kept.map((k) => `kept    ${k} (already there)`),
    '',
    'next:',
    ...next,
    '',
  ];
  io.out(lines.join('\n'));
  return EXIT.OK;
}

/** `hookpack init`: a hooks directory with one example hook and what an editor needs for types. */
export const initCommand: Command = {
  name: 'init',
  summary: 'create .claude/hooks/ with an example TypeScript hook',
  help: [
    'usage: hookpack init [--scope project|user]',
    '',
    'Creates .claude/hooks/ in the project around the current directory (if missing), an example',
    'hook (no-publish.ts) and a tsconfig.json for editors. Never overwrites a file.',
    '',
    '  --scope user   ~/.claude/hooks instead (hooks for every project)',
  ].join('\n'),
  options: { scope: { type: 'string' } },
  run,
};
