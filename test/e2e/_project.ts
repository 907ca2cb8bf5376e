// A user's own project, as a new user makes one: hookpack packed with `npm pack`, installed from
// the tarball with npm, then driven through `npx hookpack …`, and the real Claude Code CLI run in
// it (./harness/run-claude.ts). Each project lives at <dir>/project with its own HOME at <dir>/home, so no
// test touches the real $HOME; npm's cache is one directory under the temp dir for the whole run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './_harness.ts';
import { toolResults } from './harness/inspect.ts';
import { runClaude } from './harness/run-claude.ts';
import type { Script } from './harness/script.ts';

/** One npm cache for every project of a run (never the real ~/.npm). */
export const NPM_CACHE = join(tmpdir(), 'hookpack-e2e-npm-cache');

let packed: string | undefined;

/** `npm pack` of this checkout (its prepack builds), once per run; the tarball's path. */
export function packOnce(): string {
  if (packed !== undefined) return packed;
  const out = mkdtempSync(join(tmpdir(), 'hookpack-pack-'));
  const result = spawnSync('npm', ['pack', '--pack-destination', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, npm_config_cache: NPM_CACHE },
  });
  if (result.status !== 0) throw new Error(`npm pack failed (${result.status}):\n${result.stderr}`);
  const file = readdirSync(out).find((f) => f.endsWith('.tgz'));
  if (file === undefined) throw new Error(`npm pack wrote no tarball into ${out}`);
  packed = join(out, file);
  return packed;
}

export interface UserProject {
  dir: string;
  project: string;
  home: string;
  env: NodeJS.ProcessEnv;
  /** Runs a shell command line in the project (as the README shows it); throws with its output on failure. */
  sh(
    command: string,
    options?: { cwd?: string; allowFail?: boolean },
  ): { status: number | null; stdout: string; stderr: string };
}

/** The environment a person's shell would have: PATH, a fresh HOME, the run's npm cache. */
export function userEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    npm_config_cache: NPM_CACHE,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    GIT_AUTHOR_NAME: 'e2e',
    GIT_AUTHOR_EMAIL: 'e2e@example.invalid',
    GIT_COMMITTER_NAME: 'e2e',
    GIT_COMMITTER_EMAIL: 'e2e@example.invalid',
    ...extra,
  };
}

/** `<dir>/project` (created with `files`) and `<dir>/home`, in a fresh temp directory. */
export function makeUserProject(
  files: Record<string, string> = {},
  dir = mkdtempSync(join(tmpdir(), 'hookpack-user-')),
): UserProject {
  const project = join(dir, 'project');
  const home = join(dir, 'home');
  mkdirSync(project, { recursive: true });
  mkdirSync(home, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(project, rel, '..'), { recursive: true });
    writeFileSync(join(project, rel), content);
  }
  const env = userEnv(home);
  return {
    dir,
    project,
    home,
    env,
    sh(command, options = {}) {
      const result = spawnSync('sh', ['-c', command], {
        cwd: options.cwd ?? project,
        env,
        encoding: 'utf8',
        timeout: 300_000,
      });
      if (result.status !== 0 && options.allowFail !== true)
        throw new Error(`\`${command}\` exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
}

interface ClientRun {
  exitCode: number | null;
  requests: unknown[];
}

/** The tool results the model received in a run of the real client in `<dir>/project`, with its own HOME. */
export async function runClientIn(
  dir: string,
  script: Record<string, unknown>,
  env: Record<string, string> = {},
): Promise<{ run: ClientRun; results: Array<{ is_error: boolean; text: string }> }> {
  // settingsFlag + {}: the project's own .claude/settings.json is what the client reads, untouched.
  const run = await runClaude({
    out: dir,
    settingsFlag: true,
    settings: {},
    prompt: 'go',
    script: script as Script,
    env,
    timeoutS: 90,
  });
  return { run, results: toolResults(run.requests).map(({ is_error, text }) => ({ is_error, text })) };
}

/** A PATH with the tools a session needs (sh, ls, git …) and no `node`. */
export function pathWithoutNode(dir: string): string {
  const bin = join(dir, 'no-node-bin');
  mkdirSync(bin, { recursive: true });
  for (const tool of [
    'sh',
    'bash',
    'env',
    'ls',
    'cat',
    'chmod',
    'rm',
    'mkdir',
    'git',
    'dirname',
    'sed',
    'grep',
    'head',
    'tail',
    'tr',
    'uname',
  ]) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
      if (path.startsWith('/')) execFileSync('ln', ['-sf', path, join(bin, tool)]);
    } catch {
      // not on this machine: a session here does not need it
    }
  }
  return bin;
}
