import { chmodSync, chownSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breaker } from '../../../lib/breaker.ts';
import { FRESH_STATE } from '../../../lib/breaker/state.ts';
import { useTempHome } from './_home.ts';

const home = useTempHome();
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const posix = process.platform !== 'win32';

/** A valid open state (just opened, so it stays open for the whole reset period): switches the dependency off. */
const OPEN = JSON.stringify({
  version: 1,
  state: 'open',
  failures: 9,
  lastFailureAt: Date.now(),
  lastError: 'planted',
  openedAt: Date.now(),
});

/** `<breakers>/eslint.json` holding OPEN, 0600 unless told. */
function plantOpenState(mode = 0o600): string {
  mkdirSync(home.breakersDir(), { recursive: true, mode: 0o700 });
  const file = join(home.breakersDir(), 'eslint.json');
  writeFileSync(file, OPEN);
  chmodSync(file, mode);
  return file;
}

/** A breaker around a counting action; `calls()` says how often it really ran. */
function lintBreaker() {
  let calls = 0;
  const lint = breaker('eslint', async (path: string) => `linted ${path} (${++calls})`, {
    fallback: (path: string) => `skipped ${path}`,
  });
  return { lint, calls: () => calls };
}

/** Checks the state file is now a private regular file of ours holding a fresh closed state. */
function expectReplacedByFresh(file: string): void {
  const stat = lstatSync(file);
  expect(stat.isFile()).toBe(true);
  expect(stat.mode & 0o777).toBe(0o600);
  if (posix) expect(stat.uid).toBe(process.getuid!());
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(FRESH_STATE);
}

describe('a breaker state file that is not ours alone', () => {
  it('is obeyed while private (the control: an open state in a 0600 file of ours keeps the action off)', async () => {
    plantOpenState();
    const { lint, calls } = lintBreaker();
    expect(lint.state).toBe('open');
    expect(await lint.fire('a.ts')).toBe('skipped a.ts');
    expect(calls()).toBe(0);
  });

  it.runIf(posix).each([
    ['666', 0o666],
    ['664', 0o664],
    ['646', 0o646],
    ['620', 0o620],
  ] as const)(
    'is ignored when writable by group or others (mode %s): treated as closed and replaced',
    async (_octal, mode) => {
      const file = plantOpenState(mode);
      const { lint, calls } = lintBreaker();
      expect(lint.state).toBe('closed');
      expectReplacedByFresh(file);
      expect(await lint.fire('a.ts')).toBe('linted a.ts (1)');
      expect(calls()).toBe(1);
      expectReplacedByFresh(file);
    },
  );

  it.runIf(posix)(
    'is ignored when it is a symbolic link (even to a private open state of ours); the link is replaced, not its target',
    async () => {
      const target = plantOpenState();
      const elsewhere = join(home.current(), 'elsewhere.json');
      writeFileSync(elsewhere, OPEN, { mode: 0o600 });
      const file = join(home.breakersDir(), 'eslint.json');
      rmSync(target);
      symlinkSync(elsewhere, file);
      const { lint, calls } = lintBreaker();
      expect(lint.state).toBe('closed');
      expect(await lint.fire('a.ts')).toBe('linted a.ts (1)');
      expect(calls()).toBe(1);
      expectReplacedByFresh(file);
      expect(readFileSync(elsewhere, 'utf8')).toBe(OPEN);
    },
  );

  it.skipIf(!isRoot)(
    'is ignored when owned by another user, even 0600: treated as closed and replaced [root only: chown needs it]',
    async () => {
      const file = plantOpenState();
      chownSync(file, NOBODY, NOBODY);
      const { lint, calls } = lintBreaker();
      expect(lint.state).toBe('closed');
      expect(await lint.fire('a.ts')).toBe('linted a.ts (1)');
      expect(calls()).toBe(1);
      expectReplacedByFresh(file);
    },
  );

  it.runIf(posix)('once replaced, records failures as usual', async () => {
    const file = plantOpenState(0o666);
    const api = breaker(
      'eslint',
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
    expect(lstatSync(file).mode & 0o777).toBe(0o600);
  });
});
