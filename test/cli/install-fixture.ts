// A temp project with a hand-made dist/ (manifest + stub bundles), so the install, uninstall, list
// and toggle tests never depend on the real build, which other work may be changing.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { disableCommand, enableCommand } from '../../cli/commands/toggle.ts';
import { installCommand } from '../../cli/commands/install.ts';
import { listCommand } from '../../cli/commands/list.ts';
import { uninstallCommand } from '../../cli/commands/uninstall.ts';
import type { Manifest } from '../../cli/settings/manifest.ts';
import { cleanEnv, runCli, tempDir, writeFile, type CliRun } from './_helpers.ts';

export const COMMANDS = [installCommand, uninstallCommand, listCommand, enableCommand, disableCommand];

/** Two guards sharing PreToolUse (so an event bundle) and one fail-open prompt hook alone on its event. */
export const MANIFEST: Manifest = {
  name: 'hookpack',
  version: '0.1.0',
  hooks: [
    { name: 'bash-guard', event: 'PreToolUse', matcher: 'Bash', timeout: 5, onError: 'block', file: 'bash-guard.cjs' },
    {
      name: 'file-guard',
      event: 'PreToolUse',
      matcher: 'Edit|Write',
      timeout: 4,
      onError: 'block',
      file: 'file-guard.cjs',
    },
    {
      name: 'prompt-context',
      event: 'UserPromptSubmit',
      matcher: null,
      timeout: 3,
      onError: 'allow',
      file: 'prompt-context.cjs',
    },
  ],
  events: [
    {
      event: 'PreToolUse',
      hooks: ['bash-guard', 'file-guard'],
      matcher: 'Bash|Edit|Write',
      timeout: 5,
      onError: 'block',
      file: 'on-PreToolUse.cjs',
    },
    {
      event: 'UserPromptSubmit',
      hooks: ['prompt-context'],
      matcher: null,
      timeout: 3,
      onError: 'allow',
      file: 'on-UserPromptSubmit.cjs',
    },
  ],
};

/** A project: `<dir>/project` with dist/, HOME and HOOKPACK_HOME beside it; `run` drives the CLI in it. */
export interface Project {
  root: string;
  dir: string;
  env: NodeJS.ProcessEnv;
  settings: string;
  run(...argv: string[]): Promise<CliRun>;
  read(path?: string): string;
  write(content: string, path?: string): string;
  cleanup(): void;
}

export function makeProject(prefix: string, manifest: Manifest = MANIFEST, extraEnv: NodeJS.ProcessEnv = {}): Project {
  const { dir: root, cleanup } = tempDir(prefix);
  const dir = join(root, 'project');
  const dist = join(dir, 'dist');
  mkdirSync(join(root, 'home'), { recursive: true });
  writeFile(join(dist, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const entry of [...manifest.hooks, ...manifest.events])
    writeFile(join(dist, entry.file), '#!/usr/bin/env node\n');
  const env = cleanEnv(root, extraEnv);
  const settings = join(dir, '.claude', 'settings.json');
  return {
    root,
    dir,
    env,
    settings,
    run: (...argv) => runCli(COMMANDS, argv, { cwd: dir, env }),
    read: (path = settings) => readFileSync(path, 'utf8'),
    write: (content, path = settings) => writeFile(path, content),
    cleanup,
  };
}

/** The command install writes for a bundle in project scope. */
export const projectCommand = (file: string) =>
  `env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/dist/${file}${failsClosed(file) ? ' || exit 2' : ''}`;

/** Whether install ends this bundle's command with `|| exit 2` (it runs a fail-closed hook). */
export const failsClosed = (file: string) =>
  [...MANIFEST.hooks, ...MANIFEST.events].some((entry) => entry.file === file && entry.onError === 'block');
