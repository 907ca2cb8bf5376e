import { MATCHER_FIELD } from '../events.ts';

const EXACT_LIST = /^[A-Za-z0-9_\- ,|]*$/;
// FileChanged and StopFailure read a narrower exact-name set: no `-`, `,` or spaces (§2.3).
const NARROW_EXACT_LIST = /^[A-Za-z0-9_|]*$/;
const NARROW_EVENTS: readonly string[] = ['FileChanged', 'StopFailure'];

/**
 * Claude Code's matcher semantics (hooks-protocol §2.3): empty or `*` matches everything; a value
 * made only of letters, digits, `_`, `-`, spaces, `,` and `|` is a list of exact names; anything
 * else is an unanchored, case-sensitive JavaScript regex.
 */
export function compileMatcher(matcher: string | undefined, event?: string): (value: string) => boolean {
  if (matcher === undefined || matcher === '' || matcher === '*') return () => true;
  // defineHook compiles a hook's matcher to check it, payloadMatches to use it: once per process.
  const key = `${event ?? ''}\0${matcher}`;
  let compiled = compiledMatchers.get(key);
  if (compiled === undefined) {
    compiled = compileMatcherNow(matcher, event);
    compiledMatchers.set(key, compiled);
  }
  return compiled;
}

const compiledMatchers = new Map<string, (value: string) => boolean>();

function compileMatcherNow(matcher: string, event: string | undefined): (value: string) => boolean {
  if ((event !== undefined && NARROW_EVENTS.includes(event) ? NARROW_EXACT_LIST : EXACT_LIST).test(matcher)) {
    const names = new Set(
      matcher
        .split(/[|,]/)
        .map((name) => name.trim())
        .filter(Boolean),
    );
    return (value) => names.has(value);
  }
  const regex = new RegExp(matcher);
  return (value) => regex.test(value);
}

/**
 * Whether a payload is one this hook's matcher selects. Events without a matcher field always
 * match (Claude Code ignores a matcher there); FileChanged matches on the file's basename.
 */
export function payloadMatches(event: string, matcher: string | undefined, payload: Record<string, unknown>): boolean {
  if (matcher === undefined) return true;
  const field = (MATCHER_FIELD as Record<string, string | undefined>)[event];
  if (field === undefined) return true;
  let value = payload[field];
  if (typeof value !== 'string') return false;
  if (event === 'FileChanged') value = value.slice(Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\')) + 1);
  return compileMatcher(matcher, event)(value as string);
}

/**
 * The settings.json matcher an event bundle needs: one that fires whenever any of its hooks'
 * matchers would (each hook re-applies its own inside the bundle). No matcher on any hook means
 * none for the bundle; exact lists stay an exact list; a regex among them turns the union into
 * an anchored-names-or-regex alternation. The build runs this (build/bundle.mjs loadLibModule).
 */
export function unionMatcher(matchers: readonly (string | null | undefined)[]): string | null {
  if (matchers.some((m) => m === null || m === undefined || m === '' || m === '*')) return null;
  const list = matchers as readonly string[];
  const names = (m: string) =>
    m
      .split(/[|,]/)
      .map((n) => n.trim())
      .filter(Boolean);
  if (list.every((m) => EXACT_LIST.test(m))) return [...new Set(list.flatMap(names))].join('|');
  return list.map((m) => (EXACT_LIST.test(m) ? `^(?:${names(m).join('|')})$` : `(?:${m})`)).join('|');
}
