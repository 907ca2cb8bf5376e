// Settings files are never lost or corrupted, whatever they are, and no settings file can hang or
// exhaust a command: a device, a FIFO, a directory, a link to one of those, a file over 4 MiB.
// Run through the built CLI with a timeout: a blocking open would hang the test process itself.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../cli/settings/lock.ts';
import { buildCli, tempDir } from './_helpers.ts';
import { makeProject, type Project } from './install-fixture.ts';

const out = tempDir('hostile-build');
let cli: string;
const projects: Project[] = [];

beforeAll(() => {
  cli = buildCli(out.dir);
}, 120_000);
afterAll(() => {
  for (const p of projects) p.cleanup();
  out.cleanup();
});

function fresh(prefix: string): Project {
  const project = makeProject(prefix);
  projects.push(project);
  mkdirSync(join(project.dir, '.claude'), { recursive: true });
  return project;
}

/** `node cli.cjs …` in the project; 20 s is far beyond any real run: reaching it means a hang. */
const hookpack = (project: Project, ...argv: string[]) => {
  const run = spawnSync(process.execPath, ['--max-old-space-size=256', cli, ...argv], {
    cwd: project.dir,
    env: project.env,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
};

const mkfifo = (path: string) => {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
};

// What .claude/settings.json is, how to make it, and how install names it.
const HOSTILE: [string, (project: Project) => void, RegExp][] = [
  [
    'a link to /dev/zero',
    (p) => symlinkSync('/dev/zero', p.settings),
    /\(a link to \/dev\/zero\): it is a character device/,
  ],
  [
    'a link to /dev/null',
    (p) => symlinkSync('/dev/null', p.settings),
    /\(a link to \/dev\/null\): it is a character device/,
  ],
  ['a FIFO', (p) => mkfifo(p.settings), /: it is a FIFO \(named pipe\), not a regular file/],
  [
    'a link to a FIFO',
    (p) => (mkfifo(join(p.root, 'fifo')), symlinkSync(join(p.root, 'fifo'), p.settings)),
    /\(a link to .*fifo\): it is a FIFO/,
  ],
  ['a directory', (p) => mkdirSync(p.settings), /: it is a directory/],
  [
    'a 5 MiB file',
    (p) => writeFileSync(p.settings, `{"a": "${'x'.repeat(5 * 1024 * 1024)}"}`),
    /: it is 524\d{4} bytes, more than the 4 MiB a settings file may hold/,
  ],
];

describe('settings files that are not a regular file of sane size', () => {
  it.each(HOSTILE)('install and uninstall refuse %s (exit 3) and leave it as it was', (_name, make, why) => {
    const project = fresh('hostile-install');
    make(project);
    const before = lstatSync(project.settings);
    for (const command of ['install', 'uninstall']) {
      const run = hookpack(project, command, '--dist', 'dist');
      expect(run.signal).toBeNull();
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(why);
      expect(run.stderr).toMatch(/^hookpack: cannot (use|read) \.claude\/settings\.json.*nothing was changed\n$/);
    }
    const after = lstatSync(project.settings);
    expect([after.mode, after.size, after.ino]).toEqual([before.mode, before.size, before.ino]);
    expect(existsSync(lockPath(project.settings))).toBe(false);
  });

  it.each(HOSTILE)('doctor reports %s as an error and ends', (_name, make, why) => {
    const project = fresh('hostile-doctor');
    make(project);
    const run = hookpack(project, 'doctor', '--json');
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: { severity: string; code: string; message: string }[] })
      .findings;
    const found = findings.find((f) => f.code === 'settings-invalid');
    expect(found?.severity).toBe('error');
    // doctor words it "is a directory, not a settings file"; the rest as install does.
    if (!/directory/.test(why.source))
      expect(found?.message).toMatch(new RegExp(why.source.replace(/^.*?\): /, '').replace(/^: /, '')));
  });

  it.each(HOSTILE)('list shows %s as an error and ends', (_name, make) => {
    const project = fresh('hostile-list');
    make(project);
    const run = hookpack(project, 'list', '--dist', 'dist');
    expect(run.signal).toBeNull();
    expect(run.stdout).toMatch(/\nerror: cannot (use|read) \.claude\/settings\.json/);
  });

  it('--settings /dev/null is refused and /dev/null stays a device', () => {
    const project = fresh('hostile-devnull');
    const run = hookpack(project, 'install', '--dist', 'dist', '--settings', '/dev/null');
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'hookpack: cannot use /dev/null: it is a character device (like /dev/null or /dev/zero), not a regular file; settings must be a regular file (writing would replace this one): pass --settings with the path of a settings file and run again; nothing was changed\n',
    );
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(existsSync('/dev/.null.lock.hookpack-tmp')).toBe(false);
  });

  it("doctor ends when a hook script, a bundle's manifest and package.json are FIFOs", () => {
    const project = fresh('hostile-scripts');
    mkdirSync(join(project.dir, '.claude', 'hooks'), { recursive: true });
    mkfifo(join(project.dir, '.claude', 'hooks', 'run'));
    mkdirSync(join(project.dir, 'hooks'), { recursive: true });
    writeFileSync(join(project.dir, 'hooks', 'x.ts'), 'export {};\n');
    mkfifo(join(project.dir, 'package.json'));
    writeFileSync(
      join(project.dir, 'dist', 'bash-guard.cjs'),
      '#!/usr/bin/env node\n// bash-guard (PreToolUse, matcher Bash) · hookpack 0.1.0 · generated by build.mjs from hooks/bash-guard.ts, do not edit\n',
    );
    spawnSync('rm', ['-f', join(project.dir, 'dist', 'manifest.json')]);
    mkfifo(join(project.dir, 'dist', 'manifest.json'));
    const hooks = [
      { type: 'command', command: '"$CLAUDE_PROJECT_DIR"/.claude/hooks/run', timeout: 5 },
      { type: 'command', command: 'node "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs', timeout: 5 },
    ];
    project.write(JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Bash', hooks }] } }));
    const run = hookpack(project, 'doctor', '--json');
    expect(run.signal).toBeNull();
    expect(JSON.parse(run.stdout)).toHaveProperty('findings');
  });

  it('a build manifest that is a FIFO does not hang list or install', () => {
    const project = fresh('hostile-manifest');
    spawnSync('rm', ['-f', join(project.dir, 'dist', 'manifest.json')]);
    mkfifo(join(project.dir, 'dist', 'manifest.json'));
    const listed = hookpack(project, 'list', '--dist', 'dist');
    expect(listed.signal).toBeNull();
    expect(listed.stdout).toContain('manifest.json: it is a FIFO');
    const installed = hookpack(project, 'install', '--dist', 'dist');
    expect([installed.signal, installed.code]).toEqual([null, 3]);
    expect(installed.stderr).toMatch(/^hookpack: cannot read .*manifest\.json: it is a FIFO/);
  });

  it('a project toggle file that is a FIFO does not hang list', () => {
    const project = fresh('hostile-toggle');
    mkdirSync(join(project.dir, '.claude', 'hookpack'), { recursive: true });
    mkfifo(join(project.dir, '.claude', 'hookpack', 'disabled.json'));
    const run = hookpack(project, 'list', '--dist', 'dist');
    expect(run.signal).toBeNull();
    expect(run.stdout).toMatch(/error: cannot read .*disabled\.json: it is a FIFO/);
  });
});

describe("the edit lock and the file's owner", () => {
  it('breaks a lock left by a process that is gone', () => {
    const project = fresh('lock-stale');
    project.write('{}\n');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    writeFileSync(lockPath(project.settings), `${dead}\n`);
    const run = hookpack(project, 'install', '--dist', 'dist');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(lockPath(project.settings))).toBe(false);
  });

  it('waits for a lock whose holder is alive, then edits', () => {
    const project = fresh('lock-wait');
    project.write('{}\n');
    // The holder: a shell that writes its pid into the lock, sleeps, removes the lock.
    const lock = lockPath(project.settings);
    const holder = `echo $$ > '${lock}'; sleep 1; rm -f '${lock}'`;
    const run = spawnSync(
      'sh',
      [
        '-c',
        `sh -c "${holder.replaceAll('"', '\\"')}" & sleep 0.3; "${process.execPath}" "${cli}" install --dist dist; echo "exit $?"; wait`,
      ],
      { cwd: project.dir, env: project.env, encoding: 'utf8', timeout: 20_000 },
    );
    expect(run.stdout).toMatch(/exit 0\n$/);
    expect(JSON.parse(project.read()).hooks.PreToolUse).toHaveLength(1);
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner and mode of a file root rewrites (and of its backup)', () => {
    const project = fresh('owner');
    project.write('{ "model": "opus" }\n');
    chownSync(project.settings, 4242, 4343);
    chmodSync(project.settings, 0o640);
    const run = hookpack(project, 'install', '--dist', 'dist');
    expect(run.code).toBe(0);
    for (const path of [project.settings, `${project.settings}.bak`]) {
      const stat = statSync(path);
      expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([4242, 4343, 0o640]);
    }
    expect(readFileSync(`${project.settings}.bak`, 'utf8')).toBe('{ "model": "opus" }\n');
  });

  it('keeps a symlink to a regular file a symlink', () => {
    const project = fresh('link-regular');
    const real = join(project.root, 'dotfiles-settings.json');
    writeFileSync(real, '{}\n');
    symlinkSync(real, project.settings);
    expect(hookpack(project, 'install', '--dist', 'dist').code).toBe(0);
    expect(readlinkSync(project.settings)).toBe(real);
    expect(JSON.parse(readFileSync(real, 'utf8')).hooks).toBeDefined();
  });

  it('.claude/.gitignore keeps the lock and temp files out of git', () => {
    const project = fresh('gitignore-temp');
    project.write('{ "model": "opus" }\n');
    expect(hookpack(project, 'install', '--dist', 'dist').code).toBe(0);
    if (spawnSync('git', ['init', '-q'], { cwd: project.dir }).status !== 0) return;
    const names = [
      lockPath(project.settings),
      join(project.dir, '.claude', '.settings.json.1234.abcdefgh.hookpack-tmp'),
      `${project.settings}.bak`,
    ];
    for (const name of names) writeFileSync(name, 'x');
    const ignored = spawnSync('git', ['check-ignore', ...names], { cwd: project.dir, encoding: 'utf8' })
      .stdout.trim()
      .split('\n');
    expect(ignored).toEqual(names);
  });
});
