// `hookpack uninstall` removes exactly the handlers install wrote: never another tool's, even in
// a matcher group it shares, and not look-alikes from other projects.
import { existsSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { projectCommand, makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

const ours = (file: string, timeout = 5) => ({ type: 'command', command: projectCommand(file), timeout });
const theirs = (command: string) => ({ type: 'command', command });

describe('hookpack uninstall', () => {
  it('removes our handlers, drops groups and events they leave empty, and keeps everything else', async () => {
    project = makeProject('uninstall-ours');
    project.write(
      `${JSON.stringify(
        {
          hooks: {
            PreToolUse: [
              { matcher: 'Bash', hooks: [theirs('./lint.sh'), ours('on-PreToolUse.cjs')] },
              { matcher: 'Bash', hooks: [ours('bash-guard.cjs')] },
              { matcher: 'Bash', hooks: [theirs('node /elsewhere/dist/notify.cjs')] },
            ],
            UserPromptSubmit: [{ hooks: [ours('prompt-context.cjs', 3)] }],
            // An event bundle this build no longer makes (on-<Event>.cjs is always ours).
            Stop: [{ hooks: [ours('on-Stop.cjs')] }],
            Notification: [{ hooks: [{ type: 'http', url: 'http://localhost/hook' }] }],
          },
        },
        null,
        2,
      )}\n`,
    );
    const run = await project.run('uninstall');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('- Stop              on-Stop.cjs  (no longer built)');
    expect(JSON.parse(project.read())).toEqual({
      hooks: {
        PreToolUse: [
          { matcher: 'Bash', hooks: [theirs('./lint.sh')] },
          { matcher: 'Bash', hooks: [theirs('node /elsewhere/dist/notify.cjs')] },
        ],
        Notification: [{ hooks: [{ type: 'http', url: 'http://localhost/hook' }] }],
      },
    });
  });

  it('with --hooks removes only those, turning a bundle that ran others into entries for the others', async () => {
    project = makeProject('uninstall-some');
    await project.run('install');
    const run = await project.run('uninstall', '--hooks', 'bash-guard');
    expect(run.code).toBe(0);
    const hooks = JSON.parse(project.read()).hooks;
    expect(hooks.PreToolUse).toEqual([{ matcher: 'Edit|Write', hooks: [ours('file-guard.cjs', 4)] }]);
    expect(hooks.UserPromptSubmit).toEqual([{ hooks: [ours('prompt-context.cjs', 3)] }]);
  });

  it('says there is nothing to do, and writes nothing, when none of ours is installed', async () => {
    project = makeProject('uninstall-none');
    const original = '{ "hooks": { "Stop": [] } }\n';
    project.write(original);
    const run = await project.run('uninstall');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('nothing to uninstall: .claude/settings.json (project scope) has no hookpack entries\n');
    expect(project.read()).toBe(original);
  });

  it('works without a build (event bundles and bundles of hooks/<name>.ts are known by name)', async () => {
    project = makeProject('uninstall-no-build');
    await project.run('install');
    rmSync(`${project.dir}/dist`, { recursive: true });
    project.write('export default {};\n', `${project.dir}/hooks/prompt-context.ts`);
    const run = await project.run('uninstall');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // install created the file, so uninstall deletes it.
    expect(existsSync(project.settings)).toBe(false);
  });

  it('prints a diff and writes nothing with --dry-run', async () => {
    project = makeProject('uninstall-dry');
    await project.run('install', '--hooks', 'prompt-context');
    const before = project.read();
    const run = await project.run('uninstall', '--dry-run');
    // install created the file: uninstall would delete it.
    expect(run.stdout).toMatch(/^--- a\/\.claude\/settings\.json\n\+\+\+ \/dev\/null\n@@ -1,15 \+0,0 @@\n-\{\n/);
    expect(run.stderr).toBe('dry run: .claude/settings.json not deleted\n');
    expect(project.read()).toBe(before);
  });
});
