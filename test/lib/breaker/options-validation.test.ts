import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { breaker } from '../../../lib/breaker.ts';
import { useTempHome } from './_home.ts';

const home = useTempHome();

const action = async () => 'ok';

describe('breaker options', () => {
  it.each([
    { name: 'ESLint', message: /`name` must be 1-64 lowercase letters.*got "ESLint"/ },
    { name: '../escape', message: /`name` must be .*got "\.\.\/escape"/ },
    { name: '.hidden', message: /`name` must be .*starting with a letter or digit/ },
    { name: '', message: /`name` must be/ },
    { name: 'x'.repeat(65), message: /`name` must be 1-64/ },
  ])('rejects the name $name with a TypeError naming `name`', ({ name, message }) => {
    expect(() => breaker(name, action)).toThrow(TypeError);
    expect(() => breaker(name, action)).toThrow(message);
  });

  it.each([
    { options: { failureThreshold: 0 }, message: /`failureThreshold` must be a positive integer, got 0/ },
    { options: { failureThreshold: 2.5 }, message: /`failureThreshold` must be a positive integer, got 2\.5/ },
    { options: { resetTimeoutMs: -1 }, message: /`resetTimeoutMs` must be a positive number of milliseconds, got -1/ },
    {
      options: { timeoutMs: Number.POSITIVE_INFINITY },
      message: /`timeoutMs` must be a positive number of milliseconds, got Infinity/,
    },
    { options: { timeoutMs: '2000' }, message: /`timeoutMs` must be a positive number of milliseconds, got 2000/ },
    { options: { fallback: 'none' }, message: /`fallback` must be a function/ },
    {
      options: { resetTimeout: 1000 },
      message: /unknown breaker option `resetTimeout`; valid: failureThreshold, resetTimeoutMs, timeoutMs, fallback/,
    },
  ])('rejects $options with a TypeError naming the option', ({ options, message }) => {
    expect(() => breaker('eslint', action, options as never)).toThrow(TypeError);
    expect(() => breaker('eslint', action, options as never)).toThrow(message);
  });

  it('rejects an action that is not a function', () => {
    expect(() => breaker('eslint', 'npx eslint' as never)).toThrow(
      /`action` of breaker 'eslint' must be a function, got string/,
    );
  });

  it('accepts lowercase names with digits, dots, dashes and underscores, and touches no disk when declared', () => {
    expect(breaker('mcp.github_v2-search', action).name).toBe('mcp.github_v2-search');
    expect(existsSync(home.current())).toBe(false);
  });
});
