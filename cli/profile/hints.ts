import { homedir } from 'node:os';
import { OUTPUT_CHAR_CAP } from '../../lib/runtime/truncate.ts';
import { readBundleInfo } from '../doctor/bundle-banner.ts';
import { inCommittedFile, portableShimFix } from '../doctor/committed.ts';
import { shimOf } from '../doctor/which.ts';
import type { ProfileTarget } from './targets.ts';

/** What the hints look at, besides the target itself. */
export interface HintFacts {
  ratio: number;
  timeouts: number;
  runs: number;
  timeoutMs: number;
  maxOutputChars: number;
  /** Exit codes other than 0 and 2 (which are answers), with the first stderr line seen. */
  failures: { code: string; stderrLine: string }[];
  env: NodeJS.ProcessEnv;
  nodeVersion: string;
  /** Runs after which processes of the hook's group were still running (profile killed them). */
  leftBehind?: number;
}

/**
 * The likely fixes for a hook, most important first: timeouts and failures (the hook does not
 * work), output over the cap (Claude sees a preview), then causes of slowness measured in
 * shared/docs/startup-facts.md (shims, NODE_EXTRA_CA_CERTS on Node 20, python imports, heavy Node).
 */
export function hookHints(target: ProfileTarget, facts: HintFacts): string[] {
  const hints: string[] = [];
  const { program } = target;
  if (facts.timeouts > 0) {
    hints.push(`timed out in ${facts.timeouts} of ${facts.runs} runs (--timeout-ms ${facts.timeoutMs}): Claude Code cancels a hook at its timeout and carries on without its answer; make it faster or detach slow work`);
  }
  const failure = facts.failures[0];
  if (failure !== undefined) {
    hints.push(`exited ${failure.code}${failure.stderrLine ? ` (${failure.stderrLine.slice(0, 120)})` : ''}: a failing hook's answer is lost; run \`hookpack test\` or the command by hand to see why`);
  }
  if ((facts.leftBehind ?? 0) > 0) {
    hints.push(`left processes running after it exited in ${facts.leftBehind} of ${facts.runs} runs (profile killed them): in a session they pile up, or Claude Code waits for them if they hold its output open; wait for background work, or detach it on purpose (nohup … >/dev/null 2>&1 &)`);
  }
  if (facts.maxOutputChars > OUTPUT_CHAR_CAP) {
    hints.push(`prints ${facts.maxOutputChars} characters, over Claude Code's ${OUTPUT_CHAR_CAP.toLocaleString('en-US')}-character cap: Claude gets a 2 KB preview; print less (hookpack answers are truncated with a marker)`);
  }
  const interpreterPath = program.interpreterPath ?? program.programPath;
  const shim = interpreterPath === undefined ? undefined : shimOf(interpreterPath, program.interpreter ?? program.program?.text ?? '');
  if (shim !== undefined) {
    const name = program.interpreter ?? program.program?.text ?? '';
    // Never an absolute interpreter path into a committed file: it exists on this machine only.
    const committed = inCommittedFile(target.hook, facts.env, facts.env.HOME || homedir());
    hints.push(`goes through a ${shim.manager} shim (100+ ms per call): ${committed ? portableShimFix(name, shim.manager, shim.which) : `write the interpreter's absolute path (\`${shim.which}\`)`}`);
  }
  if (program.family === 'node' && facts.env.NODE_EXTRA_CA_CERTS && facts.nodeVersion.startsWith('v20.') && !program.unsetsCaCerts) {
    hints.push('NODE_EXTRA_CA_CERTS is set and costs Node 20 3x at startup: start it as `env -u NODE_EXTRA_CA_CERTS node …` unless it makes TLS calls');
  }
  if (program.family === 'python' && facts.ratio >= 1) {
    hints.push(`python start-up plus imports costs ${facts.ratio.toFixed(1)}x \`node -e 0\`: \`python3 -X importtime\` shows the heavy imports; move the logic into a hookpack TypeScript hook (one small CJS bundle)`);
  }
  const file = program.script?.path ?? program.programPath;
  const ours = file !== undefined && readBundleInfo(file) !== undefined;
  if (program.family === 'node' && !ours && facts.ratio >= 1.5) {
    hints.push('a heavy Node start: bundle it into one CommonJS file (hookpack does), read stdin with fs.readFileSync(0), avoid ESM and full zod');
  }
  if (ours && facts.ratio >= 2 && !facts.env.NODE_EXTRA_CA_CERTS) {
    hints.push('a hookpack bundle should start near `node -e 0`: check HOOKPACK_DEBUG is unset and that dist/ is freshly built');
  }
  return hints;
}

/** Fixes for an event as a whole: many processes started at once compete for the CPU. */
export function eventHints(event: string, hooks: number): string[] {
  if (hooks < 3) return [];
  return [`${hooks} processes start at once on every ${event}: parallel start-up is CPU-bound, so merge the hookpack ones into one event bundle (dist/on-${event}.cjs) and fold small scripts into it`];
}
