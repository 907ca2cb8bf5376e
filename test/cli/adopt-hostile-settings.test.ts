// Malformed and hostile settings files given to `hookpack adopt`: a clear one-line refusal and an
// untouched file, or the odd entries left alone with a note; never a stack trace or a hang.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adoptCommand } from '../../cli/commands/adopt.ts';
import { uninstallCommand } from '../../cli/commands/uninstall.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('adopt-hostile');
afterAll(cleanup);
let n = 0;
function project(settings: string): { root: string; path: string } {
  const root = join(dir, `p${n++}`);
  writeFile(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  return { root, path: writeFile(join(root, '.claude', 'settings.json'), settings) };
}
const adopt = (root: string, ...args: string[]) =>
  runCli([adoptCommand, uninstallCommand], ['adopt', ...args], { cwd: root, env: cleanEnv(dir) });
const hooks = (value: unknown) => JSON.stringify({ hooks: value }, null, 2);

describe('hookpack adopt refuses a file it cannot rewrite safely, leaving it as it was', () => {
  it.each([
    {
      what: 'not JSON',
      text: '{ "hooks": ',
      says: /cannot use \.claude\/settings\.json: line 1, column \d+: .*; fix the file by hand/,
    },
    {
      what: 'a comment (Claude Code would ignore the whole file)',
      text: '{\n  // mine\n  "hooks": {}\n}\n',
      says: /line 2/,
    },
    { what: '`hooks` an array', text: '{ "hooks": [] }', says: /`hooks` must be an object of event names/ },
    {
      what: 'a repeated key on the way to a handler',
      text: '{ "hooks": { "Stop": [], "Stop": [] } }',
      says: /duplicate key "Stop"/,
    },
    {
      what: 'nesting 100,000 deep',
      text: `{ "hooks": { "Stop": ${'['.repeat(100_000)}${']'.repeat(100_000)} } }`,
      says: /cannot use .claude\/settings\.json/,
    },
    { what: 'Latin-1 bytes', text: '{ "hooks": {}, "x": "caf\u00e9" }', latin1: true, says: /is not UTF-8/ },
  ])('$what', async ({ text, says, latin1 }) => {
    const { root, path } = project('');
    const bytes = latin1 ? Buffer.from(text, 'latin1') : Buffer.from(text);
    writeFileSync(path, bytes);
    const run = await adopt(root);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(says);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('a FIFO in place of the settings file is refused without hanging', async () => {
    const { root, path } = project('');
    const fifo = join(root, '.claude', 'fifo');
    spawnSync('mkfifo', [fifo]);
    const run = await adopt(root, '--settings', fifo);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/settings must be a regular file/);
    expect(existsSync(path)).toBe(true);
  });

  it('a file where the runner directory should be: E_IO, and the settings stay as they were', async () => {
    const text = hooks({ Stop: [{ hooks: [{ type: 'command', command: 'echo hi' }] }] });
    const { root, path } = project(text);
    writeFileSync(join(root, '.claude', 'hookpack'), 'not a directory');
    const run = await adopt(root);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cannot write .*hookpack.*nothing was changed/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a runner directory others can write (anyone could swap the runner a guard runs): E_IO, and the settings stay as they were', async () => {
    const text = hooks({ Stop: [{ hooks: [{ type: 'command', command: 'echo hi' }] }] });
    const { root, path } = project(text);
    const shared = join(root, '.claude', 'hookpack');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const run = await adopt(root);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/hookpack.* is writable by others.*nothing was changed/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(existsSync(join(shared, 'adopt.cjs'))).toBe(false);
  });
});

describe('hookpack adopt leaves odd entries alone and says so', () => {
  it.each([
    {
      what: 'an unknown event',
      value: { Bogus: [{ hooks: [{ type: 'command', command: 'echo x' }] }] },
      note: /hooks\.Bogus\[0\]\.hooks\[0\].*not an event Claude Code 2\.1\.329 knows/,
    },
    {
      what: 'a command that is a number',
      value: { Stop: [{ hooks: [{ type: 'command', command: 42 }] }] },
      note: /has no command/,
    },
    {
      what: 'args that are not strings',
      value: { Stop: [{ hooks: [{ type: 'command', command: 'python3', args: [1] }] }] },
      note: /`args` is not a list of strings/,
    },
    {
      what: 'a powershell hook',
      value: { Stop: [{ hooks: [{ type: 'command', command: 'Write-Host x', shell: 'powershell' }] }] },
      note: /shell: powershell/,
    },
    {
      what: 'an mcp_tool hook',
      value: { Stop: [{ hooks: [{ type: 'mcp_tool', server: 's', tool: 't' }] }] },
      note: /a `mcp_tool` hook/,
    },
    {
      what: 'an agent hook',
      value: { Stop: [{ hooks: [{ type: 'agent', prompt: 'check' }] }] },
      note: /a `agent` hook/,
    },
    {
      what: 'WorktreeCreate (its answer is a path)',
      value: { WorktreeCreate: [{ hooks: [{ type: 'command', command: 'mk.sh' }] }] },
      note: /WorktreeCreate answers with a path/,
    },
    { what: 'a handler that is a string', value: { Stop: [{ hooks: ['echo x'] }] }, note: /not a handler object/ },
    {
      what: 'a matcher that is not a valid regular expression (the runner would crash on it)',
      value: { PreToolUse: [{ matcher: 'Bash(', hooks: [{ type: 'command', command: 'echo x' }] }] },
      note: /hooks\.PreToolUse\[0\]\.hooks\[0\].*matcher `Bash\(` is not a valid regular expression/,
    },
  ])('$what', async ({ value, note }) => {
    const text = hooks(value);
    const { root, path } = project(text);
    const run = await adopt(root);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(note);
    expect(run.stdout).toContain('nothing to adopt');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('event values and groups that are not arrays or objects stay as written beside an adopted hook', async () => {
    const text = `{"hooks":{"Stop":[ "junk", {"matcher":"x"}, {"hooks":[{"type":"command","command":"echo done"}]} ],"Notification":{"not":"an array"}}}`;
    const { root, path } = project(text);
    const run = await adopt(root);
    expect(run.code).toBe(0);
    const after = JSON.parse(readFileSync(path, 'utf8')) as { hooks: { Stop: unknown[]; Notification: unknown } };
    expect(after.hooks.Stop.slice(0, 2)).toEqual(['junk', { matcher: 'x' }]);
    expect(after.hooks.Notification).toEqual({ not: 'an array' });
    expect(
      await runCli([adoptCommand, uninstallCommand], ['uninstall'], { cwd: root, env: cleanEnv(dir) }),
    ).toMatchObject({ code: 0 });
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a command with quotes, $(…) and a newline is kept verbatim for /bin/sh -c', async () => {
    const command = `if [ "$(cat)" ]; then\n  echo 'it''s fine' >&2\nfi`;
    const { root } = project(hooks({ Stop: [{ hooks: [{ type: 'command', command }] }] }));
    expect((await adopt(root)).code).toBe(0);
    const table = JSON.parse(readFileSync(join(root, '.claude', 'hookpack', 'adopted.settings.json'), 'utf8')) as {
      hooks: Array<{ command: string; name: string }>;
    };
    expect(table.hooks[0]).toMatchObject({ command, name: 'if' });
  });

  it('through a symbolic link: the link stays, its target is rewritten and restored byte for byte', async () => {
    const text = hooks({ Stop: [{ hooks: [{ type: 'command', command: 'echo done' }] }] });
    const { root, path } = project('');
    const real = writeFile(join(dir, `dotfiles-${n}`, 'settings.json'), text);
    const { rmSync } = await import('node:fs');
    rmSync(path);
    symlinkSync(real, path);
    expect((await adopt(root)).code).toBe(0);
    expect(readFileSync(real, 'utf8')).toContain('adopt.cjs');
    expect(
      (await runCli([adoptCommand, uninstallCommand], ['uninstall'], { cwd: root, env: cleanEnv(dir) })).code,
    ).toBe(0);
    expect(readFileSync(real, 'utf8')).toBe(text);
  });
});
