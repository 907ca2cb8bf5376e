import type { HookContext, HookDefinition, HookWorld } from '../define.ts';
import { processStartMs, sinceStartMs } from './clock.ts';
import { HookError, oneLine } from './errors.ts';
import { homeDir } from './home-dir.ts';
import { writeAll } from './output.ts';
import type { Evaluation } from './outcome.ts';
import { errorCode, failureAnswer } from './policy.ts';
import { renderAnswer } from './render.ts';

export type { Evaluation } from './outcome.ts';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** The decision a telemetry line records for an answer. */
function decisionOf(value: unknown): string {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' ? kind : 'none';
}

/** This process's world: its working directory, environment and home, each read on first use. */
export const processWorld: HookWorld = {
  cwd() {
    try {
      return process.cwd();
    } catch {
      return ''; // the directory was deleted
    }
  },
  env: process.env,
  home: () => homeDir(process.env),
};

function makeContext(
  name: string,
  deadline: number,
  debug: boolean,
  world: HookWorld,
): HookContext & { abort(): void } {
  let controller: AbortController | undefined;
  let cwd: string | undefined;
  let home: string | undefined;
  return {
    name,
    deadline,
    get cwd() {
      cwd ??= world.cwd();
      return cwd;
    },
    env: world.env,
    get home() {
      home ??= world.home();
      return home;
    },
    // Created on first use: most handlers never touch it, and every hook pays for what it loads.
    get signal() {
      controller ??= new AbortController();
      return controller.signal;
    },
    remainingMs: () => Math.max(0, deadline - Date.now()),
    debug: debug ? (message) => writeAll(2, `hookpack ${name}: ${oneLine(message, 2000)}\n`) : () => {},
    abort: () => controller?.abort(new HookError('E_HANDLER_TIMEOUT', 'deadline passed')),
  };
}

/** Turns a thrown value into the hook's failure outcome (its policy decides which). */
export function failed(
  hook: Pick<HookDefinition, 'event' | 'onError'>,
  name: string,
  error: unknown,
  debug: boolean,
): Evaluation {
  if (debug)
    writeAll(
      2,
      `hookpack ${name}: ${errorCode(error)}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  return {
    name,
    outcome: failureAnswer(hook, name, error),
    decision: hook.onError === 'block' ? 'fail-closed' : 'fail-open',
    error: errorCode(error),
    ms: sinceStartMs(),
  };
}

function answered(hook: HookDefinition, name: string, value: unknown, debug: boolean): Evaluation {
  try {
    return { name, outcome: renderAnswer(hook.event, value), decision: decisionOf(value), ms: sinceStartMs() };
  } catch (error) {
    return failed(hook, name, error, debug);
  }
}

/**
 * Runs one hook's handler on an already checked payload under its deadline, and renders its
 * answer or its failure. `world` is what the handler's context gives it of cwd, env and home. A synchronous answer comes back synchronously (no timer, no promise),
 * which keeps the common guard path free of event-loop turns.
 */
export function evaluateHook(
  hook: HookDefinition,
  name: string,
  payload: unknown,
  deadline: number,
  debug: boolean,
  world: HookWorld = processWorld,
): Evaluation | Promise<Evaluation> {
  const context = makeContext(name, deadline, debug, world);
  let result: unknown;
  try {
    result = hook.run(payload as never, context);
  } catch (error) {
    return failed(hook, name, error, debug);
  }
  if (!isThenable(result)) return answered(hook, name, result, debug);
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => {
        context.abort();
        const late = failed(
          hook,
          name,
          new HookError(
            'E_HANDLER_TIMEOUT',
            `the handler did not answer within its deadline (${Math.round(deadline - processStartMs())} ms after start); make it faster or raise \`timeout\``,
          ),
          debug,
        );
        resolve({ ...late, timedOut: true });
      },
      Math.max(0, deadline - Date.now()),
    );
    result.then(
      (value) => {
        clearTimeout(timer);
        resolve(answered(hook, name, value, debug));
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve(failed(hook, name, error, debug));
      },
    );
  });
}
