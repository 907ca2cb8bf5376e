import { MATCHER_FIELD } from '../../lib/events.ts';
import { compileMatcher } from '../../lib/runtime/matcher.ts';
import { BUILTIN_TOOLS, exactNames, TOOL_EVENTS } from '../doctor/matcher-values.ts';
import { EVENT_FIXTURES, TOOL_FIXTURES } from '../fixtures.ts';

type Payload = Record<string, unknown>;

/** A realistic payload for a hook, and what was changed to make its matcher select it. */
export interface FixturePayload {
  payload: Payload;
  /** `tool Write`, `source resume` …: the matched field's value when we set it, for the report. */
  adapted?: string;
  /** The matcher is a regex no value we know satisfies: the payload may not reach the handler. */
  unmatched?: boolean;
  /** Not a fixture: the user's payload (`--input FILE`, `--prompt`), named so. */
  source?: string;
}

const clone = (value: Payload): Payload => structuredClone(value);

/**
 * The value a matcher selects: its first exact name (FileChanged: first literal basename), or
 * among known tools a regex matches, the one written first in it (`^(Read|Grep)$` → Read).
 */
function selectedValue(event: string, matcher: string): string | undefined {
  if (event === 'FileChanged') return matcher.split('|')[0]?.trim() || undefined;
  const names = exactNames(matcher);
  if (names !== undefined) return names[0];
  if (!TOOL_EVENTS.includes(event)) return undefined;
  try {
    const matches = compileMatcher(matcher);
    const position = (tool: string) => (matcher.includes(tool) ? matcher.indexOf(tool) : matcher.length);
    return [...new Set([...Object.keys(TOOL_FIXTURES), ...BUILTIN_TOOLS])]
      .filter((tool) => matches(tool))
      .sort((a, b) => position(a) - position(b))[0];
  } catch {
    return undefined;
  }
}

/** Swaps the tool of a tool-event payload, keeping the event's own fields (tool_response, error …). */
function withTool(payload: Payload, tool: string): Payload {
  if (payload.tool_name === tool) return payload;
  const sample = TOOL_FIXTURES[tool];
  const input = sample === undefined ? {} : structuredClone(sample.tool_input);
  const result: Payload = { ...payload, tool_name: tool, tool_input: input };
  // A Bash tool_response would not fit another tool; Write/Edit answer with the file path.
  if ('tool_response' in payload) {
    const filePath = (input as { file_path?: unknown }).file_path;
    result.tool_response = typeof filePath === 'string' ? { filePath, success: true } : {};
  }
  return result;
}

/**
 * The embedded fixture for `event` (cli/fixtures.ts), adapted so `matcher` selects it: a
 * tool event gets the first tool the matcher names (with that tool's sample input), other
 * events get the matched field set to the first name. Undefined for an event with no fixture.
 */
export function fixturePayload(event: string, matcher?: string): FixturePayload | undefined {
  const base = EVENT_FIXTURES[event];
  if (base === undefined) return undefined;
  const payload = clone(base);
  if (matcher === undefined || matcher === '' || matcher === '*') return { payload };
  const field = (MATCHER_FIELD as Record<string, string | undefined>)[event];
  if (field === undefined) return { payload };
  const value = selectedValue(event, matcher);
  if (value === undefined) return { payload, unmatched: true };
  if (TOOL_EVENTS.includes(event)) return { payload: withTool(payload, value), adapted: `tool ${value}` };
  if (event === 'FileChanged' && typeof payload.file_path === 'string') {
    payload.file_path = payload.file_path.replace(/[^/\\]*$/, value);
  } else {
    payload[field] = value;
  }
  return { payload, adapted: `${field} ${value}` };
}
