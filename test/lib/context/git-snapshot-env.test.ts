import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitSnapshot } from '../../../lib/context/git-snapshot.ts';

const dir = mkdtempSync(join(tmpdir(), 'hookpack-git-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A `git` on a session's own PATH that prints which session's environment it ran in. */
function sessionBin(name: string): string {
  const bin = join(dir, name, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'git'), '#!/bin/sh\necho "git of $SESSION_MARK with LC_ALL=$LC_ALL"\n');
  chmodSync(join(bin, 'git'), 0o755);
  return bin;
}

describe('gitSnapshot runs git in the environment it is given (a warm process answers for many sessions)', () => {
  it("uses the session's PATH and variables, not the process's, with git's own settings on top", async () => {
    const seen = async (name: string) => {
      const env = { PATH: `${sessionBin(name)}:/usr/bin:/bin`, SESSION_MARK: name, LC_ALL: 'de_DE.UTF-8' };
      const snapshot = await gitSnapshot(dir, { signal: new AbortController().signal, remainingMs: 5000, env });
      return snapshot.status.kind === 'ok' ? snapshot.status.stdout.trim() : snapshot.status.kind;
    };
    expect(await seen('session-a')).toBe('git of session-a with LC_ALL=C');
    expect(await seen('session-b')).toBe('git of session-b with LC_ALL=C');
    expect(process.env.SESSION_MARK).toBeUndefined();
  });
});
