// What the mock model says, and when: the JSON script a test hands the mock, and the rule that
// picks the answer for one request. Pure functions, so the rule can be read and tested alone.
//
//   { turns: [<turn>, ...], side?: <turn>, fallback?: <turn>,
//     conversations?: [{ match, turns } | { last, reply }] }
//   <turn>  = { content: [<block>, ...], stop_reason?, delay_ms? }
//           | { error: { status?, type?, message? }, delay_ms? }
//           | one <block> alone (short for { content: [block] })
//   <block> = { text } | { tool, input?, id? } | a raw API content block (it has a `type`)

export interface ScriptError {
  status?: number;
  type?: string;
  message?: string;
}

export type ScriptBlock =
  | { text: string }
  | { tool: string; input?: unknown; id?: string }
  | { type: string; [key: string]: unknown };

export type ScriptTurn =
  | { content: ScriptBlock[]; stop_reason?: string; delay_ms?: number }
  | { error: ScriptError; delay_ms?: number }
  | (ScriptBlock & { delay_ms?: number; stop_reason?: string });

export interface Conversation {
  /** Answers the main requests whose first message contains this (a subagent's prompt, say). */
  match?: string;
  turns?: ScriptTurn[];
  /** Answers a request whose last message contains this (the compaction instruction, say) with `reply`. */
  last?: string;
  reply?: ScriptTurn;
}

export interface Script {
  turns?: ScriptTurn[];
  side?: ScriptTurn;
  fallback?: ScriptTurn;
  conversations?: Conversation[];
}

export type ContentBlock = { type: string; [key: string]: unknown };

/** A turn ready to send: either a message's content or an API error. */
export type Answer =
  | { kind: 'message'; content: ContentBlock[]; stopReason: string; delayMs: number }
  | { kind: 'error'; status: number; type: string; message: string; delayMs: number };

export interface TurnChoice {
  /** `main` offers tools (the agent loop); `side` does not (titles, summaries, the small model). */
  kind: 'main' | 'side';
  turn: ScriptTurn;
  /** The number of assistant messages already in the request: which of `turns` answers. */
  index: number | null;
  conversation?: string;
}

const SIDE_DEFAULT: ScriptTurn = { text: 'ok' };
const FALLBACK_DEFAULT: ScriptTurn = { text: 'e2e: script exhausted' };

let ids = 0;
/** Ids unique within this process: a retried request gets a new id but the same content. */
export const newId = (prefix: string): string => `${prefix}_e2e${(++ids).toString(36).padStart(6, '0')}`;

function toBlock(block: ScriptBlock): ContentBlock {
  if ('type' in block && typeof block.type === 'string') return block;
  if ('text' in block && typeof block.text === 'string') return { type: 'text', text: block.text };
  if ('tool' in block && typeof block.tool === 'string')
    return { type: 'tool_use', id: block.id ?? newId('toolu'), name: block.tool, input: block.input ?? {} };
  throw new Error(`script block not understood: ${JSON.stringify(block)}`);
}

/** Resolves a turn's shorthand into what the mock sends; throws on a block it cannot read. */
export function toAnswer(turn: ScriptTurn): Answer {
  // Read loosely: a script is JSON a test wrote, its shorthands overlap.
  const fields = turn as { error?: ScriptError; content?: unknown; stop_reason?: unknown; delay_ms?: unknown };
  const delayMs = typeof fields.delay_ms === 'number' ? fields.delay_ms : 0;
  if (fields.error !== undefined && fields.error !== null) {
    const { status = 400, type = 'invalid_request_error', message = 'e2e mock: scripted error' } = fields.error;
    return { kind: 'error', status, type, message, delayMs };
  }
  const blocks = Array.isArray(fields.content) ? (fields.content as ScriptBlock[]) : [turn as ScriptBlock];
  const content = blocks.map(toBlock);
  const stopReason =
    typeof fields.stop_reason === 'string'
      ? fields.stop_reason
      : content.some((b) => b.type === 'tool_use')
        ? 'tool_use'
        : 'end_turn';
  return { kind: 'message', content, stopReason, delayMs };
}

interface MessagesBody {
  tools?: unknown[];
  messages?: Array<{ role?: string }>;
}

/** Which turn answers a POST /v1/messages body. A retry sees the same messages, so gets the same turn. */
export function pickTurn(script: Script, body: unknown): TurnChoice {
  const request = (typeof body === 'object' && body !== null ? body : {}) as MessagesBody;
  if (!Array.isArray(request.tools) || request.tools.length === 0)
    return { kind: 'side', turn: script.side ?? SIDE_DEFAULT, index: null };
  const messages = Array.isArray(request.messages) ? request.messages : [];
  const first = JSON.stringify(messages[0] ?? '');
  const last = JSON.stringify(messages.at(-1) ?? '');
  const index = messages.filter((m) => m?.role === 'assistant').length;
  const conversation = (script.conversations ?? []).find(
    (c) => (c.match !== undefined && first.includes(c.match)) || (c.last !== undefined && last.includes(c.last)),
  );
  if (conversation?.reply !== undefined)
    return {
      kind: 'main',
      turn: conversation.reply,
      index,
      conversation: conversation.last ?? conversation.match ?? '',
    };
  const turns = (conversation ?? script).turns ?? [];
  const turn = turns[index] ?? script.fallback ?? FALLBACK_DEFAULT;
  return conversation
    ? { kind: 'main', turn, index, conversation: conversation.match ?? '' }
    : { kind: 'main', turn, index };
}
