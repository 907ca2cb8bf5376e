import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../../lib/schemas/index.ts';
import { eventFixtures, toolFixtures, validatorFor } from './_helpers.ts';

const fixtures = new Map(
  [...eventFixtures(), ...toolFixtures()].map((f) => [f.name.replace(/\.json$/, ''), f.payload]),
);

function fixture(name: string): Record<string, unknown> {
  const payload = fixtures.get(name);
  if (payload === undefined) throw new Error(`no fixture ${name}`);
  return structuredClone(payload);
}

const ABSENT = Symbol('absent');

/** A copy of fixture `name` with the value at the dotted `path` replaced (or removed with ABSENT). */
function edit(name: string, path: string, value: unknown): Record<string, unknown> {
  const payload = fixture(name);
  const keys = path.split('.');
  const last = keys.pop() as string;
  let target = payload as Record<string, unknown>;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  if (value === ABSENT) delete target[last];
  else target[last] = value;
  return payload;
}

const bash = (command: unknown) => edit('PreToolUse', 'tool_input', { command });
const tool = (name: string, input: unknown) => ({ ...fixture('PreToolUse'), tool_name: name, tool_input: input });
const edits = (value: unknown) => edit('MultiEdit.PreToolUse', 'tool_input.edits', value);

/** Payloads that must fail, with the one error both validators must give. */
const badPayloads: [string, unknown, string][] = [
  ['null', null, 'payload: expected object, got null'],
  ['an array', [], 'payload: expected object, got array'],
  ['a string', 'PreToolUse', 'payload: expected object, got string'],
  ['a number', 42, 'payload: expected object, got number'],
  ['a boolean', true, 'payload: expected object, got boolean'],
  ['an empty object', {}, 'session_id: expected string, got nothing'],
  ['no session_id', edit('PreToolUse', 'session_id', ABSENT), 'session_id: expected string, got nothing'],
  ['a numeric session_id', edit('PreToolUse', 'session_id', 7), 'session_id: expected string, got number'],
  ['a null transcript_path', edit('Stop', 'transcript_path', null), 'transcript_path: expected string, got null'],
  ['an array cwd', edit('SessionEnd', 'cwd', ['/']), 'cwd: expected string, got array'],
  [
    'a numeric hook_event_name',
    edit('PreToolUse', 'hook_event_name', 3),
    'hook_event_name: expected string, got number',
  ],
  [
    'no hook_event_name',
    edit('PreToolUse', 'hook_event_name', ABSENT),
    'hook_event_name: expected string, got nothing',
  ],
  [
    'a numeric permission_mode',
    edit('PreToolUse', 'permission_mode', 1),
    'permission_mode: expected string, got number',
  ],
  ['a boolean prompt_id', edit('UserPromptSubmit', 'prompt_id', false), 'prompt_id: expected string, got boolean'],
  ['a string effort', edit('PreToolUse', 'effort', 'high'), 'effort: expected object, got string'],
  ['an effort without level', edit('Stop', 'effort', {}), 'effort.level: expected string, got nothing'],
  ['a numeric effort level', edit('PreToolUse', 'effort.level', 3), 'effort.level: expected string, got number'],
  ['a numeric agent_id', edit('SubagentStop', 'agent_id', 1), 'agent_id: expected string, got number'],
  ['no tool_name', edit('PreToolUse', 'tool_name', ABSENT), 'tool_name: expected string, got nothing'],
  ['a numeric tool_name', edit('PermissionDenied', 'tool_name', 5), 'tool_name: expected string, got number'],
  ['an array tool_input', edit('PreToolUse', 'tool_input', ['ls']), 'tool_input: expected object, got array'],
  ['a null tool_input', edit('PostToolUse', 'tool_input', null), 'tool_input: expected object, got null'],
  ['a string tool_input of an unknown tool', tool('mcp__x__y', 'ls'), 'tool_input: expected object, got string'],
  ['no tool_use_id', edit('PreToolUse', 'tool_use_id', ABSENT), 'tool_use_id: expected string, got nothing'],
  ['a numeric mcp_server', edit('PreToolUse', 'mcp_server', 1), 'mcp_server: expected string, got number'],
  ['a numeric Bash command', bash(1), 'tool_input.command: expected string, got number'],
  ['a Bash call without command', bash(undefined), 'tool_input.command: expected string, got nothing'],
  [
    'a string Bash timeout',
    edit('PreToolUse', 'tool_input.timeout', '60000'),
    'tool_input.timeout: expected number, got string',
  ],
  [
    'a string run_in_background',
    edit('PermissionRequest', 'tool_input.run_in_background', 'yes'),
    'tool_input.run_in_background: expected boolean, got string',
  ],
  [
    'a bad tool_input after a bad tool_use_id',
    { ...bash(1), tool_use_id: 2 },
    'tool_use_id: expected string, got number',
  ],
  ['MultiEdit edits as an object', edits({}), 'tool_input.edits: expected array, got object'],
  [
    'MultiEdit edits[1] without new_string',
    edits([{ old_string: 'a', new_string: 'b' }, { old_string: 'c' }]),
    'tool_input.edits[1].new_string: expected string, got nothing',
  ],
  ['MultiEdit edits[0] null', edits([null]), 'tool_input.edits[0]: expected object, got null'],
  ['MultiEdit edits[0] an array', edits([[]]), 'tool_input.edits[0]: expected object, got array'],
  ['a string Grep -i', edit('Grep.PreToolUse', 'tool_input.-i', 'true'), 'tool_input.-i: expected boolean, got string'],
  [
    'a numeric allowed domain',
    edit('WebSearch.PreToolUse', 'tool_input.allowed_domains', ['a.com', 1]),
    'tool_input.allowed_domains[1]: expected string, got number',
  ],
  [
    'a numeric NotebookEdit cell_type',
    edit('NotebookEdit.PreToolUse', 'tool_input.cell_type', 5),
    'tool_input.cell_type: expected string, got number',
  ],
  [
    'a Task call without subagent_type',
    tool('Task', { prompt: 'p', description: 'd' }),
    'tool_input.subagent_type: expected string, got nothing',
  ],
  [
    'an own __proto__ holding session_id',
    JSON.parse(
      '{"__proto__":{"session_id":"x"},"transcript_path":"t","cwd":"/","hook_event_name":"Stop","stop_hook_active":false}',
    ),
    'session_id: expected string, got nothing',
  ],
  [
    'a tool_input whose __proto__ holds command',
    JSON.parse(
      '{"session_id":"s","transcript_path":"t","cwd":"/","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"__proto__":{"command":"ls"}},"tool_use_id":"u"}',
    ),
    'tool_input.command: expected string, got nothing',
  ],
  [
    'a numeric custom_instructions',
    edit('PreCompact', 'custom_instructions', 3),
    'custom_instructions: expected string or null, got number',
  ],
  [
    'no requested_model',
    edit('PreModelSwitch', 'requested_model', ABSENT),
    'requested_model: expected string or null, got nothing',
  ],
  [
    'a string context_tokens',
    edit('PostModelSwitch', 'context_tokens', '120'),
    'context_tokens: expected number, got string',
  ],
  ['no SessionStart source', edit('SessionStart', 'source', ABSENT), 'source: expected string, got nothing'],
  [
    'a string seconds_since_last_response',
    edit('SessionStart', 'seconds_since_last_response', '5'),
    'seconds_since_last_response: expected number, got string',
  ],
  [
    'a background task without id',
    edit('SubagentStop', 'background_tasks', [{ type: 'subagent', status: 'running', description: 'd' }]),
    'background_tasks[0].id: expected string, got nothing',
  ],
  [
    'a string recurring cron flag',
    edit('Stop', 'session_crons', [{ id: 'c', schedule: '* * * * *', recurring: 'yes', prompt: 'p' }]),
    'session_crons[0].recurring: expected boolean, got string',
  ],
  [
    'a batch call with an array tool_input',
    edit('PostToolBatch', 'tool_calls.0.tool_input', []),
    'tool_calls[0].tool_input: expected object, got array',
  ],
  ['a string tool_calls', edit('PostToolBatch', 'tool_calls', 'x'), 'tool_calls: expected array, got string'],
  ['no tool_response', edit('PostToolUse', 'tool_response', ABSENT), 'tool_response: expected any value, got nothing'],
  ['a string MessageDisplay final', edit('MessageDisplay', 'final', 'true'), 'final: expected boolean, got string'],
  [
    'a permission suggestion without type',
    edit('PermissionRequest', 'permission_suggestions', [{ destination: 'session' }]),
    'permission_suggestions[0].type: expected string, got nothing',
  ],
  ['a numeric glob', edit('InstructionsLoaded', 'globs', ['*.md', 2]), 'globs[1]: expected string, got number'],
  [
    'an unknown event with a numeric session_id',
    { ...fixture('Stop'), hook_event_name: 'FutureEvent', session_id: 1 },
    'session_id: expected string, got number',
  ],
  ['a numeric Elicitation content', edit('ElicitationResult', 'content', 1), 'content: expected object, got number'],
];

/** Payloads that must pass both, beyond the fixtures: odd but valid. */
const oddButValid: [string, unknown][] = [
  ['tool_name "__proto__"', tool('__proto__', {})],
  ['tool_name "constructor"', tool('constructor', { command: 1 })],
  ['tool_name "toString"', tool('toString', {})],
  ['an unknown tool with any tool_input object', tool('mcp__github__create_issue', { title: 1, body: [null] })],
  ['an event named "__proto__"', { ...fixture('Stop'), hook_event_name: '__proto__' }],
  ['PostToolUse with a null tool_response', edit('PostToolUse', 'tool_response', null)],
  ['PreCompact with string custom_instructions', edit('PreCompact', 'custom_instructions', 'keep the todo list')],
];

describe('the generated validator and parsePayload', () => {
  it.each(badPayloads)('both reject %s with the same error', async (_name, payload, error) => {
    const validate = await validatorFor(payload);
    expect(parsePayload(payload)).toEqual({ ok: false, error });
    expect(validate(payload)).toBe(error);
  });

  it.each(oddButValid)('both accept %s', async (_name, payload) => {
    const validate = await validatorFor(payload);
    expect(parsePayload(payload).ok).toBe(true);
    expect(validate(payload)).toBeUndefined();
  });

  it.each([...fixtures])('both accept the %s fixture', async (_name, payload) => {
    const validate = await validatorFor(payload);
    expect(parsePayload(payload).ok).toBe(true);
    expect(validate(payload)).toBeUndefined();
  });
});
