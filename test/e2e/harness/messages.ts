// The Messages API's answer shapes: one assistant message as JSON, or as the server-sent events
// a streaming request receives. The client parses these for real, so they follow the API's
// event order: message_start, ping, per block start/delta/stop, message_delta, message_stop.
import { type ContentBlock, newId } from './script.ts';

export interface Message {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: ContentBlock[];
  stop_reason: string | null;
  stop_sequence: null;
  usage: {
    input_tokens: number;
    output_tokens: number;
    cache_creation_input_tokens: number;
    cache_read_input_tokens: number;
  };
}

export function message(content: ContentBlock[], stopReason: string, model: string): Message {
  return {
    id: newId('msg'),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens: 100, output_tokens: 20, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

export interface ServerEvent {
  event: string;
  data: Record<string, unknown>;
}

/** One content block as start, deltas, stop. Tool input goes in two JSON pieces, as the API chunks it. */
function blockEvents(block: ContentBlock, index: number): ServerEvent[] {
  const start = (content_block: unknown): ServerEvent => ({
    event: 'content_block_start',
    data: { type: 'content_block_start', index, content_block },
  });
  const delta = (d: unknown): ServerEvent => ({
    event: 'content_block_delta',
    data: { type: 'content_block_delta', index, delta: d },
  });
  const stop: ServerEvent = { event: 'content_block_stop', data: { type: 'content_block_stop', index } };
  if (block.type === 'text')
    return [start({ type: 'text', text: '' }), delta({ type: 'text_delta', text: block.text }), stop];
  if (block.type === 'tool_use') {
    const json = JSON.stringify(block.input ?? {});
    const half = Math.ceil(json.length / 2);
    return [
      start({ type: 'tool_use', id: block.id, name: block.name, input: {} }),
      delta({ type: 'input_json_delta', partial_json: json.slice(0, half) }),
      delta({ type: 'input_json_delta', partial_json: json.slice(half) }),
      stop,
    ];
  }
  return [start(block), stop]; // any other raw block arrives whole
}

/** The events of a streamed answer, in the order the API sends them. */
export function streamEvents(msg: Message): ServerEvent[] {
  return [
    {
      event: 'message_start',
      data: {
        type: 'message_start',
        message: { ...msg, content: [], stop_reason: null, usage: { ...msg.usage, output_tokens: 1 } },
      },
    },
    { event: 'ping', data: { type: 'ping' } },
    ...msg.content.flatMap(blockEvents),
    {
      event: 'message_delta',
      data: {
        type: 'message_delta',
        delta: { stop_reason: msg.stop_reason, stop_sequence: null },
        usage: { output_tokens: msg.usage.output_tokens },
      },
    },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ];
}

/** The SSE wire form of events. */
export const sseText = (events: ServerEvent[]): string =>
  events.map((e) => `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`).join('');
