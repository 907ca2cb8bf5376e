import { createNew, ensureHooksDir } from '../hooks-dir.ts';
import { join, relative } from 'node:path';
import type { Command } from '../command.ts';
import { CliError, EXIT } from '../errors.ts';
import type { Io } from '../io.ts';
import { locateProject } from '../project.ts';
import { parseScope } from '../settings/scope.ts';
import { SHIPPED_HOOKS, shippedEntrySource } from '../shipped-hooks.ts';

function listing(): string {
  const width = Math.max(...SHIPPED_HOOKS.map((h) => h.name.length));
  return `${SHIPPED_HOOKS.map((h) => `${h.name.padEnd(width)}  ${h.event.padEnd(16)}  ${h.summary}`).join('\n')}\n`;
}

async function run(
  { values, positionals }: { values: Record<string, unknown>; positionals: string[] },
  io: Io,
): Promise<number> {
  if (values.list === true) {
    io.out(listing());
    return EXIT.OK;
  }
  const valid = SHIPPED_HOOKS.map((h) => h.name).join(', ');
  if (positionals.length === 0)
    throw new CliError(
      'E_USAGE',
      `\`hookpack add\` needs hook names; shipped hooks: ${valid} (hookpack add --list describes them)`,
    );
  const names = [
    ...new Set(
      positionals
        .flatMap((p) => p.split(','))
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = names.filter((n) => !SHIPPED_HOOKS.some((h) => h.name === n));
  if (unknown.length > 0)
    throw new CliError(
      'E_USAGE',
      `unknown shipped hook ${unknown.map((n) => `\`${n}\``).join(', ')}; shipped hooks: ${valid}`,
    );
  const project = locateProject(io, { scope: parseScope(values.scope) });
  if (project.kind === 'repository')
    throw new CliError(
      'E_USAGE',
      `${project.root} is hookpack's own repository, where the shipped hooks live in hooks/; run hookpack add in your project`,
    );
  const show = (path: string) => relative(io.cwd, path) || '.';
  ensureHooksDir(project.hooksDir, show(project.hooksDir));
  const lines: string[] = [];
  for (const name of names) {
    const path = join(project.hooksDir, `${name}.ts`);
    lines.push(
      createNew(path, shippedEntrySource(name), show(path))
        ? `added   ${show(path)}`
        : `kept    ${show(path)} (already there)`,
    );
  }
  const flag = project.kind === 'user' ? ' --scope user' : '';
  lines.push('', `next: npx hookpack build${flag}, then npx hookpack install${flag}`, '');
  io.out(lines.join('\n'));
  return EXIT.OK;
}

/** `hookpack add`: shipped hooks into the project's hooks, as one-line entry files. */
export const addCommand: Command = {
  name: 'add',
  summary: 'add shipped hooks (bash-guard, file-guard, …) to .claude/hooks/',
  help: [
    'usage: hookpack add <name>... [--scope project|user]',
    '       hookpack add --list',
    '',
    'Writes .claude/hooks/<name>.ts, one line that re-exports the shipped hook from the package',
    '(its source is not copied: upgrading hookpack upgrades it at the next build). Delete the file',
    'and build again to remove it. Never overwrites a file.',
    '',
    '  --list         the shipped hooks, a line each',
    '  --scope user   ~/.claude/hooks instead',
  ].join('\n'),
  options: { list: { type: 'boolean' }, scope: { type: 'string' } },
  positionals: true,
  run,
};
