// Event bundles by default where an event has several hooks; --per-hook and --per-event force a
// layout, and switching replaces our old entries for that event.
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

type Group = { matcher?: string; hooks: { command: string; timeout?: number }[] };
const layout = (text: string) =>
  Object.fromEntries(
    Object.entries(JSON.parse(text).hooks as Record<string, Group[]>).map(([event, groups]) => [
      event,
      groups.map(
        (g) =>
          `${g.matcher ?? '*'} ${g.hooks.map((h) => `${h.command.replace(/.*\//, '')}${h.timeout === undefined ? '' : ` ${h.timeout}s`}`).join(' + ')}`,
      ),
    ]),
  );

describe('hookpack install layouts', () => {
  it('bundles an event with several hooks and installs a lone hook as itself by default', async () => {
    project = makeProject('install-auto');
    await project.run('install');
    expect(layout(project.read())).toEqual({
      PreToolUse: ['Bash|Edit|Write on-PreToolUse.cjs || exit 2 5s'],
      UserPromptSubmit: ['* prompt-context.cjs 3s'],
    });
  });

  it('installs one entry per hook with --per-hook, each with its own matcher and timeout', async () => {
    project = makeProject('install-per-hook');
    await project.run('install', '--per-hook');
    expect(layout(project.read())).toEqual({
      PreToolUse: ['Bash bash-guard.cjs || exit 2 5s', 'Edit|Write file-guard.cjs || exit 2 4s'],
      UserPromptSubmit: ['* prompt-context.cjs 3s'],
    });
  });

  it('installs bundles everywhere with --per-event', async () => {
    project = makeProject('install-per-event');
    await project.run('install', '--per-event');
    expect(layout(project.read())).toEqual({
      PreToolUse: ['Bash|Edit|Write on-PreToolUse.cjs || exit 2 5s'],
      UserPromptSubmit: ['* on-UserPromptSubmit.cjs 3s'],
    });
  });

  it('replaces our entries of an event when the layout switches, in the place they had', async () => {
    project = makeProject('install-switch');
    project.write(
      `${JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Read', hooks: [{ type: 'command', command: './before.sh' }] }] } }, null, 2)}\n`,
    );
    await project.run('install', '--per-hook');
    const run = await project.run('install');
    expect(run.stdout).toContain('- PreToolUse  bash-guard.cjs  runs bash-guard\n');
    expect(run.stdout).toContain('- PreToolUse  file-guard.cjs  runs file-guard\n');
    expect(run.stdout).toContain('+ PreToolUse  on-PreToolUse.cjs  runs bash-guard, file-guard, timeout 5 s\n');
    expect(layout(project.read()).PreToolUse).toEqual([
      'Read before.sh',
      'Bash|Edit|Write on-PreToolUse.cjs || exit 2 5s',
    ]);
    await project.run('install', '--per-hook');
    expect(layout(project.read()).PreToolUse).toEqual([
      'Read before.sh',
      'Bash bash-guard.cjs || exit 2 5s',
      'Edit|Write file-guard.cjs || exit 2 4s',
    ]);
  });

  it('installs only --hooks, and keeps what is installed when adding more', async () => {
    project = makeProject('install-some');
    await project.run('install', '--hooks', 'bash-guard');
    expect(layout(project.read())).toEqual({ PreToolUse: ['Bash bash-guard.cjs || exit 2 5s'] });
    await project.run('install', '--hooks', 'prompt-context');
    expect(layout(project.read())).toEqual({
      PreToolUse: ['Bash bash-guard.cjs || exit 2 5s'],
      UserPromptSubmit: ['* prompt-context.cjs 3s'],
    });
    // With both PreToolUse hooks selected the event gets its bundle.
    await project.run('install', '--hooks', 'file-guard');
    expect(layout(project.read()).PreToolUse).toEqual(['Bash|Edit|Write on-PreToolUse.cjs || exit 2 5s']);
  });

  it('refuses --per-event for part of an event, and both layout flags at once', async () => {
    project = makeProject('install-bad-layout');
    const partial = await project.run('install', '--per-event', '--hooks', 'bash-guard');
    expect(partial.code).toBe(2);
    expect(partial.stderr).toBe(
      'hookpack: --per-event installs on-PreToolUse.cjs, which runs every PreToolUse hook (bash-guard, file-guard), but only bash-guard is selected; add the others to --hooks or drop --per-event\n',
    );
    const both = await project.run('install', '--per-event', '--per-hook');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--per-event and --per-hook contradict each other');
  });

  it('names the known hooks when --hooks names an unknown one', async () => {
    project = makeProject('install-unknown');
    const run = await project.run('install', '--hooks', 'bash-gaurd');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^hookpack: unknown hook `bash-gaurd` in --hooks; built hooks: bash-guard, file-guard, prompt-context /,
    );
  });
});
