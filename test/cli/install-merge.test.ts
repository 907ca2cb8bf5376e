// `hookpack install` merges into existing settings: everything it did not write stays byte for
// byte, in whatever layout the file has (2 or 4 spaces, tabs, CRLF). Comments are refused
// (settings-strict-json.test.ts): Claude Code ignores a settings file that has them.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, projectCommand, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

const OTHER_TOOLS = {
  model: 'opus',
  hooks: {
    Stop: [{ hooks: [{ type: 'command', command: 'notify-send done' }] }],
    PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: './lint.sh', timeout: 30 }] }],
  },
};

describe('hookpack install into an existing settings file', () => {
  it("keeps other tools' entries byte for byte and appends one matcher group per entry, each with a timeout", async () => {
    project = makeProject('install-merge');
    const original = `${JSON.stringify(OTHER_TOOLS, null, 2)}\n`;
    project.write(original);
    const run = await project.run('install');
    expect(run.code).toBe(0);
    const text = project.read();
    // The original, cut where our text goes in, reappears unchanged around it.
    const cut = original.indexOf('\n    ]\n  }\n}');
    expect(text.startsWith(original.slice(0, cut))).toBe(true);
    expect(text.endsWith(original.slice(cut + '\n    ]'.length))).toBe(true);
    expect(JSON.parse(text)).toEqual({
      model: 'opus',
      hooks: {
        Stop: OTHER_TOOLS.hooks.Stop,
        PreToolUse: [
          ...OTHER_TOOLS.hooks.PreToolUse,
          {
            matcher: 'Bash|Edit|Write',
            hooks: [{ type: 'command', command: projectCommand('on-PreToolUse.cjs'), timeout: 5 }],
          },
        ],
        UserPromptSubmit: [{ hooks: [{ type: 'command', command: projectCommand('prompt-context.cjs'), timeout: 3 }] }],
      },
    });
    expect(run.stdout).toContain('updated .claude/settings.json (project scope)');
    expect(run.stdout).toContain('+ PreToolUse        on-PreToolUse.cjs  runs bash-guard, file-guard, timeout 5 s');
  });

  it.each([
    ['tabs', '\t', '\n'],
    ['4 spaces', '    ', '\n'],
    ['2 spaces and CRLF', '  ', '\r\n'],
  ])("writes its text in the file's own layout (%s)", async (_name, unit, eol) => {
    project = makeProject('install-layout');
    const original = JSON.stringify(OTHER_TOOLS, null, unit).split('\n').join(eol) + eol;
    project.write(original);
    expect((await project.run('install')).code).toBe(0);
    const text = project.read();
    const lines = text.split(eol);
    expect(lines.every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
    expect(lines).toContain(`${unit.repeat(2)}"UserPromptSubmit": [`);
    expect(lines).toContain(`${unit.repeat(6)}"command": ${JSON.stringify(projectCommand('prompt-context.cjs'))},`);
    expect(JSON.stringify(JSON.parse(text).hooks.Stop)).toBe(JSON.stringify(OTHER_TOOLS.hooks.Stop));
  });

  it('keeps odd formatting of other entries (one-line groups, extra spaces)', async () => {
    project = makeProject('install-odd-format');
    const original = [
      '{',
      '  "model":   "opus",',
      '  "hooks": {',
      '    "Stop": [ {"hooks":[{"type":"command","command":"notify-send done"}]} ]',
      '  }',
      '}',
      '',
    ].join('\n');
    project.write(original);
    const run = await project.run('install');
    expect(run.code).toBe(0);
    const text = project.read();
    expect(text).toContain('  "model":   "opus",\n  "hooks": {\n');
    expect(text).toContain(
      '    "Stop": [ {"hooks":[{"type":"command","command":"notify-send done"}]} ],\n    "PreToolUse": [\n',
    );
  });

  it('creates .claude/settings.json and its directory when missing', async () => {
    project = makeProject('install-create');
    const run = await project.run('install');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^created \.claude\/settings\.json \(project scope\)\n/);
    expect(JSON.parse(project.read()).hooks.PreToolUse[0].hooks[0].command).toBe(projectCommand('on-PreToolUse.cjs'));
    expect(
      project
        .read()
        .startsWith('{\n  "hooks": {\n    "PreToolUse": [\n      {\n        "matcher": "Bash|Edit|Write",\n'),
    ).toBe(true);
    expect(existsSync(`${project.settings}.bak`)).toBe(false);
  });

  it('writes .claude/settings.local.json for --scope local', async () => {
    project = makeProject('install-local');
    expect((await project.run('install', '--scope', 'local')).code).toBe(0);
    expect(JSON.parse(project.read(`${project.dir}/.claude/settings.local.json`)).hooks.UserPromptSubmit).toHaveLength(
      1,
    );
    expect(existsSync(project.settings)).toBe(false);
  });

  it('omits the matcher key for hooks without a matcher', async () => {
    project = makeProject('install-matcher');
    await project.run('install');
    expect(JSON.parse(project.read()).hooks.UserPromptSubmit[0]).toEqual({
      hooks: [{ type: 'command', command: projectCommand('prompt-context.cjs'), timeout: 3 }],
    });
  });
});
