// Settings bytes that are not UTF-8 (a Latin-1 "é" typed in an old editor): decoding them
// leniently turns each into U+FFFD, and writing the file back would change bytes nobody asked us
// to touch. install and uninstall refuse the file (exit 3), saying where the bad byte is.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

describe('hookpack install on a settings file that is not UTF-8', () => {
  it('refuses it with exit 3, naming the line and byte, and leaves every byte as it was', async () => {
    project = makeProject('install-latin1');
    const bytes = Buffer.concat([
      Buffer.from('{\n  "env": { "GREETING": "caf'),
      Buffer.from([0xe9]),
      Buffer.from('" }\n}\n'),
    ]);
    project.write('');
    writeFileSync(project.settings, bytes);
    for (const command of ['install', 'uninstall']) {
      const run = await project.run(command);
      expect(run.code).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        'hookpack: cannot use .claude/settings.json: line 2, byte 28: byte 0xe9 is not UTF-8 (the file is in another encoding, e.g. Latin-1, or damaged); JSON settings must be UTF-8, and hookpack would change those bytes if it rewrote the file: save it as UTF-8 and run again; it was not changed\n',
      );
      expect(readFileSync(project.settings).equals(bytes)).toBe(true);
    }
  });

  it('accepts real UTF-8, multi-byte characters included, and keeps them', async () => {
    project = makeProject('install-utf8');
    const original = '{\n  "env": { "GREETING": "café 🚀" }\n}\n';
    project.write(original);
    expect((await project.run('install')).code).toBe(0);
    expect(project.read()).toContain('"café 🚀"');
    await project.run('uninstall');
    expect(project.read()).toBe(original);
  });

  it('still names a byte-order mark as such', async () => {
    project = makeProject('install-bom');
    project.write('\ufeff{}\n');
    const run = await project.run('install');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('the file starts with a byte-order mark (BOM)');
  });
});
