import type { Allow, Ask, Block, Context, Defer, Deny, Halt, Notice, Retry } from './answers.ts';
import { FAIL_CLOSED_EVENTS } from './events.ts';
import { compileMatcher } from './runtime/matcher.ts';
import type { EventName, ToolEventName } from './events.ts';
import type { GenericPayload, HookPayloads, ToolInputs } from './schemas/index.ts';

/** What a hook does when it cannot answer: `'block'` fails closed (exit 2), `'allow'` fails open (exit 1). */
export type OnError = 'block' | 'allow';

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
type SplitNames<S extends string> = S extends `${infer A}|${infer B}`
  ? Trim<A> | SplitNames<B>
  : S extends `${infer A},${infer B}`
    ? Trim<A> | SplitNames<B>
    : Trim<S>;

/** The built-in tools a matcher names, or never when it names none or something else (a regex). */
type NamedTools<M> = M extends string ? ([SplitNames<M>] extends [keyof ToolInputs] ? SplitNames<M> : never) : never;

type WithTool<P, T> = T extends keyof ToolInputs
  ? Omit<P, 'tool_name' | 'tool_input'> & { tool_name: T; tool_input: ToolInputs[T] }
  : never;

/** The payload type a handler receives: narrowed by event, and by tool when the matcher names built-in tools. */
export type InputFor<E extends string, M> = E extends EventName
  ? E extends ToolEventName
    ? [NamedTools<M>] extends [never]
      ? HookPayloads[E]
      : WithTool<HookPayloads[E], NamedTools<M>>
    : HookPayloads[E]
  : GenericPayload;

type Universal = Halt | Notice;

/** The answers Claude Code accepts from a hook of event `E` (hooks-protocol §4.2). */
export type AnswerFor<E extends string> = E extends 'PreToolUse'
  ? Allow | Deny | Ask | Defer | Context | Universal
  : E extends 'PermissionRequest'
    ? Allow | Deny | Universal
    : E extends 'PermissionDenied'
      ? Retry | Universal
      : E extends 'PostToolUse' | 'PostToolBatch' | 'UserPromptSubmit' | 'UserPromptExpansion' | 'Stop' | 'SubagentStop'
        ? Block | Context | Universal
        : E extends 'PostToolUseFailure' | 'SessionStart' | 'Setup' | 'SubagentStart'
          ? Context | Universal
          : E extends 'TaskCreated' | 'TaskCompleted' | 'TeammateIdle' | 'ConfigChange' | 'PreCompact'
            ? Block | Universal
            : Universal;

/** Passed to every handler next to its input. */
export interface HookContext {
  /** The hook's name (its file name without extension). */
  readonly name: string;
  /** Aborted when the handler's deadline passes: hand it to fetch, lib helpers, subprocesses. */
  readonly signal: AbortSignal;
  /** Epoch ms by which the hook must have answered. */
  readonly deadline: number;
  /** Milliseconds left before the deadline (never negative). */
  remainingMs(): number;
  /** Writes a line to stderr when HOOKPACK_DEBUG is set; otherwise does nothing. */
  debug(message: string): void;
  /**
   * The directory the hook runs in (Claude Code starts hooks in the project's directory; the
   * payload's `cwd` is where Claude's shell is). Read it here rather than from `process.cwd()`,
   * and `env` and `home` rather than `process.env` and `os.homedir()`: the same hook can then
   * answer in-process for many sessions (a warm process, an SDK callback) without one session's
   * world leaking into another's. '' when the directory no longer exists.
   */
  readonly cwd: string;
  /** The environment the hook runs with; for a guard, without the switches a project's settings set (README, bash-guard). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The user's home directory: `$HOME`, else the passwd entry, else ''. */
  readonly home: string;
}

/** Where a handler runs: what {@link HookContext} hands it of the world outside the payload. */
export interface HookWorld {
  cwd(): string;
  env: Readonly<Record<string, string | undefined>>;
  home(): string;
}

type Awaitable<T> = T | Promise<T>;

export interface HookOptions<E extends string, M extends string | undefined> {
  /** The event this hook handles, e.g. `'PreToolUse'`. Unknown names are accepted with a generic payload. */
  event: E;
  /** Claude Code's matcher syntax: exact names split on `|` or `,`, otherwise an unanchored regex. */
  matcher?: M;
  /** Seconds Claude Code waits for this hook (settings.json `timeout`); the handler's deadline sits below it. Default 10. */
  timeout?: number;
  /** Failure policy. Default: `'block'` for PreToolUse and PermissionRequest, `'allow'` elsewhere. */
  onError?: OnError;
  /** Position in an event bundle (lower first, then by name): the order `updatedInput` rewrites apply in. Default 0. */
  order?: number;
  /**
   * Whether the hook opens network (TLS) connections. Default false: the installer then starts it
   * as `env -u NODE_EXTRA_CA_CERTS node …`, because that variable makes Node 20 start 3x slower.
   */
  network?: boolean;
  /** The handler: return an answer (see lib/answers.ts) or nothing. */
  run(input: InputFor<E, M>, context: HookContext): Awaitable<AnswerFor<E> | undefined | void>;
}

/** A hook as the runner and the build see it: options validated, defaults filled in. */
export interface HookDefinition {
  readonly kind: 'hookpack.hook';
  readonly event: string;
  readonly matcher: string | undefined;
  readonly timeout: number;
  readonly onError: OnError;
  readonly order: number;
  readonly network: boolean;
  readonly run: (input: never, context: HookContext) => unknown;
}

export const DEFAULT_TIMEOUT_SECONDS = 10;
/** Claude Code's own default and ceiling for command hooks is 600 s; a hook above it is a mistake. */
const MAX_TIMEOUT_SECONDS = 600;

export class HookDefinitionError extends Error {
  override readonly name = 'HookDefinitionError';
  readonly code = 'E_DEFINE';
}

/** Declares a hook. `export default defineHook({...})` in `hooks/<name>.ts` is all a hook file needs. */
export function defineHook<const E extends EventName | (string & {}), const M extends string | undefined = undefined>(
  options: HookOptions<E, M>,
): HookDefinition {
  const { event, matcher, timeout = DEFAULT_TIMEOUT_SECONDS, onError, order = 0, network = false, run } = options;
  if (typeof event !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(event)) {
    throw new HookDefinitionError(`\`event\` must be an event name such as 'PreToolUse', got ${JSON.stringify(event)}`);
  }
  if (event === 'WorktreeCreate') {
    // Claude Code reads the worktree path from the last line of stdout there, so a JSON answer
    // (or a failure's JSON) would be taken for the path (hooks-protocol §4.2).
    throw new HookDefinitionError(
      '`event` WorktreeCreate expects a bare path on stdout, not JSON: hookpack cannot write such hooks; use a plain command hook',
    );
  }
  if (matcher !== undefined && typeof matcher !== 'string') {
    throw new HookDefinitionError(`\`matcher\` must be a string such as 'Bash' or 'Edit|Write', got ${typeof matcher}`);
  }
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0 || timeout > MAX_TIMEOUT_SECONDS) {
    throw new HookDefinitionError(
      `\`timeout\` is in seconds and must be > 0 and <= ${MAX_TIMEOUT_SECONDS}, got ${String(timeout)}`,
    );
  }
  if (onError !== undefined && onError !== 'block' && onError !== 'allow') {
    throw new HookDefinitionError(`\`onError\` must be 'block' or 'allow', got ${JSON.stringify(onError)}`);
  }
  if (typeof order !== 'number' || !Number.isFinite(order)) {
    throw new HookDefinitionError(
      `\`order\` must be a finite number (lower runs first in an event bundle), got ${String(order)}`,
    );
  }
  if (matcher !== undefined && matcher !== '' && matcher !== '*') {
    try {
      compileMatcher(matcher, event);
    } catch {
      throw new HookDefinitionError(
        `\`matcher\` ${JSON.stringify(matcher)} is not a valid regular expression, so Claude Code would never match it`,
      );
    }
  }
  if (typeof network !== 'boolean') {
    throw new HookDefinitionError(`\`network\` must be true or false, got ${typeof network}`);
  }
  if (typeof run !== 'function') {
    throw new HookDefinitionError('`run` must be a function (input, context) => answer');
  }
  return {
    kind: 'hookpack.hook',
    event,
    matcher: matcher === '' || matcher === '*' ? undefined : matcher,
    timeout,
    onError: onError ?? (FAIL_CLOSED_EVENTS.includes(event) ? 'block' : 'allow'),
    order,
    network,
    run: run as HookDefinition['run'],
  };
}

export function isHookDefinition(value: unknown): value is HookDefinition {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'hookpack.hook';
}
