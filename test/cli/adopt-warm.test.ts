// `hookpack adopt --warm`: each adopted entry runs through the warm client compiled into the adopt
// directory (the daemon answers; on any problem the client runs `node adopt.cjs` itself). Local and
// user scope only: a committed settings file would name a binary a teammate's clone lacks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adoptCommand } from '../../cli/commands/adopt.ts';
import { doctor as doctorCommand } from '../../cli/commands/doctor.ts';
import { uninstallCommand } from '../../cli/commands/uninstall.ts';
import { commandFor, SCRIPTS } from '../lib/adopt/_adopted.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('adopt-warm');
afterAll(cleanup);

// In process: the client is compiled from this package's native/ for its dist/daemon.cjs.
const hookpack = (root: string, ...args: string[]) =>
  runCli([adoptCommand, uninstallCommand, doctorCommand], args, { cwd: root, env: cleanEnv(dir) });

const bash = (root: string, command: string) => ({
  session_id: 's',
  transcript_path: '/tmp/t',
  cwd: root,
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command },
});

let n = 0;
function project(file: string): { root: string; settings: string; original: string } {
  const root = join(dir, `project-${n++}`);
  writeFile(join(root, '.claude', 'hooks', 'guard.py'), `${SCRIPTS['guard.py']}\n`);
  spawnSync('git', ['init', '-q', root]);
  const original = `{ "hooks": { "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": ${JSON.stringify(commandFor('guard.py'))}, "timeout": 7 } ] } ] } }\n`;
  return { root, settings: writeFile(join(root, '.claude', file), original), original };
}

describe('hookpack adopt --warm', () => {
  it('writes the warm client and the entry timeout before the runner, and the entry still blocks', async () => {
    const { root, settings, original } = project('settings.local.json');
    const adopt = await hookpack(root, 'adopt', '--scope', 'local', '--guard', 'guard', '--warm');
    expect(adopt.code, adopt.stderr).toBe(0);
    const command = JSON.parse(readFileSync(settings, 'utf8')).hooks.PreToolUse[0].hooks[0].command as string;
    const [, client, timeout, runner] =
      /^env -u NODE_EXTRA_CA_CERTS HOOKPACK_EXTRA_CA_CERTS="\$NODE_EXTRA_CA_CERTS" '([^']+\/warm\/hookpack-warm)' (\d+) '([^']+\/hookpack\/adopt\.cjs)' settings\.local\.json PreToolUse \|\| exit 2$/.exec(
        command,
      ) ?? [];
    expect(client, `${command}\n${adopt.stderr}`).toBeDefined();
    // The hook's 7 s, plus the time to stop its process group and answer: the entry's own timeout.
    expect(timeout).toBe(String(JSON.parse(readFileSync(settings, 'utf8')).hooks.PreToolUse[0].hooks[0].timeout));
    expect(statSync(client as string).mode & 0o111).not.toBe(0);
    expect(existsSync(runner as string)).toBe(true);

    // With the daemon switched off the client runs the runner itself: the same answer.
    const blocked = spawnSync('/bin/sh', ['-c', command], {
      input: `${JSON.stringify(bash(root, 'rm -rf build'))}\n`,
      cwd: root,
      env: { ...cleanEnv(dir), CLAUDE_PROJECT_DIR: root, HOOKPACK_DAEMON: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(blocked.status, blocked.stderr).toBe(2);
    expect(blocked.stderr).toContain('rm -rf is not allowed here');

    const uninstall = await hookpack(root, 'uninstall', '--scope', 'local');
    expect(uninstall.code, uninstall.stderr).toBe(0);
    expect(readFileSync(settings, 'utf8')).toBe(original);
    expect(existsSync(client as string)).toBe(false);
    expect(existsSync(runner as string)).toBe(false);
  });

  it("after an upgrade, doctor names a runner that is not this hookpack's, and adopting again puts this one in", async () => {
    const { root, settings } = project('settings.local.json');
    expect((await hookpack(root, 'adopt', '--scope', 'local', '--warm')).code).toBe(0);
    const command = JSON.parse(readFileSync(settings, 'utf8')).hooks.PreToolUse[0].hooks[0].command as string;
    const runner = /'([^']+\/hookpack\/adopt\.cjs)'/.exec(command)?.[1] as string;
    const current = readFileSync(runner);
    // What an older hookpack copied there.
    writeFileSync(runner, `${current.toString()}\n// an older hookpack\n`);
    const stale = (findings: Array<{ code: string }>) => findings.filter((f) => f.code === 'warm-adopted-runner-stale');
    const before = await hookpack(root, 'doctor', '--json');
    expect(stale(JSON.parse(before.stdout).findings)).toHaveLength(1);
    const again = await hookpack(root, 'adopt', '--scope', 'local', '--warm');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("the runner was replaced by this hookpack's");
    expect(readFileSync(runner).equals(current)).toBe(true);
    const after = await hookpack(root, 'doctor', '--json');
    expect(stale(JSON.parse(after.stdout).findings)).toEqual([]);
    expect((await hookpack(root, 'uninstall', '--scope', 'local')).code).toBe(0);
  });

  it('adopts with the plain runner commands, and says why, when no C compiler can be found', async () => {
    const { root, settings } = project('settings.local.json');
    const empty = join(dir, 'no-compilers');
    mkdirSync(empty, { recursive: true });
    const adopt = await runCli([adoptCommand], ['adopt', '--scope', 'local', '--warm'], {
      cwd: root,
      env: cleanEnv(dir, { PATH: empty, CC: '' }),
    });
    expect(adopt.code, adopt.stderr).toBe(0);
    expect(adopt.stderr).toContain('hookpack: --warm: no C compiler found');
    const command = JSON.parse(readFileSync(settings, 'utf8')).hooks.PreToolUse[0].hooks[0].command as string;
    expect(command).toMatch(/ node '[^']+\/hookpack\/adopt\.cjs' settings\.local\.json PreToolUse$/);
    expect(command).not.toContain('hookpack-warm');
    expect((await hookpack(root, 'uninstall', '--scope', 'local')).code).toBe(0);
  });

  it('refuses a committed settings file, with one line, and changes nothing', async () => {
    const { root, settings, original } = project('settings.json');
    const adopt = await hookpack(root, 'adopt', '--warm');
    expect(adopt.code).toBe(2);
    expect(adopt.stderr.trim().split('\n')).toHaveLength(1);
    expect(adopt.stderr).toContain('--warm writes a command that runs a program compiled on this machine');
    expect(readFileSync(settings, 'utf8')).toBe(original);
    expect(existsSync(join(root, '.claude', 'hookpack'))).toBe(false);
  });

  it('shows the warm commands in a dry run and compiles nothing', async () => {
    const { root, settings, original } = project('settings.local.json');
    const adopt = await hookpack(root, 'adopt', '--scope', 'local', '--warm', '--dry-run');
    expect(adopt.code, adopt.stderr).toBe(0);
    expect(adopt.stdout, adopt.stderr).toMatch(
      /\+.*\/warm\/hookpack-warm' 9 '.*\/hookpack\/adopt\.cjs' settings\.local\.json PreToolUse/,
    );
    expect(readFileSync(settings, 'utf8')).toBe(original);
    const clients = readdirSync(join(dir, 'hookpack-home'), { recursive: true }).filter((f) =>
      String(f).endsWith('hookpack-warm'),
    );
    expect(clients).toEqual([]);
  });
});
