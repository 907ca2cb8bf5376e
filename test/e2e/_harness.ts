// Runs the real Claude Code CLI (the pinned devDependency, offline against our scripted mock API,
// ./harness) on a throwaway project whose hooks were wired the way users wire them: our built
// bundles copied into the project's dist/ and `hookpack install` writing .claude/settings.json.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findText, toolResults } from './harness/inspect.ts';
import { type ClaudeRun, claudeBin, runClaude } from './harness/run-claude.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export type { ClaudeRun };

/** Readers of a run's request log (kept as a function so the tests' call sites stay as they are). */
export const inspect = () => ({ findText, toolResults });

export interface Scenario {
  /** `per-hook` wires one entry per hook; `per-event` one bundle per event (hookpack install flags). */
  layout: 'per-hook' | 'per-event';
  /** The mock model's script (see ./harness/script.ts), or a function of the run's paths. */
  script: Record<string, unknown> | ((paths: { project: string; stateDir: string }) => Record<string, unknown>);
  prompt?: string;
  prompts?: string[];
  /** Files to create in the project before the run (relative paths). */
  files?: Record<string, string>;
  /** Environment for Claude Code, inherited by the hooks. */
  env?: Record<string, string>;
  /** Build and wire these hooks instead of the repo's (a directory of hook sources). */
  hooksDir?: string;
  /** Restrict `hookpack install --hooks`. */
  hooks?: string[];
  /** Wrap `node` so every hook process start is recorded in <dir>/node-starts.log. */
  countProcesses?: boolean;
  /** Claude Code permission flags (default: `--permission-mode default --allowedTools Bash`). */
  permissionArgs?: string[];
  /** `hookpack install --warm --scope local`: the warm client's commands in .claude/settings.local.json (docs/warm.md). */
  warm?: boolean;
  /** Runs after the project is laid out and wired, before Claude Code starts (e.g. `git init`). */
  setup?: (paths: { project: string; stateDir: string }) => void;
}

export interface ScenarioRun extends ClaudeRun {
  project: string;
  stateDir: string;
  settings: Record<string, unknown>;
  /** The tool_result texts the model received, in order. */
  results: Array<{ is_error: boolean; text: string }>;
  /** Every hook process started (with countProcesses), as the bundle file names. */
  nodeStarts: string[];
  /** Lines of $HOOKPACK_HOME/telemetry.jsonl. */
  telemetry: Array<Record<string, unknown>>;
  /** All text of the hook events Claude Code streamed (hook_started/hook_response…). */
  hookEventText: string;
}

/** Builds a hooks directory into `out` (default: the repo's dist, built by npm run build). */
function distFor(scenario: Scenario, dir: string): string {
  if (scenario.hooksDir === undefined) return join(ROOT, 'dist');
  const out = join(dir, 'build');
  const built = spawnSync(
    process.execPath,
    [join(ROOT, 'build.mjs'), '--no-typecheck', '--hooks-dir', scenario.hooksDir, '--out-dir', out],
    { encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`building ${scenario.hooksDir} failed: ${built.stderr}`);
  return out;
}

/** A `node` first on PATH that records which bundle each hook process runs, then execs the real one. */
function nodeRecorder(dir: string): string {
  const bin = join(dir, 'recorder-bin');
  mkdirSync(bin, { recursive: true });
  const log = join(dir, 'node-starts.log');
  writeFileSync(join(bin, 'node'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\nexec '${process.execPath}' "$@"\n`);
  chmodSync(join(bin, 'node'), 0o755);
  return bin;
}

/** Runs one scenario end to end and reads back everything it left behind. */
export async function runScenario(scenario: Scenario): Promise<ScenarioRun> {
  claudeBin(); // fails first, with how to install it, if the client is missing
  const dir = mkdtempSync(join(tmpdir(), 'hookpack-e2e-'));
  const project = join(dir, 'project');
  const stateDir = join(dir, 'hookpack-home');
  mkdirSync(join(project, '.claude'), { recursive: true });
  mkdirSync(join(dir, 'home'), { recursive: true });

  const dist = distFor(scenario, dir);
  // Where `hookpack build` puts a project's bundles.
  const projectDist = join(project, '.claude', 'hooks', 'dist');
  mkdirSync(projectDist, { recursive: true });
  for (const file of readdirSync(dist))
    if ((file.endsWith('.cjs') && file !== 'cli.cjs') || file === 'manifest.json')
      cpSync(join(dist, file), join(projectDist, file));

  const layoutFlag = scenario.layout === 'per-hook' ? '--per-hook' : '--per-event';
  const scope = scenario.warm ? ['--scope', 'local', '--warm'] : ['--scope', 'project'];
  const install = spawnSync(
    process.execPath,
    [
      join(ROOT, 'dist', 'cli.cjs'),
      'install',
      ...scope,
      layoutFlag,
      ...(scenario.hooks ? ['--hooks', scenario.hooks.join(',')] : []),
    ],
    {
      cwd: project,
      env: { ...process.env, HOME: join(dir, 'home') },
      encoding: 'utf8',
    },
  );
  if (install.status !== 0) throw new Error(`hookpack install failed (${install.status}): ${install.stderr}`);
  const settingsPath = join(project, '.claude', scenario.warm ? 'settings.local.json' : 'settings.json');
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8')) as Record<string, unknown>;

  for (const [rel, content] of Object.entries(scenario.files ?? {})) {
    mkdirSync(dirname(join(project, rel)), { recursive: true });
    writeFileSync(join(project, rel), content);
  }
  scenario.setup?.({ project, stateDir });

  const path = scenario.countProcesses ? `${nodeRecorder(dir)}:${process.env.PATH}` : process.env.PATH;
  const run = await runClaude({
    out: dir,
    settings: settingsPath,
    script: typeof scenario.script === 'function' ? scenario.script({ project, stateDir }) : scenario.script,
    ...(scenario.prompts ? { prompts: scenario.prompts } : { prompt: scenario.prompt ?? 'go' }),
    env: { HOOKPACK_HOME: stateDir, PATH: path ?? '', ...scenario.env },
    timeoutS: 60,
    ...(scenario.permissionArgs ? { permissionArgs: scenario.permissionArgs } : {}),
  });
  const telemetryFile = join(stateDir, 'telemetry.jsonl');
  const startsFile = join(dir, 'node-starts.log');
  const hookEvents = run.events.filter((e) => typeof e.subtype === 'string' && String(e.subtype).startsWith('hook'));
  return {
    ...run,
    project,
    stateDir,
    settings,
    results: toolResults(run.requests).map(({ is_error, text }) => ({ is_error, text })),
    nodeStarts: existsSync(startsFile)
      ? readFileSync(startsFile, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((p) => p.split('/').pop() ?? p)
      : [],
    telemetry: existsSync(telemetryFile)
      ? readFileSync(telemetryFile, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>)
      : [],
    hookEventText: JSON.stringify(hookEvents),
  };
}

/** Removes a scenario's directory unless E2E_KEEP=1. */
export function cleanup(run: { dir: string } | undefined): void {
  if (run && process.env.E2E_KEEP !== '1') rmSync(run.dir, { recursive: true, force: true });
}

export const exists = (run: ScenarioRun, rel: string) => existsSync(join(run.project, rel));
export { dirname };
