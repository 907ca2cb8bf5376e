import { processStartMs } from '../runtime/clock.ts';
import { processWorld } from '../runtime/evaluate.ts';
import { exitedEarly } from '../runtime/lifecycle.ts';
import type { Evaluation } from '../runtime/outcome.ts';
import { projectSetSwitches } from '../runtime/project-env.ts';
import { exitNow, printOutcome, protectStdout } from '../runtime/protocol.ts';
import { readPayload } from '../runtime/stdin.ts';
import { oneLine } from '../runtime/errors.ts';
import { checkAdoptedPayload, prepareAdoptedEvent, type AdoptedWorld } from './adopted-event.ts';
import { loadOwnHooks } from './own-hooks.ts';

/** Leaves with one line on stderr and exit 1: the entry's `|| exit 2` turns it into a block when it holds a guard. */
function giveUp(message: string): never {
  process.stderr.write(`hookpack adopt: ${oneLine(message, 600)}\n`);
  process.exit(1);
}

/**
 * The adopted runner: one process per event runs that event's adopted settings-file commands
 * concurrently, as Claude Code would, each under its own timeout, output cap and breaker, reads
 * each result by Claude Code's protocol (outcome.ts), runs the project's own hookpack hooks of
 * the event beside them (own-hooks.ts), merges all answers as an event bundle does (merge.ts),
 * prints one JSON object or nothing, records one telemetry line per hook, and exits. What a call
 * does is adopted-event.ts's (the warm daemon runs the same); this is its process: stdin, stdout,
 * the exit code, and the handlers that answer for a process ending early. `argv`: the settings
 * file's name (its table sits next to this file), the event, and optionally one hook (an entry
 * of its own, for a hook with `if`).
 */
export function runAdopted(argv: string[], runnerDir: string): void {
  const env = process.env;
  // Before the bundles load: a hook module printing at its top level must not put text before the answer.
  protectStdout();
  const world: AdoptedWorld = {
    env,
    startMs: processStartMs(),
    spawn: { env: {} },
    hookWorld: processWorld,
    loadOwn: loadOwnHooks,
    projectSwitches: projectSetSwitches,
  };
  const entry = prepareAdoptedEvent(argv, runnerDir, world);
  if ('refused' in entry) return giveUp(entry.refused);
  if ('nothing' in entry) process.exit(0);

  let finished = false;
  const answer = (evaluations: Evaluation[]) => {
    finished = true;
    const outcome = entry.outcome(evaluations);
    const exitCode = printOutcome(outcome);
    entry.record(evaluations);
    return { exitCode, outcome };
  };
  const finish = (evaluations: Evaluation[]): never | void => {
    if (finished) return;
    const { exitCode, outcome } = answer(evaluations);
    exitNow(
      exitCode,
      evaluations.some((e) => e.timedOut === true),
      outcome.json !== undefined,
    );
  };

  let payload: Record<string, unknown>;
  try {
    payload = checkAdoptedPayload(entry.event, readPayload(entry.deadline));
  } catch (error) {
    // Every hook of the entry fails by its own policy: guards block, the others are skipped.
    return finish(entry.failAll(error));
  }

  entry.select(payload);
  // As an event bundle does (lifecycle.ts): an own hook calling process.exit, or an error nobody
  // can attribute, fails the hooks still pending by their own policies, so an adopted guard still
  // running then blocks instead of the process ending with no answer (which lets the call through).
  const failPending = (error: unknown) => finish(entry.pending(error));
  process.on('uncaughtException', failPending);
  process.on('unhandledRejection', failPending);
  process.on('exit', (code) => {
    if (finished) return;
    process.exitCode = answer(entry.pending(exitedEarly(code))).exitCode;
  });
  const settled = entry.start();
  if (settled === undefined) {
    finished = true;
    process.exit(0);
  }
  setTimeout(() => finish(entry.late()), Math.max(0, entry.deadline - Date.now())).unref();
  void settled.then(finish);
}
