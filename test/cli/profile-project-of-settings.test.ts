// Which project `profile --settings PATH` runs hooks in: the one whose .claude/ holds the file;
// for the user's own settings, the managed file or a file elsewhere, the current one.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profileProject } from '../../cli/profile/settings-project.ts';
import { tempDir } from './_helpers.ts';

const { dir, cleanup } = tempDir('profile-project-of');
afterAll(cleanup);
const home = join(dir, 'home');
const here = join(dir, 'here');
const there = join(dir, 'there');
for (const d of [join(home, '.claude'), join(here, '.claude'), join(there, '.claude'), join(dir, 'loose')])
  mkdirSync(d, { recursive: true });
const io = (env: NodeJS.ProcessEnv = {}) => ({ cwd: join(here), env: { HOME: home, ...env } });

describe('the project of profile --settings', () => {
  it.each([
    [
      "another project's settings.json",
      join(there, '.claude', 'settings.json'),
      {},
      there,
      'the --settings file is in its .claude/',
    ],
    [
      "another project's settings.local.json, given relative",
      '../there/.claude/settings.local.json',
      {},
      there,
      'the --settings file is in its .claude/',
    ],
    [
      "the user's own settings",
      join(home, '.claude', 'settings.json'),
      {},
      here,
      'the --settings file is in no project: the current one',
    ],
    [
      'a file outside any .claude/',
      join(dir, 'loose', 'settings.json'),
      {},
      here,
      'the --settings file is in no project: the current one',
    ],
    ['no --settings', undefined, {}, here, 'found from the current directory'],
    ['no --settings, $CLAUDE_PROJECT_DIR set', undefined, { CLAUDE_PROJECT_DIR: there }, there, '$CLAUDE_PROJECT_DIR'],
    [
      '--settings over $CLAUDE_PROJECT_DIR',
      join(there, '.claude', 'settings.json'),
      { CLAUDE_PROJECT_DIR: here },
      there,
      'the --settings file is in its .claude/',
    ],
  ])('%s', (_, settings, env, project, how) => {
    expect(profileProject(io(env), settings)).toEqual({ project, how });
  });
});
