// The scripted Messages API mock on its own (no client): it must answer the way the real API
// does, follow its script turn by turn, log everything, and stay contained.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type MockApi, type MockOptions, startMockApi } from './harness/mock-api.ts';
import type { Script } from './harness/script.ts';

const mocks: MockApi[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

async function mock(script: Script, options: Partial<MockOptions> = {}): Promise<MockApi> {
  const started = await startMockApi({ script, ...options });
  mocks.push(started);
  return started;
}

const TOOLS = [{ name: 'Bash', input_schema: { type: 'object' } }];
const user = (text: string) => ({ role: 'user', content: text });
const assistant = (text: string) => ({ role: 'assistant', content: [{ type: 'text', text }] });

async function post(
  api: MockApi,
  body: unknown,
  path = '/v1/messages',
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

/** A streamed answer put back together the way a client does: events, then the message. */
function assemble(sse: string): { events: string[]; content: Array<Record<string, unknown>>; stopReason: unknown } {
  const events: string[] = [];
  const content: Array<Record<string, unknown>> = [];
  const json: string[] = [];
  let stopReason: unknown;
  for (const frame of sse.split('\n\n').filter(Boolean)) {
    const event = /^event: (.*)$/m.exec(frame)?.[1] ?? '';
    const data = JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? '{}') as Record<string, any>;
    events.push(event);
    if (event === 'content_block_start') {
      content[data.index] = { ...data.content_block };
      json[data.index] = '';
    }
    if (event === 'content_block_delta' && data.delta.type === 'text_delta')
      content[data.index]!.text = String(content[data.index]!.text) + data.delta.text;
    if (event === 'content_block_delta' && data.delta.type === 'input_json_delta')
      json[data.index] += data.delta.partial_json;
    if (event === 'content_block_stop' && json[data.index]) content[data.index]!.input = JSON.parse(json[data.index]!);
    if (event === 'message_delta') stopReason = data.delta.stop_reason;
  }
  return { events, content, stopReason };
}

describe('the mock Messages API', () => {
  it('streams a scripted tool call as server-sent events that reassemble into the call', async () => {
    const api = await mock({
      turns: [{ tool: 'Bash', input: { command: 'echo hi', description: 'x' }, id: 'toolu_1' }],
    });
    const { status, text } = await post(api, { model: 'm', stream: true, tools: TOOLS, messages: [user('go')] });
    expect(status).toBe(200);
    const message = assemble(text);
    expect(message.events[0]).toBe('message_start');
    expect(message.events.at(-1)).toBe('message_stop');
    expect(message.content).toEqual([
      { type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: 'echo hi', description: 'x' } },
    ]);
    expect(message.stopReason).toBe('tool_use');
  });

  it('answers a non-streaming request with the whole message as JSON', async () => {
    const api = await mock({ turns: [{ text: 'hello' }] });
    const { status, text } = await post(api, { model: 'claude-x', tools: TOOLS, messages: [user('go')] });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-x',
      content: [{ type: 'text', text: 'hello' }],
      stop_reason: 'end_turn',
    });
  });

  it('answers by the number of assistant messages already sent, so a retry gets the same turn', async () => {
    const api = await mock({ turns: [{ text: 'first' }, { text: 'second' }] });
    const second = { tools: TOOLS, messages: [user('go'), assistant('first'), user('more')] };
    const answers = [
      await post(api, second),
      await post(api, second),
      await post(api, { tools: TOOLS, messages: [user('go'), assistant('1'), user('2'), assistant('3'), user('4')] }),
    ];
    expect(answers.map((a) => JSON.parse(a.text).content[0].text)).toEqual([
      'second',
      'second',
      'e2e: script exhausted',
    ]);
    expect(api.requests.map((r) => r.turn)).toEqual([1, 1, 2]);
  });

  it('gives requests without tools the side answer, and sends parallel calls and raw blocks as scripted', async () => {
    const api = await mock({
      side: { text: 'a title' },
      turns: [
        {
          content: [
            { tool: 'Read', input: { file_path: '/x' } },
            { tool: 'Grep', input: { pattern: 'y' } },
            { type: 'text', text: 'raw' },
          ],
        },
      ],
    });
    expect(JSON.parse((await post(api, { messages: [user('name this chat')] })).text).content).toEqual([
      { type: 'text', text: 'a title' },
    ]);
    const main = JSON.parse((await post(api, { tools: TOOLS, messages: [user('go')] })).text);
    expect(main.content.map((b: { type: string; name?: string }) => b.name ?? b.type)).toEqual([
      'Read',
      'Grep',
      'text',
    ]);
    expect(api.requests.map((r) => r.kind)).toEqual(['side', 'main']);
  });

  it('answers a subagent by its prompt and a compaction by its last message', async () => {
    const api = await mock({
      turns: [{ text: 'main' }],
      conversations: [
        { match: 'You are the explorer', turns: [{ text: 'explorer' }] },
        { last: 'summarize the conversation', reply: { text: 'summary' } },
      ],
    });
    const answer = async (messages: unknown[]) =>
      JSON.parse((await post(api, { tools: TOOLS, messages })).text).content[0].text;
    expect(await answer([user('You are the explorer. Look around.')])).toBe('explorer');
    expect(await answer([user('go'), assistant('main'), user('please summarize the conversation')])).toBe('summary');
    expect(await answer([user('go')])).toBe('main');
  });

  it('returns a scripted error with its status in the API error shape', async () => {
    const api = await mock({ turns: [{ error: { status: 529, type: 'overloaded_error', message: 'busy' } }] });
    const { status, text } = await post(api, { tools: TOOLS, messages: [user('go')] });
    expect(status).toBe(529);
    expect(JSON.parse(text)).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'busy' } });
  });

  it('says so with a 500 when a script block cannot be read, instead of crashing', async () => {
    const api = await mock({ turns: [{ content: [{ nonsense: true } as never] }] });
    const { status, text } = await post(api, { tools: TOOLS, messages: [user('go')] });
    expect(status).toBe(500);
    expect(JSON.parse(text).error.message).toMatch(/script block not understood/);
    expect(api.requests[0]?.kind).toBe('script-error');
  });

  it('counts tokens, lists models, and answers anything else with a 404 in the API error shape', async () => {
    const api = await mock({});
    expect(
      JSON.parse((await post(api, { messages: [user('go')] }, '/v1/messages/count_tokens')).text).input_tokens,
    ).toBeGreaterThan(0);
    const models = (await (await fetch(`${api.url}/v1/models`)).json()) as { data: unknown[] };
    expect(models.data.length).toBeGreaterThan(0);
    expect(((await (await fetch(`${api.url}/v1/models/claude-x`)).json()) as { id: string }).id).toBe('claude-x');
    const missing = await fetch(`${api.url}/v1/files`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { type: string } }).error.type).toBe('not_found_error');
    expect(api.requests.map((r) => r.kind)).toEqual(['count_tokens', 'models', 'models', 'other']);
  });

  it('logs every request with its body, and redacts credentials', async () => {
    const api = await mock({});
    await post(api, { tools: TOOLS, messages: [user('go')] }, '/v1/messages?beta=true', {
      'x-api-key': 'sk-secret',
      authorization: 'Bearer sk-secret',
    });
    const [logged] = api.requests;
    expect(logged).toMatchObject({
      seq: 1,
      method: 'POST',
      path: '/v1/messages?beta=true',
      kind: 'main',
      body: { messages: [user('go')] },
    });
    expect(JSON.stringify(logged)).not.toContain('sk-secret');
  });

  it('refuses a proxy CONNECT and logs where the client wanted to go', async () => {
    const api = await mock({});
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: api.port, method: 'CONNECT', path: 'api.anthropic.com:443' });
      req.on('connect', (res, socket) => {
        socket.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    expect(api.requests).toMatchObject([{ method: 'CONNECT', path: 'api.anthropic.com:443', kind: 'connect' }]);
  });

  it('refuses bodies over its cap and requests over its limit', async () => {
    const api = await mock({}, { maxBodyBytes: 1024, maxRequests: 2 });
    expect((await post(api, { messages: [user('x'.repeat(2048))] })).status).toBe(413);
    expect((await post(api, { messages: [user('go')] })).status).toBe(200);
    expect((await post(api, { messages: [user('go')] })).status).toBe(400);
    expect(api.requests.map((r) => r.kind)).toEqual(['refused', 'side', 'refused']);
  });

  it('listens on loopback only and closes itself after its lifetime', async () => {
    const api = await mock({}, { lifetimeMs: 50 });
    expect(api.url).toBe(`http://127.0.0.1:${api.port}`);
    let refused = false;
    for (let i = 0; i < 100 && !refused; i++) {
      await new Promise((r) => setTimeout(r, 50));
      refused = await fetch(`${api.url}/v1/models`).then(
        () => false,
        () => true,
      );
    }
    expect(refused).toBe(true);
  });
});
