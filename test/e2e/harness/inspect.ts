// Reading a run back: what the client sent the model, found in the mock's request log.
import type { LoggedRequest } from './mock-api.ts';

interface Block {
  type?: string;
  text?: unknown;
  content?: unknown;
  tool_use_id?: string;
  is_error?: boolean;
}
interface ApiMessage {
  role: string;
  content: string | Block[];
}

const blocksOf = (message: ApiMessage): Block[] =>
  typeof message.content === 'string'
    ? [{ type: 'text', text: message.content }]
    : Array.isArray(message.content)
      ? message.content
      : [];

/** A block's readable text: its text, its string content, or its nested blocks' text joined by lines. */
export function textOf(block: Block): string {
  if (typeof block.text === 'string') return block.text;
  if (typeof block.content === 'string') return block.content;
  if (Array.isArray(block.content)) return (block.content as Block[]).map(textOf).join('\n');
  return JSON.stringify(block);
}

function messagesOf(request: LoggedRequest): ApiMessage[] {
  const body = request.body as { messages?: unknown } | null;
  return body !== null && typeof body === 'object' && Array.isArray(body.messages)
    ? (body.messages as ApiMessage[])
    : [];
}

export interface TextHit {
  seq: number;
  message: number;
  role: string;
  block: number;
  type: string;
  /** The text around the hit, `context` characters either side. */
  snippet: string;
}

/** Every place `needle` occurs in the messages the client sent. */
export function findText(requests: LoggedRequest[], needle: string, context = 120): TextHit[] {
  const hits: TextHit[] = [];
  for (const request of requests) {
    messagesOf(request).forEach((message, m) => {
      blocksOf(message).forEach((block, b) => {
        const text = textOf(block);
        const at = text.indexOf(needle);
        if (at >= 0)
          hits.push({
            seq: request.seq,
            message: m,
            role: message.role,
            block: b,
            type: block.type ?? 'text',
            snippet: text.slice(Math.max(0, at - context), at + needle.length + context),
          });
      });
    });
  }
  return hits;
}

export interface ToolResult {
  seq: number;
  tool_use_id: string;
  is_error: boolean;
  text: string;
}

/** The tool results the model received, one per tool call, as first sent (later requests repeat them). */
export function toolResults(requests: LoggedRequest[]): ToolResult[] {
  const seen = new Map<string, ToolResult>();
  for (const request of requests) {
    for (const message of messagesOf(request)) {
      for (const block of blocksOf(message)) {
        if (block.type !== 'tool_result' || typeof block.tool_use_id !== 'string' || seen.has(block.tool_use_id))
          continue;
        seen.set(block.tool_use_id, {
          seq: request.seq,
          tool_use_id: block.tool_use_id,
          is_error: block.is_error === true,
          text: textOf(block),
        });
      }
    }
  }
  return [...seen.values()];
}

/** Requests that tried to leave loopback: a proxy CONNECT or an absolute URL. */
export const offLoopback = (requests: LoggedRequest[]): LoggedRequest[] =>
  requests.filter((r) => r.kind === 'connect' || r.viaProxy === true);
