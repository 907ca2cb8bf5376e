import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breaker } from '../../../lib/breaker.ts';
import { useTempHome } from './_home.ts';

const home = useTempHome();

describe('a state file that is not ours', () => {
  it.each([
    { kind: 'corrupt', content: '{"version":1,"state":"op' },
    { kind: 'empty', content: '' },
    { kind: 'truncated to nothing useful', content: '{' },
    {
      kind: 'another format version',
      content: JSON.stringify({ version: 2, state: 'open', failures: 9, openedAt: Date.now() }),
    },
    { kind: 'not an object', content: '[1,2,3]' },
    {
      kind: 'open without openedAt',
      content: JSON.stringify({
        version: 1,
        state: 'open',
        failures: 3,
        lastFailureAt: null,
        lastError: null,
        openedAt: null,
      }),
    },
    { kind: 'larger than any state file', content: `{"version":1,"pad":"${'x'.repeat(10_000)}"}` },
    { kind: 'binary', content: Buffer.from([0xff, 0xfe, 0x00, 0x01]).toString('latin1') },
  ])('is treated as closed and replaced by a valid one ($kind), without a crash', async ({ content }) => {
    mkdirSync(home.breakersDir(), { recursive: true, mode: 0o700 });
    const file = join(home.breakersDir(), 'eslint.json');
    writeFileSync(file, content);
    let calls = 0;
    const lint = breaker('eslint', async (path: string) => `linted ${path} (${++calls})`);
    expect(lint.state).toBe('closed');
    expect(await lint.fire('a.ts')).toBe('linted a.ts (1)');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 1,
      state: 'closed',
      failures: 0,
      lastFailureAt: null,
      lastError: null,
      openedAt: null,
    });
  });

  it('is replaced by the next recorded failure as well', async () => {
    mkdirSync(home.breakersDir(), { recursive: true, mode: 0o700 });
    const file = join(home.breakersDir(), 'api.json');
    writeFileSync(file, 'garbage');
    const api = breaker(
      'api',
      async () => {
        throw new Error('503');
      },
      { fallback: () => 'cached' },
    );
    expect(await api.fire()).toBe('cached');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      version: 1,
      state: 'closed',
      failures: 1,
      lastError: '503',
    });
  });
});
