// `hookpack adopt` through the built CLI on a project of real python3/sh hooks: the rewritten
// settings keep matchers, `if`, order, timeouts and every other entry; its commands, run as
// Claude Code runs them, still block and still add context; --dry-run writes nothing; and
// `hookpack uninstall` gives the original file back byte for byte.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandFor, SCRIPTS } from '../lib/adopt/_adopted.ts';
import { buildCli, cleanEnv, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('adopt-roundtrip');
afterAll(cleanup);
let cli: string;
beforeAll(() => {
  cli = buildCli(join(dir, 'out'));
}, 120_000);

// Compact, hand-written, with a permissions block and other kinds of hooks: all must survive.
const ORIGINAL = `{
  "permissions": { "allow": ["Bash(ls:*)"] },
  "hooks": {
    "PreToolUse": [
      { "matcher": "Bash", "hooks": [ { "type": "command", "command": ${JSON.stringify(commandFor('guard.py'))}, "timeout": 10 } ] },
      { "matcher": "Edit|Write", "hooks": [ { "type": "http", "url": "http://127.0.0.1:9/hook" } ] },
      { "matcher": "Bash", "hooks": [ { "type": "command", "if": "Bash(git *)", "command": ${JSON.stringify(commandFor('deny.sh'))} } ] }
    ],
    "UserPromptSubmit": [
      { "hooks": [ { "type": "command", "command": ${JSON.stringify(commandFor('notes.py'))} }, { "type": "command", "command": "echo later", "async": true } ] }
    ],
    "Stop": [
      { "hooks": [ { "type": "prompt", "prompt": "Is the work done?" } ] }
    ]
  }
}
`;

function project(name: string): { root: string; settings: string } {
  const root = join(dir, name);
  for (const [file, text] of Object.entries(SCRIPTS)) writeFile(join(root, '.claude', 'hooks', file), `${text}\n`);
  writeFile(join(root, '.claude', 'hooks', 'sub', 'guard.py'), `${SCRIPTS['guard.py']}\n`);
  spawnSync('git', ['init', '-q', root]);
  const settings = writeFile(join(root, '.claude', 'settings.json'), ORIGINAL);
  return { root, settings };
}

const hookpack = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { cwd: root, env: cleanEnv(dir), encoding: 'utf8' });

/** Runs a settings command as Claude Code does: `/bin/sh -c`, the payload, EOF. */
function runEntry(root: string, command: string, payload: Record<string, unknown>) {
  const result = spawnSync('/bin/sh', ['-c', command], {
    input: `${JSON.stringify(payload)}\n`,
    cwd: root,
    env: { ...cleanEnv(dir), CLAUDE_PROJECT_DIR: root },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return {
    status: result.status,
    stderr: result.stderr,
    json: result.stdout.trim() === '' ? undefined : (JSON.parse(result.stdout) as Record<string, any>),
  };
}
const base = { session_id: 's', transcript_path: '/tmp/t.jsonl', cwd: '/tmp' };

describe('hookpack adopt on a project of python3 and sh hooks', () => {
  it('--dry-run prints the diff and writes nothing', () => {
    const { root, settings } = project('dry');
    const run = hookpack(root, 'adopt', '--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^--- a\/\.claude\/settings\.json\n\+\+\+ b\/\.claude\/settings\.json\n/);
    expect(run.stdout).toContain('+            "command": "env -u NODE_EXTRA_CA_CERTS');
    expect(readFileSync(settings, 'utf8')).toBe(ORIGINAL);
    expect(existsSync(join(root, '.claude', 'hookpack'))).toBe(false);
    expect(readdirSync(join(root, '.claude')).sort()).toEqual(['hooks', 'settings.json']);
  });

  it('keeps matchers, `if`, order, timeouts and every other entry, and says what it left alone', () => {
    const { root, settings } = project('shape');
    const run = hookpack(root, 'adopt', '--guard', 'guard');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('left hooks.PreToolUse[1].hooks[0] in .claude/settings.json as it is: a `http` hook');
    expect(run.stderr).toContain(
      'left hooks.UserPromptSubmit[0].hooks[1] in .claude/settings.json as it is: an `async` hook',
    );
    expect(run.stderr).toContain('left hooks.Stop[0].hooks[0] in .claude/settings.json as it is: a `prompt` hook');
    const after = JSON.parse(readFileSync(settings, 'utf8')) as {
      permissions: unknown;
      hooks: Record<string, Array<{ matcher?: string; hooks: Array<Record<string, unknown>> }>>;
    };
    expect(after.permissions).toEqual({ allow: ['Bash(ls:*)'] });
    const pre = after.hooks.PreToolUse ?? [];
    expect(pre.map((g) => g.matcher)).toEqual(['Bash', 'Bash', 'Edit|Write']);
    expect(pre[0]?.hooks).toEqual([
      {
        type: 'command',
        command: expect.stringMatching(
          /node "\$CLAUDE_PROJECT_DIR"\/\.claude\/hookpack\/adopt\.cjs settings\.json PreToolUse \|\| exit 2$/,
        ),
        timeout: 12,
      },
    ]);
    expect(pre[1]?.hooks).toEqual([
      {
        type: 'command',
        if: 'Bash(git *)',
        command: expect.stringMatching(/adopt\.cjs settings\.json PreToolUse deny$/),
        timeout: 62,
      },
    ]);
    expect(pre[2]?.hooks).toEqual([{ type: 'http', url: 'http://127.0.0.1:9/hook' }]);
    expect(after.hooks.UserPromptSubmit?.map((g) => g.hooks.map((h) => h.async ?? h.timeout))).toEqual([[32], [true]]);
    expect(after.hooks.Stop).toEqual([{ hooks: [{ type: 'prompt', prompt: 'Is the work done?' }] }]);
    const table = JSON.parse(readFileSync(join(root, '.claude', 'hookpack', 'adopted.settings.json'), 'utf8')) as {
      hooks: unknown[];
    };
    expect(table.hooks).toEqual([
      {
        name: 'guard',
        event: 'PreToolUse',
        matcher: 'Bash',
        command: commandFor('guard.py'),
        timeout: 10,
        guard: true,
      },
      {
        name: 'deny',
        event: 'PreToolUse',
        matcher: 'Bash',
        command: commandFor('deny.sh'),
        timeout: 60,
        guard: false,
        own: true,
      },
      { name: 'notes', event: 'UserPromptSubmit', command: commandFor('notes.py'), timeout: 30, guard: false },
    ]);
  });

  it('the rewritten commands, run as Claude Code runs them, still block and still add context', () => {
    const { root, settings } = project('runs');
    expect(hookpack(root, 'adopt', '--guard', 'guard').status).toBe(0);
    const after = JSON.parse(readFileSync(settings, 'utf8')) as {
      hooks: Record<string, Array<{ hooks: Array<{ command: string }> }>>;
    };
    const pre = after.hooks.PreToolUse?.[0]?.hooks[0]?.command ?? '';
    const blocked = runEntry(root, pre, {
      ...base,
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'rm -rf build' },
    });
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toContain('guard.py: rm -rf is not allowed here');
    expect(
      runEntry(root, pre, { ...base, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } }),
    ).toMatchObject({ status: 0, json: undefined });
    const prompt = after.hooks.UserPromptSubmit?.[0]?.hooks[0]?.command ?? '';
    expect(
      runEntry(root, prompt, { ...base, hook_event_name: 'UserPromptSubmit', prompt: 'plan?' }).json?.hookSpecificOutput
        ?.additionalContext,
    ).toBe('notes: the scratch folder holds plan.md');
  });

  it('uninstall gives the original file back byte for byte and removes the runner', () => {
    const { root, settings } = project('restore');
    expect(hookpack(root, 'adopt').status).toBe(0);
    expect(readFileSync(settings, 'utf8')).not.toBe(ORIGINAL);
    const run = hookpack(root, 'uninstall');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('restored .claude/settings.json (project scope) to its bytes before hookpack adopt');
    expect(readFileSync(settings).equals(Buffer.from(ORIGINAL))).toBe(true);
    expect(existsSync(join(root, '.claude', 'hookpack'))).toBe(false);
    expect(hookpack(root, 'uninstall').stdout).toContain('nothing to uninstall');
  });

  it('adopting again changes nothing; with another --guard it re-plans from the original, and uninstall still restores it', () => {
    const { root, settings } = project('again');
    expect(hookpack(root, 'adopt').status).toBe(0);
    expect(hookpack(root, 'adopt').stdout).toContain('already adopted in .claude/settings.json; nothing changed');
    expect(hookpack(root, 'adopt', '--guard', 'guard,notes').status).toBe(0);
    expect(readFileSync(settings, 'utf8')).toContain('UserPromptSubmit || exit 2');
    expect(hookpack(root, 'uninstall').status).toBe(0);
    expect(readFileSync(settings, 'utf8')).toBe(ORIGINAL);
  });

  it("names are the scripts' file names, made unique; --guard with another name is a usage error", () => {
    const { root, settings } = project('names');
    const twice = ORIGINAL.replace(
      JSON.stringify(commandFor('deny.sh')),
      JSON.stringify('python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/sub/guard.py'),
    );
    writeFileSync(settings, twice);
    const wrong = hookpack(root, 'adopt', '--guard', 'gaurd');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--guard gaurd: no adopted hook has that name; adopted hooks: guard, guard-2, notes/);
    expect(readFileSync(settings, 'utf8')).toBe(twice);
  });

  it('a file edited after adopt is not overwritten by uninstall, which says where the original is', () => {
    const { root, settings } = project('edited');
    expect(hookpack(root, 'adopt').status).toBe(0);
    const edited = readFileSync(settings, 'utf8').replace('"permissions"', '"model": "opus",\n  "permissions"');
    writeFileSync(settings, edited);
    const run = hookpack(root, 'uninstall');
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(
      /was rewritten by hookpack adopt and has changed since.*the original is saved in .*adopted\/[0-9a-f]+\.json/,
    );
    expect(readFileSync(settings, 'utf8')).toBe(edited);
  });

  it('adopted hooks are listed and switched by name without a build', () => {
    const { root } = project('switch');
    expect(hookpack(root, 'adopt').status).toBe(0);
    expect(hookpack(root, 'disable', 'notes').status).toBe(0);
    expect(hookpack(root, 'disable', '--event', 'PreToolUse').status).toBe(0);
    const list = hookpack(root, 'list');
    expect(list.stdout).toMatch(/ADOPTED +EVENT +STATE/);
    expect(list.stdout).toMatch(/notes +UserPromptSubmit +off \(user toggle\)/);
    expect(list.stdout).toMatch(/guard +PreToolUse +off \(user toggle\)/);
    expect(list.stdout).toContain('off notes, event:PreToolUse');
    expect(hookpack(root, 'enable', 'notes', '--event', 'PreToolUse').status).toBe(0);
    expect(hookpack(root, 'list').stdout).toMatch(/notes +UserPromptSubmit +on/);
  });

  it("folds hookpack install's entry of an adopted event into the runner: one process runs both, install refuses to add it again, uninstall restores", () => {
    const { root, settings } = project('own');
    writeFile(
      join(root, '.claude', 'hooks', 'dist', 'bash-behaviour.cjs'),
      readFileSync(fileURLToPath(new URL('../.dist/bash-behaviour.cjs', import.meta.url)), 'utf8'),
      0o755,
    );
    const manifest = {
      name: 'own',
      version: '0.0.0',
      hooks: [
        {
          name: 'bash-behaviour',
          event: 'PreToolUse',
          matcher: 'Bash',
          timeout: 5,
          onError: 'block',
          file: 'bash-behaviour.cjs',
        },
      ],
      events: [],
    };
    writeFile(join(root, '.claude', 'hooks', 'dist', 'manifest.json'), JSON.stringify(manifest));
    const withOwn = ORIGINAL.replace(
      '"PreToolUse": [\n',
      '"PreToolUse": [\n      { "matcher": "Bash", "hooks": [ { "type": "command", "command": "node \\"$CLAUDE_PROJECT_DIR\\"/.claude/hooks/dist/bash-behaviour.cjs || exit 2", "timeout": 5 } ] },\n',
    );
    writeFileSync(settings, withOwn);
    const run = hookpack(root, 'adopt');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("and hookpack's own bash-behaviour.cjs (PreToolUse) now runs in the same process");
    const after = JSON.parse(readFileSync(settings, 'utf8')) as {
      hooks: Record<string, Array<{ matcher?: string; hooks: Array<{ command?: string }> }>>;
    };
    const commands = (after.hooks.PreToolUse ?? []).flatMap((g) => g.hooks.map((h) => h.command ?? ''));
    expect(commands.filter((c) => c.includes('bash-behaviour.cjs'))).toEqual([]);
    const entry = commands[0] ?? '';
    expect(entry).toMatch(/adopt\.cjs settings\.json PreToolUse \|\| exit 2$/);
    const denied = runEntry(root, entry, {
      ...base,
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'deny' },
      tool_use_id: 't1',
    });
    expect(denied.json?.hookSpecificOutput?.permissionDecisionReason).toBe('use the safe variant instead');
    const install = hookpack(root, 'install');
    expect(install.status).toBe(3);
    expect(install.stderr).toContain('installing again would run them twice');
    expect(hookpack(root, 'uninstall').status).toBe(0);
    expect(readFileSync(settings, 'utf8')).toBe(withOwn);
  });
});
