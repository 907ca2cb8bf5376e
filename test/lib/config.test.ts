import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigLayers } from '../../lib/config.ts';

let dir: string;
let env: NodeJS.ProcessEnv;
const projectFile = () => join(dir, 'project', '.claude', 'hookpack', 'guard.json');
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookpack-config-'));
  mkdirSync(join(dir, 'user'));
  mkdirSync(join(dir, 'project', '.claude', 'hookpack'), { recursive: true });
  env = { HOOKPACK_CONFIG_DIR: join(dir, 'user'), CLAUDE_PROJECT_DIR: join(dir, 'project') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadConfigLayers', () => {
  it('reads the user layer, then the project layer; missing files are fine', () => {
    expect(loadConfigLayers('guard', undefined, env)).toEqual([]);
    writeFileSync(join(dir, 'user', 'guard.json'), '{"a":1}');
    writeFileSync(projectFile(), '{"b":2}');
    expect(loadConfigLayers('guard', undefined, env).map((l) => [l.scope, l.data])).toEqual([
      ['user', { a: 1 }],
      ['project', { b: 2 }],
    ]);
  });

  it('follows a symlink to a regular file (dotfile managers link configs)', () => {
    writeFileSync(join(dir, 'real.json'), '{"linked":true}');
    symlinkSync(join(dir, 'real.json'), join(dir, 'user', 'guard.json'));
    expect(loadConfigLayers('guard', undefined, env)[0]?.data).toEqual({ linked: true });
  });

  it.each([
    ['not JSON', '{ "a": ', /is not valid JSON/],
    ['a JSON array', '[1]', /must hold a JSON object/],
  ])('refuses a project file that is %s, naming it', (_name, content, message) => {
    writeFileSync(projectFile(), content);
    expect(() => loadConfigLayers('guard', undefined, env)).toThrowError(message);
  });

  it('refuses, without hanging, a config that is a link to /dev/zero (a cloned repository could ship one)', () => {
    symlinkSync('/dev/zero', projectFile());
    expect(() => loadConfigLayers('guard', undefined, env)).toThrowError(/E_CONFIG|not a regular file/);
  });

  it('refuses, without hanging, a config that is a FIFO', () => {
    execFileSync('mkfifo', [projectFile()]);
    expect(() => loadConfigLayers('guard', undefined, env)).toThrowError(/not a regular file/);
  });

  it('refuses a config over 1 MiB', () => {
    writeFileSync(projectFile(), `{"x":"${'y'.repeat(1024 * 1024)}"}`);
    expect(() => loadConfigLayers('guard', undefined, env)).toThrowError(/larger than 1048576 bytes/);
  });
});
