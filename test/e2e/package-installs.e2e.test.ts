// The three ways a project gets hookpack (README "Quick start"): the packed tarball, a git URL and
// a clone's path (a symlink). Each must bring the `hookpack` command and an SDK plain Node can
// import, and build a guard that works.
import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './_harness.ts';
import { makeUserProject, packOnce, type UserProject } from './_project.ts';

const PAYLOAD = JSON.stringify({
  session_id: 's1',
  transcript_path: '/tmp/t.jsonl',
  cwd: '/tmp',
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command: 'rm -rf ~' },
  tool_use_id: 'toolu_1',
});

function newProject(extra: Record<string, unknown> = {}): UserProject {
  return makeUserProject({
    'package.json': `${JSON.stringify({ name: 'myapp', version: '1.0.0', private: true, ...extra }, null, 2)}\n`,
  });
}

/** What every install must give: the command, an importable SDK, and a working build. */
function expectWorkingInstall(user: UserProject): void {
  expect(user.sh('npx hookpack --version').stdout.trim()).toBe(
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
  );
  const imported = user.sh(
    `node --input-type=module -e "import { defineHook, deny } from 'hookpack'; import { memo } from 'hookpack/cache'; import { run } from 'hookpack/run'; import { breaker } from 'hookpack/breaker'; import { runInBackground } from 'hookpack/background'; import { spawnHook } from 'hookpack/testing'; import { toAgentSdkHooks } from 'hookpack/sdk'; console.log([defineHook, deny, memo, run, breaker, runInBackground, spawnHook, toAgentSdkHooks].map((f) => typeof f).join())"`,
    { allowFail: true },
  );
  expect(imported.stderr).toBe('');
  expect(imported.stdout.trim()).toBe('function,function,function,function,function,function,function,function');
  user.sh('npx hookpack init && npx hookpack add bash-guard && npx hookpack build');
  const run = spawnSync(process.execPath, [join(user.project, '.claude', 'hooks', 'dist', 'on-PreToolUse.cjs')], {
    input: PAYLOAD,
    encoding: 'utf8',
    env: user.env,
  });
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
}

describe('installing hookpack into a project', () => {
  it('from the packed tarball', () => {
    const user = newProject();
    user.sh(`npm install --save-dev '${packOnce()}'`);
    expectWorkingInstall(user);
    // Only what users need is in the package: no tests, no benchmarks, no repository build script.
    const files = spawnSync('tar', ['tzf', packOnce()], { encoding: 'utf8' }).stdout.split('\n');
    expect(files.filter((f) => /^package\/(test|bench|\.ci)\//.test(f) || f === 'package/build.mjs')).toEqual([]);
    expect(files).toContain('package/dist/cli.cjs');
    // Type checking: without typescript the build says how to add it; with the project's own
    // (an older major than ours), a type error fails the build naming the file and line.
    writeFileSync(
      join(user.project, '.claude', 'hooks', 'typo.ts'),
      "import { defineHook } from 'hookpack';\nexport default defineHook({ event: 'PreToolUse', matcher: 'Bash', run({ tool_input }) { const n: number = tool_input.command; void n; } });\n",
    );
    expect(user.sh('npx hookpack build', { allowFail: true }).stderr).toContain(
      'add it with `npm install --save-dev typescript @types/node`',
    );
    user.sh('npm install --save-dev typescript@5 @types/node@20');
    const failed = user.sh('npx hookpack build', { allowFail: true });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(
      /\.claude\/hooks\/typo\.ts\(2,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/,
    );
  });

  it('from a git URL (npm runs its prepare script once allowScripts lets it)', () => {
    const user = newProject({ allowScripts: { hookpack: true } });
    user.sh(`npm install --save-dev 'git+file://${ROOT}'`);
    expectWorkingInstall(user);
  });

  it('from the path of a clone, as a symlink', () => {
    const user = newProject();
    user.sh(`npm install --save-dev '${ROOT}'`);
    expect(lstatSync(join(user.project, 'node_modules', 'hookpack')).isSymbolicLink()).toBe(true);
    expect(realpathSync(join(user.project, 'node_modules', 'hookpack'))).toBe(realpathSync(ROOT));
    expectWorkingInstall(user);
  });
});
