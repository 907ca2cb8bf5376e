// A fresh HOOKPACK_HOME per test: a temp dir (mode 0700, as hookpackHome requires), restored after.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { resetHookpackHome } from '../../../lib/home.ts';

/** Registers beforeEach/afterEach hooks; `current()` is this test's home, `counter()` a call-counter path in it. */
export function useTempHome(): { current: () => string; breakersDir: () => string; counter: () => string } {
  let root = '';
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.HOOKPACK_HOME;
    root = mkdtempSync(join(tmpdir(), 'hookpack-breaker-'));
    chmodSync(root, 0o700);
    process.env.HOOKPACK_HOME = join(root, 'home');
    resetHookpackHome();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.HOOKPACK_HOME;
    else process.env.HOOKPACK_HOME = saved;
    resetHookpackHome();
    chmodSync(root, 0o700);
    rmSync(root, { recursive: true, force: true });
  });
  return {
    current: () => join(root, 'home'),
    breakersDir: () => join(root, 'home', 'breakers'),
    counter: () => join(root, 'calls.txt'),
  };
}
