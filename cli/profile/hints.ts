import { homedir } from 'node:os';
import { OUTPUT_CHAR_CAP } from '../../lib/runtime/truncate.ts';
import { readBundleInfo } from '../doctor/bundle-banner.ts';
import { inCommittedFile, portableShimFix } from '../doctor/committed.ts';
import { shimOf } from '../doctor/which.ts';
import { num, ratioText } from './format.ts';
import type { ProfileTarget } from './targets.ts';

/** What the hints look at, besides the target itself. Times are the report's, rounded as printed. */
export interface HintFacts {
  /** The hook's p50, as the table shows it (0 when unknown). */
  medianMs?: number;
  ratio: number;
  /** `node -e 0`'s p50, the yardstick row (0 when unknown). */
  yardstickMs?: number;
  /** Its interpreter's empty start measured beside it, when that worked (the empty-start table's row). */
  emptyStart?: { label: string; medianMs: number };
  timeouts: number;
  runs: number;
  timeoutMs: number;
  maxOutputChars: number;
  /** Exit codes other than 0 and 2 (which are answers), with the first stderr line seen. */
  failures: { code: string; stderrLine: string }[];
  /** Every run failed (or its file is missing): its times are of the failure. */
  allFailed?: boolean;
  env: NodeJS.ProcessEnv;
  /** Runs after which processes of the hook's group were still running (profile killed them). */
  leftBehind?: number;
}

/** What to use to look inside a script, per language: profile sees only its total time. */
const LOOK_INSIDE: Partial<Record<string, string>> = {
  python: '`python3 -X importtime` shows what its imports cost',
  node: '`node --cpu-prof` shows where its time goes',
  shell: '`sh -x` shows the commands it runs',
};

/**
 * The measured split of a hook's time: its interpreter's empty start against the rest. Only what
 * was measured is said: the rest is the script's own work, and profile can't see which part of it
 * (imports, files, a program it waits for) takes the time.
 */
function startupSplit(target: ProfileTarget, facts: HintFacts): string | undefined {
  const start = facts.emptyStart;
  const medianMs = facts.medianMs ?? 0;
  if (start === undefined || facts.allFailed === true || facts.ratio < 1 || medianMs === 0) return undefined;
  // From the figures as printed (572 and 222 make 350, not 351), so a reader's subtraction agrees.
  const rest = Math.round((Number(num(medianMs)) - Number(num(start.medianMs))) * 10) / 10;
  const share = start.medianMs / medianMs;
  // Measured beside each other on a noisy machine, the empty start can come out slower than the hook.
  const split =
    rest <= 0
      ? `of its ${num(medianMs)} ms (p50), \`${start.label}\` alone takes ${num(start.medianMs)} ms, measured beside it: start-up is all of it, within this machine's noise`
      : `of its ${num(medianMs)} ms (p50), \`${start.label}\` takes ${num(start.medianMs)} ms, measured beside it; the other ${num(rest)} ms is the hook's own work`;
  const inside = LOOK_INSIDE[target.program.family];
  const work = `${rest > 0 && share >= 0.6 ? `; its own ${num(rest)} ms` : ''} profile can't see into (imports, files it reads, programs it waits for)${inside === undefined ? '' : `: ${inside}`}${target.program.family === 'node' ? '' : '; moving it to another language would not remove that time by itself'}`;
  const yardstick = facts.yardstickMs ?? 0;
  if (share < 0.6) return `${split}, which${work}`;
  const fold = `${split}${rest <= 0 ? '' : '. Start-up is most of it'}: fold it into a hookpack TypeScript hook (a bundle starts in about \`node -e 0\`'s ${num(yardstick)} ms here, and an event bundle starts once for all its hooks)`;
  // A large rest beside a large start: say both, the start is not the whole story.
  return rest > 0 && rest >= yardstick ? `${fold}${work}` : fold;
}

/**
 * The likely fixes for a hook, most important first: failures and timeouts (the hook does not
 * work), output over the cap (Claude sees a preview), then where its time goes, quoting the
 * figures of profile's own tables.
 */
export function hookHints(target: ProfileTarget, facts: HintFacts): string[] {
  const hints: string[] = [];
  const { program } = target;
  if (target.missingFile !== undefined) {
    hints.push(
      `${target.missingFile} does not exist (CLAUDE_PROJECT_DIR=${target.launch.cwd}), so every run timed a failure to start it, not the hook: profile the project it belongs to (\`--settings <project>/.claude/settings.json\`), or fix the path`,
    );
  } else if (facts.allFailed === true && facts.timeouts < facts.runs) {
    const first = facts.failures[0];
    hints.push(
      `failed in all ${facts.runs} runs${first === undefined ? '' : ` (exit ${first.code}${first.stderrLine ? `: ${first.stderrLine.slice(0, 120)}` : ''})`}: its times are of the failure, not of its work; run \`hookpack test\` or the command by hand to see why`,
    );
  }
  if (facts.timeouts > 0) {
    hints.push(
      `timed out in ${facts.timeouts} of ${facts.runs} runs (--timeout-ms ${facts.timeoutMs}): Claude Code cancels a hook at its timeout and carries on without its answer; make it faster or detach slow work`,
    );
  }
  const failure = facts.failures[0];
  if (failure !== undefined && !facts.allFailed) {
    hints.push(
      `exited ${failure.code} in ${facts.failures.length} of ${facts.runs} runs${failure.stderrLine ? ` (${failure.stderrLine.slice(0, 120)})` : ''}: a failing hook's answer is lost; run \`hookpack test\` or the command by hand to see why`,
    );
  }
  if ((facts.leftBehind ?? 0) > 0) {
    hints.push(
      `left processes running after it exited in ${facts.leftBehind} of ${facts.runs} runs (profile killed them): in a session they pile up, or Claude Code waits for them if they hold its output open; wait for background work, or detach it on purpose (nohup … >/dev/null 2>&1 &)`,
    );
  }
  if (facts.maxOutputChars > OUTPUT_CHAR_CAP) {
    hints.push(
      `prints ${facts.maxOutputChars} characters, over Claude Code's ${OUTPUT_CHAR_CAP.toLocaleString('en-US')}-character cap: Claude gets a 2 KB preview; print less (hookpack answers are truncated with a marker)`,
    );
  }
  if (facts.allFailed === true) return hints;
  const interpreterPath = program.interpreterPath ?? program.programPath;
  const shim =
    interpreterPath === undefined
      ? undefined
      : shimOf(interpreterPath, program.interpreter ?? program.program?.text ?? '');
  if (shim !== undefined) {
    const name = program.interpreter ?? program.program?.text ?? '';
    // Never an absolute interpreter path into a committed file: it exists on this machine only.
    const committed = inCommittedFile(target.hook, facts.env, facts.env.HOME || homedir());
    const measured =
      facts.emptyStart === undefined
        ? ''
        : ` (\`${facts.emptyStart.label}\` through it: ${num(facts.emptyStart.medianMs)} ms)`;
    hints.push(
      `goes through a ${shim.manager} shim${measured}: ${committed ? portableShimFix(name, shim.manager, shim.which) : `write the interpreter's absolute path (\`${shim.which}\`)`}`,
    );
  }
  const start = facts.emptyStart;
  const yardstickMs = facts.yardstickMs ?? 0;
  if (
    program.family === 'node' &&
    facts.env.NODE_EXTRA_CA_CERTS &&
    !program.unsetsCaCerts &&
    start !== undefined &&
    yardstickMs > 0 &&
    start.medianMs >= yardstickMs * 1.5
  ) {
    hints.push(
      `NODE_EXTRA_CA_CERTS is set: \`${start.label}\` as this hook starts it takes ${num(start.medianMs)} ms, \`node -e 0\` without it ${num(yardstickMs)} ms: start it as \`env -u NODE_EXTRA_CA_CERTS node …\` unless it makes TLS calls`,
    );
  }
  const file = program.script?.path ?? program.programPath;
  const ours = file !== undefined && readBundleInfo(file) !== undefined;
  // A hookpack bundle gets its own fix below; the split is for everyone else's hooks.
  const split = ours ? undefined : startupSplit(target, facts);
  if (split !== undefined) hints.push(split);
  if (program.family === 'node' && !ours && facts.ratio >= 1.5) {
    hints.push(
      `a Node hook at ${ratioText(facts.ratio)}x \`node -e 0\`: bundle it into one CommonJS file (hookpack does), read stdin with fs.readFileSync(0), avoid ESM and full zod`,
    );
  }
  if (ours && facts.ratio >= 2 && !facts.env.NODE_EXTRA_CA_CERTS) {
    hints.push(
      `a hookpack bundle should start near \`node -e 0\` (${num(yardstickMs)} ms), this one takes ${num(facts.medianMs ?? 0)} ms: check HOOKPACK_DEBUG is unset and that dist/ is freshly built`,
    );
  }
  return hints;
}

/** Fixes for an event as a whole, quoting the events table: many processes started at once compete for the CPU. */
export function eventHints(event: string, hooks: number, parallelMs: number, slowestMs: number): string[] {
  if (hooks < 3) return [];
  return [
    `${hooks} processes start at once on every ${event} (${num(parallelMs)} ms in parallel; the slowest alone ${num(slowestMs)} ms): merge the hookpack ones into one event bundle (dist/on-${event}.cjs) and fold small scripts into it`,
  ];
}
