import { describe, expect, it } from 'vitest';
import { breaker } from '../../../lib/breaker.ts';
import { useTempHome } from './_home.ts';

useTempHome();

describe('the fallback', () => {
  it('passes the call arguments, then the error, to the fallback', async () => {
    const seen: unknown[][] = [];
    const lint = breaker(
      'eslint',
      async (file: string, fix: boolean) => {
        throw new Error(`cannot lint ${file} (fix=${fix})`);
      },
      { failureThreshold: 1, fallback: (...args) => (seen.push(args), 'skipped') },
    );
    expect(await lint.fire('a.ts', true)).toBe('skipped');
    expect(await lint.fire('b.ts', false)).toBe('skipped');
    expect(seen[0]?.slice(0, 2)).toEqual(['a.ts', true]);
    expect((seen[0]![2] as Error).message).toBe('cannot lint a.ts (fix=true)');
    expect(seen[1]?.slice(0, 2)).toEqual(['b.ts', false]);
    expect((seen[1]![2] as Error & { code?: string }).code).toBe('EOPENBREAKER');
  });

  it('without a fallback, rejects with the action error, then with opossum EOPENBREAKER while open', async () => {
    const api = breaker(
      'no-fallback',
      async () => {
        throw new Error('connection refused');
      },
      { failureThreshold: 1 },
    );
    await expect(api.fire()).rejects.toThrow('connection refused');
    await expect(api.fire()).rejects.toMatchObject({ code: 'EOPENBREAKER' });
  });
});
