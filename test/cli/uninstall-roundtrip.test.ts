// install then uninstall gives the original file back, byte for byte, whatever it looked like.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

const ORIGINALS: [string, string][] = [
  ['an empty object', '{}\n'],
  ['an empty object without newline', '{}'],
  ['settings without hooks', '{\n  "model": "opus",\n  "permissions": { "allow": ["Bash(npm test)"] }\n}\n'],
  [
    'hooks for other events',
    '{\n  "hooks": {\n    "Stop": [\n      { "hooks": [{ "type": "command", "command": "notify-send done" }] }\n    ]\n  }\n}\n',
  ],
  [
    'other groups in the same event',
    '{\n  "hooks": {\n    "PreToolUse": [\n      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "./lint.sh" }] }\n    ]\n  }\n}\n',
  ],
  [
    'tabs',
    '{\n\t"model": "opus",\n\t"hooks": {\n\t\t"Stop": [\n\t\t\t{\n\t\t\t\t"hooks": [\n\t\t\t\t\t{ "type": "command", "command": "x" }\n\t\t\t\t]\n\t\t\t}\n\t\t]\n\t}\n}\n',
  ],
  [
    '4 spaces and CRLF',
    '{\r\n    "model": "opus",\r\n    "hooks": {\r\n        "PreToolUse": [\r\n            { "hooks": [ { "type": "command", "command": "y" } ] }\r\n        ]\r\n    }\r\n}\r\n',
  ],
  [
    '"$comment" notes everywhere',
    '{\n  "$comment": "settings",\n  "model": "opus",\n  "hooks": {\n    "$comment": "nothing yet"\n  }\n}\n',
  ],
  ['one-line JSON', '{"model":"opus","hooks":{"Stop":[{"hooks":[{"type":"command","command":"z"}]}]}}'],
];

describe('hookpack install, then uninstall', () => {
  it.each(ORIGINALS)('returns the original bytes (%s)', async (_name, original) => {
    project = makeProject('uninstall-roundtrip');
    project.write(original);
    expect((await project.run('install')).code).toBe(0);
    expect(project.read()).not.toBe(original);
    const run = await project.run('uninstall');
    expect(run.code).toBe(0);
    expect(project.read()).toBe(original);
  });

  it.each(ORIGINALS)(
    'returns the original bytes after per-hook installs and a layout switch (%s)',
    async (_name, original) => {
      project = makeProject('uninstall-roundtrip-switch');
      project.write(original);
      await project.run('install', '--per-hook', '--hooks', 'bash-guard');
      await project.run('install', '--per-event');
      await project.run('uninstall');
      expect(project.read()).toBe(original);
    },
  );

  it('drops an empty event array or `hooks` object that was there before (JSON-equal, not byte-equal: it cannot tell them from its own)', async () => {
    project = makeProject('uninstall-empty-before');
    project.write(
      '{\n  "hooks": {\n    "Stop": [\n      { "hooks": [{ "type": "command", "command": "x" }] }\n    ],\n    "UserPromptSubmit": []\n  }\n}\n',
    );
    await project.run('install');
    await project.run('uninstall');
    expect(project.read()).toBe(
      '{\n  "hooks": {\n    "Stop": [\n      { "hooks": [{ "type": "command", "command": "x" }] }\n    ]\n  }\n}\n',
    );
  });

  it('deletes the file again when install created it (see uninstall-deletes-created-file.test.ts)', async () => {
    project = makeProject('uninstall-created');
    await project.run('install');
    await project.run('uninstall');
    expect(existsSync(project.settings)).toBe(false);
  });
});
