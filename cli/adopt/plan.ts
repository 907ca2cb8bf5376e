import type { AdoptedHook, OwnBundle, BreakerSettings } from '../../lib/adopt/table.ts';
import { EVENT_NAMES, MATCHER_FIELD } from '../../lib/events.ts';
import { compileMatcher } from '../../lib/runtime/matcher.ts';
import { applyEdits, getNodeValue, type Edit, type Node } from '../settings/jsonc.ts';
import { eventArrays, WEAKENING_FIELDS } from '../settings/handlers.ts';
import { detectStyle, renderJson } from '../settings/style.ts';
import { scriptName, uniqueName } from './names.ts';

/** The seconds an adopted command gets without a `timeout` of its own, and the client's lower defaults (hooks-protocol §2.4). */
export const DEFAULT_TIMEOUT_S = 60;
const EVENT_DEFAULT_S: Record<string, number> = { UserPromptSubmit: 30, MessageDisplay: 10, SessionEnd: 1.5 };
/** What the runner's own entry adds to its slowest hook's timeout: time to stop a process group (SIGTERM, SIGKILL 0.5 s later) and answer. */
export const ENTRY_EXTRA_S = 2;

/** A handler adopt leaves as it is, and why. */
export interface Left {
  where: string;
  why: string;
}

/** What adopt would do to one settings text. */
export interface AdoptPlan {
  hooks: AdoptedHook[];
  /** hookpack install's entries of events with adopted hooks: their bundles run in the runner's process. */
  bundles: OwnBundle[];
  left: Left[];
  /** The new settings text (equal to the input when nothing is adopted). */
  text: string;
}

/** How adopt builds commands and tells entries it must not touch. */
export interface PlanContext {
  /** The runner's command for an event (and one hook, for an entry of its own); `guard` adds `|| exit 2`. */
  runnerCommand: (event: string, hook: string | undefined, guard: boolean, timeoutSeconds: number) => string;
  /** hookpack's own install entries (and the runner's), which are never adopted. */
  isOurs: (command: unknown) => boolean;
  /** The bundle an install entry runs (path for the table, and whether it fails closed), or undefined. */
  ownBundle: (command: unknown) => { path: string; failClosed: boolean } | undefined;
  /** Names already used (the project's own hooks): adopted names stay clear of them. */
  taken: Set<string>;
  /** Names marked with --guard. */
  guards: ReadonlySet<string>;
  /** --breaker-failures / --breaker-cool-down, for every hook adopted (absent: the runner's default). */
  breaker?: BreakerSettings;
}

type Json = Record<string, unknown>;
/** An event's group after adoption: its text as written, or a value to render. */
type Kept = { raw: string } | { value: unknown };
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a handler can't be adopted, or undefined when it can. */
function refusal(event: string, handler: unknown, isOurs: PlanContext['isOurs']): string | undefined {
  if (!isObject(handler)) return 'not a handler object';
  if (handler.type !== 'command')
    return `a \`${String(handler.type)}\` hook: only command hooks run through hookpack; it stays as it is`;
  if (handler.async === true || handler.asyncRewake === true)
    return 'an `async` hook: Claude Code ignores its decisions anyway; it stays as it is';
  if (handler.shell !== undefined && handler.shell !== 'bash')
    return `runs under \`shell: ${String(handler.shell)}\`; it stays as it is`;
  if (typeof handler.command !== 'string' || handler.command.trim() === '') return 'has no command';
  if (handler.args !== undefined && !(Array.isArray(handler.args) && handler.args.every((a) => typeof a === 'string')))
    return '`args` is not a list of strings';
  if (isOurs(handler.command)) return "hookpack's own entry";
  if (!(EVENT_NAMES as readonly string[]).includes(event))
    return `\`${event}\` is not an event Claude Code 2.1.329 knows`;
  if (event === 'WorktreeCreate') return 'WorktreeCreate answers with a path on stdout, not JSON; it stays as it is';
  return undefined;
}

/** The timeout an adopted command gets: its own, else 60 s or the event's lower client default. */
function timeoutOf(event: string, handler: Json): number {
  const own = handler.timeout;
  if (typeof own === 'number' && Number.isFinite(own) && own > 0) return own;
  return Math.min(DEFAULT_TIMEOUT_S, EVENT_DEFAULT_S[event] ?? DEFAULT_TIMEOUT_S);
}

const EXACT = /^[A-Za-z0-9_\- ,|]*$/;
const matchesAll = (m: string | undefined) => m === undefined || m === '' || m === '*';

/**
 * One matcher that selects whatever any of `matchers` selects, so the runner starts only for
 * calls some adopted hook wants (each hook's own matcher is applied again in the runner).
 * Undefined (every occurrence) when one of them matches everything.
 */
export function unionOf(matchers: Array<string | undefined>): string | undefined {
  if (matchers.some(matchesAll)) return undefined;
  const list = [...new Set(matchers as string[])];
  const names = (m: string) =>
    m
      .split(/[|,]/)
      .map((n) => n.trim())
      .filter(Boolean);
  if (list.every((m) => /^[A-Za-z0-9_|]*$/.test(m) || EXACT.test(m)))
    return [...new Set(list.flatMap(names))].join('|');
  return list.map((m) => (EXACT.test(m) ? `^(?:${names(m).join('|')})$` : `(?:${m})`)).join('|');
}

/** The entry's timeout: its slowest hook's, whole seconds, plus the time to stop it and answer. */
function entryTimeout(hooks: AdoptedHook[]): number {
  return Math.ceil(Math.max(...hooks.map((h) => h.timeout))) + ENTRY_EXTRA_S;
}

/**
 * Plans `hookpack adopt` on a parsed settings document: every command hook it can run through
 * hookpack becomes a row of the table (file order, readable unique names), and each event's
 * groups lose those handlers and gain one runner entry (plus one per hook with an `if`, which
 * keeps its `if` and its group's matcher). Groups left empty go; everything else stays as written.
 */
export function planAdoption(root: Node, text: string, context: PlanContext): AdoptPlan {
  const hooks: AdoptedHook[] = [];
  const bundles: OwnBundle[] = [];
  const left: Left[] = [];
  const edits: Edit[] = [];
  const style = detectStyle(text);
  const taken = new Set(context.taken);
  for (const { event, property, array } of eventArrays(root)) {
    if (array === undefined) continue;
    const nodes = array.children ?? [];
    const groups = nodes.map((node) => getNodeValue(node) as unknown);
    const adoptedHere: AdoptedHook[] = [];
    // A hook with an `if` gets an entry of its own, keeping the `if` and its group's matcher.
    const ifEntries = new Map<AdoptedHook, { if: unknown; matcher: unknown }>();
    const ownHere: Array<OwnBundle & { matcher: unknown }> = [];
    // Install's entries join the runner's process when the event gets a shared runner entry.
    const shares = (handler: unknown) =>
      refusal(event, handler, context.isOurs) === undefined && (handler as Json).if === undefined;
    const absorbing = groups.some((group) => isObject(group) && Array.isArray(group.hooks) && group.hooks.some(shares));
    const ownOf = (handler: unknown) => {
      if (!absorbing || !isObject(handler) || handler.type !== 'command' || handler.args !== undefined)
        return undefined;
      if (WEAKENING_FIELDS.some((field) => handler[field] !== undefined)) return undefined;
      return context.ownBundle(handler.command);
    };
    let firstAt: number | undefined;
    // A group adopt does not change keeps its text as written.
    const kept: Kept[] = [];
    const asWritten = (g: number): Kept => ({
      raw: text.slice(nodes[g]?.offset ?? 0, (nodes[g]?.offset ?? 0) + (nodes[g]?.length ?? 0)),
    });
    groups.forEach((group, g) => {
      if (!isObject(group) || !Array.isArray(group.hooks)) {
        kept.push(asWritten(g));
        return;
      }
      const matcher = typeof group.matcher === 'string' ? group.matcher : undefined;
      // The runner applies each hook's matcher itself: one that does not compile would crash it on every call.
      let badMatcher: string | undefined;
      if (matcher !== undefined && MATCHER_FIELD[event as keyof typeof MATCHER_FIELD] !== undefined) {
        try {
          compileMatcher(matcher, event);
        } catch {
          badMatcher = `its group's matcher \`${matcher}\` is not a valid regular expression; it stays as it is`;
        }
      }
      const stay: unknown[] = [];
      group.hooks.forEach((handler, h) => {
        const bundle = ownOf(handler);
        if (bundle !== undefined) {
          const own = (handler as Json).timeout;
          ownHere.push({
            event,
            ...bundle,
            timeout: typeof own === 'number' && own > 0 ? own : DEFAULT_TIMEOUT_S,
            matcher: group.matcher,
          });
          return;
        }
        const refused = refusal(event, handler, context.isOurs);
        const why = refused === undefined && isObject(handler) && handler.type === 'command' ? badMatcher : refused;
        if (why !== undefined) {
          if (why !== "hookpack's own entry") left.push({ where: `hooks.${event}[${g}].hooks[${h}]`, why });
          stay.push(handler);
          return;
        }
        const json = handler as Json;
        const args = json.args as string[] | undefined;
        const name = uniqueName(scriptName(json.command as string, args), taken);
        const adopted: AdoptedHook = {
          name,
          event,
          ...(matcher !== undefined && MATCHER_FIELD[event as keyof typeof MATCHER_FIELD] !== undefined
            ? { matcher }
            : {}),
          command: json.command as string,
          ...(args !== undefined ? { args } : {}),
          timeout: timeoutOf(event, json),
          guard: context.guards.has(name),
          ...(json.if !== undefined ? { own: true } : {}),
          ...(context.breaker !== undefined ? { breaker: context.breaker } : {}),
        };
        if (json.if !== undefined) ifEntries.set(adopted, { if: json.if, matcher: group.matcher });
        adoptedHere.push(adopted);
      });
      if (stay.length < group.hooks.length) firstAt ??= kept.length;
      if (stay.length > 0)
        kept.push(stay.length === group.hooks.length ? asWritten(g) : { value: { ...group, hooks: stay } });
    });
    if (adoptedHere.length === 0 || firstAt === undefined) continue;
    const shared = adoptedHere.filter((h) => h.own !== true);
    const entries: Json[] = [];
    if (shared.length > 0) {
      const matchers = [
        ...shared.map((h) => h.matcher),
        ...ownHere.map((b) => (typeof b.matcher === 'string' ? b.matcher : undefined)),
      ];
      const matcher = MATCHER_FIELD[event as keyof typeof MATCHER_FIELD] === undefined ? undefined : unionOf(matchers);
      const guard = shared.some((h) => h.guard) || ownHere.some((b) => b.failClosed);
      const timeout = Math.max(entryTimeout(shared), ...ownHere.map((b) => b.timeout));
      entries.push({
        ...(matcher !== undefined ? { matcher } : {}),
        hooks: [{ type: 'command', command: context.runnerCommand(event, undefined, guard, timeout), timeout }],
      });
      bundles.push(...ownHere.map(({ matcher: _matcher, ...bundle }) => bundle));
    }
    for (const [hook, entry] of ifEntries) {
      entries.push({
        ...(entry.matcher !== undefined ? { matcher: entry.matcher } : {}),
        hooks: [
          {
            type: 'command',
            if: entry.if,
            command: context.runnerCommand(event, hook.name, hook.guard, entryTimeout([hook])),
            timeout: entryTimeout([hook]),
          },
        ],
      });
    }
    kept.splice(firstAt, 0, ...entries.map((value) => ({ value })));
    hooks.push(...adoptedHere);
    // The property's own indentation: the array's lines continue from it.
    const lineStart = text.lastIndexOf('\n', property.offset) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
    const inner = indent + style.unit;
    const items = kept.map((item) => inner + ('raw' in item ? item.raw : renderJson(item.value, inner, style)));
    edits.push({
      offset: array.offset,
      length: array.length,
      content: `[${style.eol}${items.join(`,${style.eol}`)}${style.eol}${indent}]`,
    });
  }
  return { hooks, bundles, left, text: edits.length === 0 ? text : applyEdits(text, edits) };
}
