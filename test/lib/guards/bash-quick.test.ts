// bash-guard's quick check (lib/guards/bash-quick.ts) lets a line through without the analysis.
// It is only sound if the analysis would let every such line through too: held here against
// the whole corpus, the bench's commands and 30,000 generated lines, in a dozen working
// directories (the project, home, ~/.ssh, /etc, /dev, / ...).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeCommand } from '../../../lib/guards/bash-judge.lazy.ts';
import { quickAllows } from '../../../lib/guards/bash-quick.ts';
import { CORPUS_HOME, DEFAULT_CWD, loadCorpus } from '../../corpus/corpus.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'hookpack-quick-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** No config files anywhere: the user config dir is an empty directory, the projects are fake paths. */
const emptyConfig = join(scratch, 'config');
mkdirSync(emptyConfig);
const ENV: NodeJS.ProcessEnv = { HOME: CORPUS_HOME, HOOKPACK_CONFIG_DIR: emptyConfig };
const HOME = CORPUS_HOME;

const CWDS = [
  DEFAULT_CWD,
  HOME,
  `${HOME}/.ssh`,
  `${HOME}/.aws`,
  `${HOME}/.config/gcloud`,
  `${HOME}/project/.git`,
  `${HOME}/project/secrets`,
  '/etc',
  '/etc/ssh',
  '/dev',
  '/',
  '/tmp/build',
  '/root',
  '/proc/self',
  // Spellings the analysis compares paths with as they are.
  `${DEFAULT_CWD}/`,
  '/home/user/a\\b',
];

const quick = (command: string, cwd = DEFAULT_CWD, env = ENV) => quickAllows(command, { cwd, home: HOME, env });
const judged = (command: string, cwd = DEFAULT_CWD) => judgeCommand(command, { cwd, home: HOME, env: ENV });

/** The lines (with their directory) the quick check lets through but the analysis does not. */
function disagreements(lines: readonly { command: string; cwd: string }[]) {
  const wrong: string[] = [];
  let allowed = 0;
  for (const { command, cwd } of lines) {
    if (!quick(command, cwd)) continue;
    allowed++;
    const verdict = judged(command, cwd);
    if (verdict !== undefined) wrong.push(`${cwd}: ${command} -> ${verdict.severity} ${verdict.rule}`);
  }
  return { wrong, allowed };
}

/** A small seeded generator (mulberry32): the same 30,000 lines on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'echo',
  'printf',
  'true',
  'false',
  'pwd',
  'ls',
  'cat',
  'head',
  'tail',
  'wc',
  'grep',
  'grep -rn',
  'grep -f',
  'rg',
  'rg -f',
  'git status',
  'git log',
  'git diff',
  'git show',
  'npm test',
  'npm run',
  'npm ls',
  'npm install',
  'npm exec',
  'npm publish',
  'npx',
  'git push',
  'git reset',
  'git checkout',
  'git clean',
  'git branch',
  'git -c core.pager=sh status',
  'rm',
  'rm -rf',
  'cp',
  'tee',
  'sh',
  'bash',
  'sudo',
  'find',
  'xargs',
  'env',
  'curl',
  'base64',
  'chmod -R',
  'dd',
  'truncate -s 0',
  'shred',
  'rsync',
  'scp',
  'python3 -c',
  'node -e',
  'source',
  'eval',
  'cd',
];
const WORDS = [
  '-la',
  '-n',
  '5',
  '-n5',
  '-20',
  '--oneline',
  '--stat',
  '-p',
  '-f',
  '-hard',
  '--hard',
  '--force',
  '-D',
  '-rf',
  '-fcredentials',
  '-fid_rsa',
  '-fsecrets',
  '-e',
  '-r',
  '--include',
  '--files',
  'TODO',
  'sudo',
  '--output=/etc/passwd',
  '--output',
  '-',
  'README.md',
  'src/index.ts',
  './build/out.txt',
  'dist',
  '.',
  './',
  '*',
  './*',
  '..',
  '../x',
  '/',
  '/etc/passwd',
  '/etc/shadow',
  '/dev/sda',
  '~',
  '~/.ssh/id_rsa',
  '.env',
  '.env.local',
  'env',
  'id_rsa',
  'id_rsa.bak',
  'deploy_key_rsa',
  'keys/id_ed25519',
  'secrets.yaml',
  'secrets.yml',
  'credentials',
  'credentials.json',
  'config/master.key',
  'server.pem',
  'server.key',
  'cert.p12',
  'x.p8',
  'store.jks',
  'app.keystore',
  'vault.kdbx',
  'wallet.dat',
  'terraform.tfstate',
  'service-account.json',
  'kube/config',
  'config.bak',
  'hosts.yml',
  'gh/hosts.yml',
  'auth.json',
  'oauth_creds.json',
  'pgpass',
  'envrc',
  'git-credentials',
  'HEAD',
  'HEAD~1',
  'HEAD:.env',
  'main..feature',
  'origin',
  'main',
  ':main',
  '+main',
  'a:b',
  'host:/etc/x',
  '$HOME',
  '"$X"',
  '$(echo /)',
  '`id`',
  '"rm -rf /"',
  "'curl https://x.sh | sh'",
  "'; rm -rf ~'",
  '"hello world"',
  'e2e-sentinel',
  'a=b',
  'GIT_SSH_COMMAND=sh',
  // Command names and their words, for commands that could be read as running their operands.
  'rm',
  'sh',
  'git',
  'dd',
  'of=/dev/sda',
  'chmod',
  '777',
  'find',
  '-delete',
  'reset',
  'push',
  '-c',
  '--pre',
  'build',
  'lint',
  '--silent',
  '--prefix',
];
const REDIRECTS = [
  '> out.txt',
  '>> log/x.log',
  '> ./sentinel.txt',
  '2>&1',
  '2> /dev/null',
  '> /dev/null',
  '&> all.log',
  '>&2',
  '> /dev/sda',
  '> /etc/hosts',
  '> ../x',
  '> ~/.bashrc',
  '> .env',
  '< .env',
  '< id_rsa',
  '< input.txt',
  '< /etc/shadow',
  '> /tmp/x',
  '>| out.txt',
  '<<EOF',
  '0<id_rsa',
  '3< secrets.yaml',
  '0< .env',
  '> 2>&1',
  '>> 1>out.txt',
  '&>2>&1',
  '&>out.txt',
];
const JOINS = [' | ', ' && ', '; ', ' || ', ';', '&&', ' & ', '\n'];

function generated(count: number): { command: string; cwd: string }[] {
  const next = random(0x5eed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const lines: { command: string; cwd: string }[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const commands = 1 + Math.floor(next() * 3);
    for (let c = 0; c < commands; c++) {
      const words = [pick(NAMES)];
      const n = Math.floor(next() * 4);
      for (let w = 0; w < n; w++) words.push(pick(WORDS));
      if (next() < 0.4) words.push(pick(REDIRECTS));
      // Bash takes a redirection before the command name too (`&>out.txt ls`).
      if (next() < 0.1) words.unshift(pick(REDIRECTS));
      parts.push(words.join(' '));
      if (c < commands - 1) parts.push(next() < 0.9 ? pick(JOINS.slice(0, 6)) : pick(JOINS));
    }
    lines.push({ command: parts.join(''), cwd: next() < 0.5 ? DEFAULT_CWD : pick(CWDS) });
  }
  return lines;
}

describe('the quick check agrees with the analysis', () => {
  it('on every case of the corpus, in its own directory and in every other', () => {
    const cases = loadCorpus(fileURLToPath(new URL('../../corpus/bash-guard', import.meta.url))).flatMap(
      (file) => file.cases,
    );
    const lines = cases.flatMap((item) =>
      [item.cwd ?? DEFAULT_CWD, ...CWDS].map((cwd) => ({ command: item.command, cwd })),
    );
    const { wrong, allowed } = disagreements(lines);
    expect(wrong).toEqual([]);
    // Not vacuous: the corpus's everyday lines are answered at once.
    expect(allowed).toBeGreaterThan(50);
  });

  it("on every command of the bench's data, in every directory", () => {
    const commands: string[] = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../../bench/data/commands.json', import.meta.url)), 'utf8'),
    );
    const { wrong, allowed } = disagreements(commands.flatMap((command) => CWDS.map((cwd) => ({ command, cwd }))));
    expect(wrong).toEqual([]);
    expect(allowed).toBeGreaterThan(10);
  });

  it('on 30,000 generated lines of everyday and dangerous commands, words and redirections', () => {
    const lines = generated(30_000);
    const { wrong, allowed } = disagreements(lines);
    expect(wrong).toEqual([]);
    // Both sides are exercised: thousands answered at once, and what is left holds denials.
    expect(allowed).toBeGreaterThan(1_000);
    const deferredDenied = lines
      .slice(0, 2_000)
      .filter(({ command, cwd }) => !quick(command, cwd) && judged(command, cwd));
    expect(deferredDenied.length).toBeGreaterThan(100);
  });
});

describe('the quick check lets everyday lines through', () => {
  it.each([
    'echo e2e-sentinel > ./sentinel.txt',
    'ls -la',
    'ls src',
    'git status',
    'git log --oneline -20',
    'git diff --stat',
    'cat README.md | head -40',
    'wc -l src/index.ts src/cli.ts',
    'tail -n 50 build/log.txt 2>&1',
    "echo 'rm -rf / is what we never run' >> notes.md",
    "printf '%s\\n' done && pwd",
    'pwd -P && true',
    'npm test',
    'npm run build 2>&1 | tail -20',
    'cat input.txt > output.txt 2> /dev/null',
  ])('%s', (command) => {
    expect(quick(command)).toBe(true);
    expect(judged(command)).toBeUndefined();
  });
});

describe('the quick check leaves to the analysis', () => {
  it.each([
    ['a command it does not know', 'rm -rf ./build'],
    ['a git subcommand that changes things', 'git push origin main'],
    ['an npm subcommand that installs or runs a package', 'npm exec cowsay'],
    ['npm with arguments for the script', 'npm test -- --watch'],
    ['git with options before the subcommand', 'git -c core.pager=sh log'],
    ['an assignment', 'GIT_SSH_COMMAND=sh git status'],
    ['a variable', 'echo $HOME > out.txt'],
    ['a substitution', 'cat $(echo README.md)'],
    ['backquotes', 'echo `id`'],
    ['a glob', 'cat *.md'],
    ['a tilde', 'cat ~/notes.txt'],
    ['a path outside the directory', 'cat ../secrets.txt'],
    ['an absolute path', 'cat /etc/passwd'],
    ['a dot-file', 'cat .env'],
    ['a protected file without a dot', 'cat id_rsa'],
    ['a protected key store', 'head server.pem'],
    ['a protected file read through <', 'wc -l < secrets.yaml'],
    ['an option with a value', 'git diff --output=/etc/passwd'],
    ['a redirection to /etc', 'echo x > /etc/hosts'],
    ['a redirection to a device', 'echo x > /dev/sda'],
    ['a redirection outside the directory', 'echo x > ../out.txt'],
    ['a redirection into a dot-directory', 'echo x > .git/hooks/pre-commit'],
    ['a here-document', 'cat <<EOF > out.txt'],
    ['a here-string', 'cat <<< hi'],
    ['a clobbering redirection', 'echo x >| out.txt'],
    ['a background job', 'echo x & rm -rf /'],
    ['a pipe into a shell', 'echo rm -rf / | sh'],
    ['a newline', 'echo ok\nrm -rf /'],
    ['a comment', 'echo ok # note'],
    ['a subshell', '(echo ok)'],
    ['braces', 'echo {a,b}'],
    ['a quoted command name', '"echo" ok'],
    ['an unterminated quote', "echo 'ok"],
    ['a double-quoted backslash', 'echo "a\\b"'],
    ['an empty command', 'echo ok;'],
    ['a lone redirection', '> out.txt'],
    ['a closed descriptor', 'echo ok >&-'],
    ['non-ASCII text', 'echo café'],
    ['a NUL', 'echo a\0b'],
  ])('%s: %s', (_why, command) => {
    expect(quick(command)).toBe(false);
  });

  it.each([
    // Found by review: each was let through while the analysis denied or asked.
    ['pwd with operands (read as a tool that may run them)', 'pwd rm -rf /'],
    ['true with operands', 'true sh -c x'],
    ['a protected file read through a numbered descriptor', 'cat 0<id_rsa'],
    ['the same, descriptor 3', 'echo hi 3<secrets.yaml'],
    ['a redirection whose target is the next redirection', 'echo x > 2>&1'],
    ['the same with >>', 'cat >>2>&1'],
    ["rg's preprocessor, which runs a command on every file", 'rg --pre rm x'],
    ['; glued to &> (bash reads ;& and fails to parse the line)', 'ls;&>out.txt ls'],
  ])('%s: %s', (_why, command) => {
    expect(quick(command)).toBe(false);
  });

  it('every line when the working directory is /, under /etc, /dev, /proc or /sys, relative, or holds ..', () => {
    for (const cwd of [
      '/',
      '/etc',
      '/etc/nginx',
      '/dev',
      '/proc/1',
      '/sys/kernel',
      'project',
      '/home/user/../../etc',
      '',
      '/home/user/project/',
      '/home/user/a\\b',
    ])
      expect(quick('echo ok > out.txt', cwd)).toBe(false);
  });

  it('a line longer than 2,048 characters, at once', () => {
    const long = `echo ${'a'.repeat(100_000)}`;
    const started = performance.now();
    expect(quick(long)).toBe(false);
    expect(quick(`echo ${'x '.repeat(1_100)}`)).toBe(false);
    // A cap, not a timing assertion: the check returns before it reads the line.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('the quick check defers to any config file', () => {
  const project = join(scratch, 'project');
  const userDir = join(scratch, 'user-config');
  mkdirSync(join(project, '.claude', 'hookpack'), { recursive: true });
  mkdirSync(userDir);
  const env = { ...ENV, HOOKPACK_CONFIG_DIR: userDir };

  it.each([
    ['the user', () => join(userDir, 'bash-guard.json')],
    ["the user's file-guard", () => join(userDir, 'file-guard.json')],
    ['the project', () => join(project, '.claude', 'hookpack', 'bash-guard.json')],
    ["the project's file-guard", () => join(project, '.claude', 'hookpack', 'file-guard.json')],
  ])('%s config file', (_who, file) => {
    expect(quick('ls', project, env)).toBe(true);
    writeFileSync(file(), '{}');
    try {
      expect(quick('ls', project, env)).toBe(false);
    } finally {
      rmSync(file());
    }
  });

  it('a dangling link where a config file would be', () => {
    const link = join(userDir, 'bash-guard.json');
    symlinkSync(join(scratch, 'nowhere.json'), link);
    try {
      expect(quick('ls', project, env)).toBe(false);
    } finally {
      rmSync(link);
    }
  });

  it('a user config directory that cannot be looked into', () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, '');
    expect(quick('ls', project, { ...ENV, HOOKPACK_CONFIG_DIR: join(file, 'hookpack') })).toBe(false);
  });

  it('the project named by CLAUDE_PROJECT_DIR, wherever the command runs', () => {
    const file = join(project, '.claude', 'hookpack', 'bash-guard.json');
    writeFileSync(file, '{}');
    try {
      expect(quick('ls', '/home/user/elsewhere', { ...env, CLAUDE_PROJECT_DIR: project })).toBe(false);
    } finally {
      rmSync(file);
    }
  });
});
