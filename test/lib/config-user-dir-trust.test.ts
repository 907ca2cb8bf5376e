// The user config directory may relax every guard, so it gets the state directory's checks: a
// directory (or a config file) another user owns, or that group or others can write, fails the
// hook with E_CONFIG naming the path and the fix, instead of switching guards off.
import { chmodSync, chownSync, lchownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigLayers } from '../../lib/config.ts';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

let dir: string;
let user: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookpack-config-trust-'));
  user = join(dir, 'user');
  mkdirSync(user, { mode: 0o700 });
  mkdirSync(join(dir, 'project', '.claude', 'hookpack'), { recursive: true });
  env = { HOOKPACK_CONFIG_DIR: user, CLAUDE_PROJECT_DIR: join(dir, 'project') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const relaxing = '{"allow":["every-rule"]}';
const load = () => loadConfigLayers('guard', undefined, env);

describe('the user config directory must be yours alone', () => {
  it.each([
    ['group-writable', 0o770],
    ['writable by others', 0o707],
    ['world-writable', 0o777],
  ])('a %s directory holding a config fails with the directory and the fix', (_, mode) => {
    writeFileSync(join(user, 'guard.json'), relaxing, { mode: 0o600 });
    chmodSync(user, mode);
    expect(load).toThrow(expect.objectContaining({ code: 'E_CONFIG' }));
    expect(load).toThrow(
      `untrusted user config dir ${user}: it is writable by group or others (mode ${mode.toString(8)})`,
    );
    expect(load).toThrow(`run chmod go-w ${user}`);
  });

  it('a config file group or others can write fails, naming the file', () => {
    writeFileSync(join(user, 'guard.json'), relaxing);
    chmodSync(join(user, 'guard.json'), 0o666);
    expect(load).toThrow(
      `untrusted user config ${join(user, 'guard.json')}: it is writable by group or others (mode 666); run chmod go-w`,
    );
  });

  it.runIf(isRoot)('a directory another user owns fails', () => {
    writeFileSync(join(user, 'guard.json'), relaxing, { mode: 0o600 });
    chownSync(user, NOBODY, NOBODY);
    expect(load).toThrow(`untrusted user config dir ${user}: it is owned by uid ${NOBODY}, not by you (uid 0)`);
  });

  it.runIf(isRoot)('a config file another user owns fails, also through a link (the target is checked)', () => {
    writeFileSync(join(dir, 'theirs.json'), relaxing, { mode: 0o644 });
    chownSync(join(dir, 'theirs.json'), NOBODY, NOBODY);
    symlinkSync(join(dir, 'theirs.json'), join(user, 'guard.json'));
    expect(load).toThrow(`it is owned by uid ${NOBODY}, not by you (uid 0)`);
  });

  it.runIf(isRoot)('a symbolic link to the directory owned by another user fails', () => {
    const real = join(dir, 'real-config');
    mkdirSync(real, { mode: 0o700 });
    writeFileSync(join(real, 'guard.json'), relaxing, { mode: 0o600 });
    const link = join(dir, 'link');
    symlinkSync(real, link);
    lchownSync(link, NOBODY, NOBODY);
    env.HOOKPACK_CONFIG_DIR = link;
    expect(load).toThrow(`it is a symbolic link owned by uid ${NOBODY}`);
  });

  it('a linked config file of yours in a directory of yours is read (dotfile managers)', () => {
    writeFileSync(join(dir, 'dotfiles.json'), relaxing, { mode: 0o644 });
    symlinkSync(join(dir, 'dotfiles.json'), join(user, 'guard.json'));
    expect(load()[0]?.data).toEqual({ allow: ['every-rule'] });
  });

  it('a loose directory without a config file is fine: there is nothing to relax', () => {
    chmodSync(user, 0o777);
    expect(load()).toEqual([]);
  });

  it('the project layer is not held to it: a project file can only add protections', () => {
    chmodSync(join(dir, 'project', '.claude', 'hookpack'), 0o777);
    writeFileSync(join(dir, 'project', '.claude', 'hookpack', 'guard.json'), '{"deny":[]}', { mode: 0o666 });
    expect(load().map((layer) => layer.scope)).toEqual(['project']);
  });
});
