import { describe, expect, it } from 'vitest';
import { defineHook } from '../../lib/index.ts';

describe('defineHook', () => {
  it('fills in the defaults: 10 s timeout, fail-closed for PreToolUse', () => {
    const hook = defineHook({ event: 'PreToolUse', run: (): undefined => undefined });
    expect(hook).toMatchObject({
      kind: 'hookpack.hook',
      event: 'PreToolUse',
      timeout: 10,
      onError: 'block',
      matcher: undefined,
    });
  });

  it.each([
    ['PermissionRequest', 'block'],
    ['PostToolUse', 'allow'],
    ['UserPromptSubmit', 'allow'],
    ['Stop', 'allow'],
    ['SomeFutureEvent', 'allow'],
  ])('defaults %s hooks to onError %s', (event, onError) => {
    expect(defineHook({ event, run: (): undefined => undefined }).onError).toBe(onError);
  });

  it('treats * and an empty matcher as no matcher', () => {
    expect(defineHook({ event: 'PreToolUse', matcher: '*', run: (): undefined => undefined }).matcher).toBeUndefined();
  });

  it.each([
    ['an empty event', { event: '', run: (): undefined => undefined }, /`event` must be an event name/],
    ['a timeout of 0', { event: 'Stop', timeout: 0, run: (): undefined => undefined }, /`timeout` is in seconds/],
    [
      'a timeout over 600 s',
      { event: 'Stop', timeout: 601, run: (): undefined => undefined },
      /`timeout` is in seconds/,
    ],
    [
      'a timeout in ms by mistake',
      { event: 'Stop', timeout: 5000, run: (): undefined => undefined },
      /`timeout` is in seconds/,
    ],
    [
      'an unknown onError',
      { event: 'Stop', onError: 'ignore', run: (): undefined => undefined },
      /`onError` must be 'block' or 'allow'/,
    ],
    ['a missing run', { event: 'Stop' }, /`run` must be a function/],
    [
      'a non-string matcher',
      { event: 'PreToolUse', matcher: 5, run: (): undefined => undefined },
      /`matcher` must be a string/,
    ],
  ])('rejects %s with an error naming the option', (_name, options, message) => {
    expect(() => defineHook(options as never)).toThrowError(message);
  });
});

describe('defineHook matcher and order checks', () => {
  it('rejects a matcher that is not a valid regex, since Claude Code would never match it', () => {
    expect(() =>
      defineHook({ event: 'PreToolUse', matcher: 'mcp__(broken', run: (): undefined => undefined }),
    ).toThrowError(/`matcher` "mcp__\(broken" is not a valid regular expression/);
  });

  it('defaults order to 0 and rejects a non-number', () => {
    expect(defineHook({ event: 'Stop', run: (): undefined => undefined }).order).toBe(0);
    expect(() => defineHook({ event: 'Stop', order: Number.NaN, run: (): undefined => undefined })).toThrowError(
      /`order` must be a finite number/,
    );
  });
});

describe('defineHook network flag', () => {
  it('defaults to no network use and rejects a non-boolean', () => {
    expect(defineHook({ event: 'Stop', run: (): undefined => undefined }).network).toBe(false);
    expect(defineHook({ event: 'Stop', network: true, run: (): undefined => undefined }).network).toBe(true);
    expect(() => defineHook({ event: 'Stop', network: 'yes' as never, run: (): undefined => undefined })).toThrowError(
      /`network` must be true or false/,
    );
  });
});

describe('defineHook and WorktreeCreate', () => {
  it('refuses WorktreeCreate, whose hooks must print a bare path rather than JSON', () => {
    expect(() => defineHook({ event: 'WorktreeCreate', run: (): undefined => undefined })).toThrowError(
      /expects a bare path on stdout/,
    );
  });
});
