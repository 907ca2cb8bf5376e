// What a new user does, end to end: hookpack packed with `npm pack`, a project of their own with
// another tool's settings, the README's Quick start run line by line as written, then the real
// Claude Code CLI in that project; a teammate's clone with no node_modules and a fresh HOME; a
// PATH without node; and `uninstall` giving the settings file back byte for byte.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './_harness.ts';
import { makeUserProject, packOnce, pathWithoutNode, runClientIn, type UserProject } from './_project.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
// The project flow of the Quick start (its plugin install comes first: test/e2e/plugin.e2e.test.ts).
const QUICK_START = README.slice(README.indexOf('### In your project'), README.indexOf('## Writing a hook'));

/** The Quick start's command lines, comments stripped. */
const commands = (/```sh\n([\s\S]*?)```/.exec(QUICK_START)?.[1] ?? '')
  .split('\n')
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter(Boolean);

/** What the README says `$ <command>` prints, from its console block. */
function readmeOutput(command: string): string | undefined {
  const block = /```console\n([\s\S]*?)```/.exec(QUICK_START)?.[1] ?? '';
  const parts = block.split(/^\$ /m).slice(1);
  const part = parts.find((p) => p.startsWith(`${command}\n`));
  return part?.slice(command.length + 1);
}

/** Numbers vary from build to build (sizes, milliseconds); the lines and words must not. */
const shape = (text: string) => text.replace(/\d+/g, 'N').replace(/ +/g, ' ');

/** Another tool's hooks and permissions, already in the project before hookpack came. */
const ORIGINAL_SETTINGS = `{
  "permissions": { "allow": ["Bash(ls:*)"], "deny": ["Read(./secrets/**)"] },
  "hooks": {
    "Stop": [{ "hooks": [{ "type": "command", "command": "echo other-tool-was-here >> \\"$CLAUDE_PROJECT_DIR\\"/stop.log" }] }]
  }
}
`;

/** A hook of the project's own, beside the shipped guards. */
const OWN_HOOK = `import { defineHook, deny } from 'hookpack';

export default defineHook({
  event: 'PreToolUse',
  matcher: 'Bash',
  timeout: 5,
  run({ tool_input }) {
    if (tool_input.command.includes('deploy-prod')) return deny('own-hook: production deploys go through the release pipeline');
  },
});
`;

/** chmod, the own hook's case, a .env write and ls; each harmless if nothing stops it. */
const SCRIPT = {
  turns: [
    { tool: 'Bash', input: { command: 'chmod -R 777 .', description: 'open up' } },
    { tool: 'Bash', input: { command: 'echo deploy-prod > deployed.txt', description: 'deploy' } },
    { tool: 'Write', input: { file_path: '@PROJECT@/.env', content: 'TOKEN=x\n' } },
    { tool: 'Bash', input: { command: 'ls', description: 'list' } },
    { text: 'done' },
  ],
};

let user: UserProject;
let tarball: string;
const timings: Record<string, number> = {};

beforeAll(() => {
  tarball = packOnce();
  user = makeUserProject({
    'package.json': '{\n  "name": "myapp",\n  "version": "1.0.0",\n  "private": true\n}\n',
    '.gitignore': 'node_modules/\n',
    '.claude/settings.json': ORIGINAL_SETTINGS,
    'src/app.js': 'console.log("app");\n',
  });
  user.sh('git init -q && git add -A && git commit -qm init');
}, 300_000);

afterAll(() => {
  if (process.env.E2E_KEEP !== '1') user.sh(`rm -rf '${user.dir}'`);
});

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('hookpack in a new project, as the README says', () => {
  it('runs the Quick start as written, each command printing what the README shows', () => {
    expect(commands[0]).toMatch(/^npm install --save-dev \S+\.tgz$/);
    expect(commands.slice(1, 5)).toEqual([
      'npx hookpack init',
      'npx hookpack add bash-guard file-guard',
      'npx hookpack build',
      'npx hookpack install',
    ]);
    const started = performance.now();
    for (const command of commands) {
      const run = user.sh(command.replace(/^npm install --save-dev \S+\.tgz$/, `npm install --save-dev '${tarball}'`));
      const printed = readmeOutput(command);
      if (printed !== undefined) expect(shape(run.stdout + run.stderr), command).toBe(shape(printed));
      if (command === 'npx hookpack install') timings.installToGuardMs = performance.now() - started;
    }
    // Then a hook of the project's own: write it, build, install (nothing to change: the event's
    // bundle is already wired), commit.
    writeFileSync(join(user.project, '.claude', 'hooks', 'no-deploy.ts'), OWN_HOOK);
    const build = user.sh('npx hookpack build');
    expect(build.stderr).toMatch(/^built 4 hook\(s\) into \.claude\/hooks\/dist/m);
    expect(build.stderr).toMatch(/on-PreToolUse\.cjs .* bash-guard, file-guard, no-deploy, no-publish/);
    expect(user.sh('npx hookpack install').stdout).toMatch(/^already installed in \.claude\/settings\.json/);
    user.sh('git add .claude && git commit -qm "own hook"');
    const settings = JSON.parse(readFileSync(join(user.project, '.claude', 'settings.json'), 'utf8'));
    expect(settings.permissions).toEqual(JSON.parse(ORIGINAL_SETTINGS).permissions);
    expect(settings.hooks.Stop).toEqual(JSON.parse(ORIGINAL_SETTINGS).hooks.Stop);
    expect(settings.hooks.PreToolUse[0].hooks[0].command).toBe(
      'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/.claude/hooks/dist/on-PreToolUse.cjs || exit 2',
    );
    expect(user.sh('git status --porcelain').stdout).toBe('');
  });

  it("then the real client in that project stops chmod -R 777, the own hook's case and a .env write, and lets ls through", async () => {
    writeFileSync(join(user.project, 'src', 'app.js'), 'console.log("app");\n', { mode: 0o644 });
    const { results } = await runClientIn(user.dir, SCRIPT);
    expect(results.map((r) => r.is_error)).toEqual([true, true, true, false]);
    expect(results[0]?.text).toMatch(/bash-guard blocked `chmod -R 777 \.`/);
    expect(results[1]?.text).toContain('own-hook: production deploys go through the release pipeline');
    expect(results[2]?.text).toMatch(/file-guard blocked writing \.env/);
    expect(modeOf(join(user.project, 'src', 'app.js'))).toBe('644');
    expect(() => statSync(join(user.project, '.env'))).toThrow();
    console.info(`npm install to a working guard: ${Math.round(timings.installToGuardMs ?? 0)} ms`);
  });

  it('works the same for a teammate: a clone with no node_modules and a fresh HOME', async () => {
    const mate = makeUserProject();
    user.sh(`rm -rf '${mate.project}' && git clone -q '${user.project}' '${mate.project}'`);
    expect(() => statSync(join(mate.project, 'node_modules'))).toThrow();
    const { results } = await runClientIn(mate.dir, SCRIPT);
    expect(results.map((r) => r.is_error)).toEqual([true, true, true, false]);
    expect(results[1]?.text).toContain('own-hook');
    expect(modeOf(join(mate.project, 'src', 'app.js'))).toBe('644');
  });

  it('blocks every Bash call when node is missing from PATH, where the same command without || exit 2 lets chmod run', async () => {
    const mate = makeUserProject();
    user.sh(`rm -rf '${mate.project}' && git clone -q '${user.project}' '${mate.project}'`);
    const noNode = { PATH: pathWithoutNode(mate.dir) };
    const chmodOnly = {
      turns: [{ tool: 'Bash', input: { command: 'chmod -R 777 src', description: 'x' } }, { text: 'done' }],
    };
    const blocked = await runClientIn(mate.dir, chmodOnly, noNode);
    expect(blocked.results).toHaveLength(1);
    expect(blocked.results[0]?.is_error).toBe(true);
    expect(blocked.results[0]?.text).toMatch(/node/);
    expect(modeOf(join(mate.project, 'src', 'app.js'))).toBe('644');

    // The control, in another clone: the same command without the suffix fails open, and chmod runs.
    const control = makeUserProject();
    user.sh(`rm -rf '${control.project}' && git clone -q '${user.project}' '${control.project}'`);
    const settingsPath = join(control.project, '.claude', 'settings.json');
    writeFileSync(settingsPath, readFileSync(settingsPath, 'utf8').replace(' || exit 2', ''));
    const open = await runClientIn(control.dir, chmodOnly, { PATH: pathWithoutNode(control.dir) });
    expect(open.results.map((r) => r.is_error)).toEqual([false]);
    expect(modeOf(join(control.project, 'src', 'app.js'))).toBe('777');
  });

  it("list, doctor, test, disable and enable work on the project's hooks there, with no --dist", () => {
    const list = user.sh('npx hookpack list', { cwd: join(user.project, 'src') }).stdout;
    expect(list).toMatch(/^project {2}PreToolUse .*hookpack on-PreToolUse\.cjs$/m);
    expect(list).toMatch(/^no-deploy +PreToolUse +on +project/m);
    const doctor = user.sh('npx hookpack doctor', { cwd: join(user.project, 'src'), allowFail: true });
    expect(doctor.status, doctor.stdout).toBe(0);
    expect(doctor.stdout).not.toContain('stale');
    const payload = JSON.stringify({
      session_id: 's',
      transcript_path: '/t',
      cwd: user.project,
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'echo deploy-prod' },
      tool_use_id: 't',
    });
    writeFileSync(join(user.dir, 'payload.json'), payload);
    expect(
      user.sh(`npx hookpack test on-PreToolUse --input '${join(user.dir, 'payload.json')}' --expect deny`).stdout,
    ).toContain('own-hook: production deploys');
    expect(user.sh('npx hookpack disable no-deploy').stdout).toMatch(/^switched no-deploy off for you/);
    expect(user.sh('npx hookpack enable no-deploy').stdout).toMatch(/^switched no-deploy on for you/);
  });

  it('uninstall, from a directory below the root, gives the settings file back byte for byte', () => {
    const run = user.sh('npx hookpack uninstall', { cwd: join(user.project, 'src') });
    expect(run.stdout).toMatch(/^updated \.\.\/\.claude\/settings\.json \(project scope\)|^updated .*settings\.json/);
    expect(readFileSync(join(user.project, '.claude', 'settings.json'), 'utf8')).toBe(ORIGINAL_SETTINGS);
  });
});
