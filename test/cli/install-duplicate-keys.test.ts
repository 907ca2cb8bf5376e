// A key written twice in a settings file: Claude Code (JSON.parse) reads the last copy, while a
// text edit that finds a key by name finds the first, so install would write into a copy nothing
// reads. install and uninstall refuse such a file (exit 3), naming the key and its lines.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, projectCommand, type Project } from './install-fixture.ts';

let project: Project;
afterEach(() => project.cleanup());

const handler = (command: string) => `{ "type": "command", "command": "${command}" }`;

const CASES: [string, string, RegExp][] = [
  [
    'the top level (two "hooks")',
    `{\n  "hooks": {\n    "Stop": [{ "hooks": [${handler('notify-send a')}] }]\n  },\n  "model": "opus",\n  "hooks": {}\n}\n`,
    /^hookpack: cannot use \.claude\/settings\.json: line 6, column 3: duplicate key "hooks" in the top level \(first at line 2\); Claude Code reads only the last copy \(the hooks in the first never run\), while an edit would land in the first: merge the two or delete one by hand and run again; it was not changed\n$/,
  ],
  [
    'hooks (an event twice)',
    `{\n  "hooks": {\n    "PreToolUse": [],\n    "Stop": [],\n    "PreToolUse": [{ "hooks": [${handler('./lint.sh')}] }]\n  }\n}\n`,
    /^hookpack: cannot use \.claude\/settings\.json: line 5, column 5: duplicate key "PreToolUse" in hooks \(first at line 3\); Claude Code reads only the last copy/,
  ],
  [
    'a matcher group (two "hooks" lists)',
    `{\n  "hooks": {\n    "PreToolUse": [\n      {\n        "matcher": "Bash",\n        "hooks": [${handler('./a.sh')}],\n        "hooks": [${handler('./b.sh')}]\n      }\n    ]\n  }\n}\n`,
    /^hookpack: cannot use \.claude\/settings\.json: line 7, column 9: duplicate key "hooks" in hooks\.PreToolUse\[0\] \(first at line 6\); Claude Code reads only the last copy/,
  ],
  [
    'a handler (two "command" values)',
    `{\n  "hooks": {\n    "Stop": [\n      { "hooks": [{ "type": "command", "command": "a", "command": "${projectCommand('on-Stop.cjs').replaceAll('"', '\\"')}" }] }\n    ]\n  }\n}\n`,
    /^hookpack: cannot use \.claude\/settings\.json: line 4, column \d+: duplicate key "command" in hooks\.Stop\[0\]\.hooks\[0\] \(first at line 4\); Claude Code reads only the last value: merge the two or delete one by hand/,
  ],
];

describe('hookpack install and uninstall with duplicate keys', () => {
  it.each(CASES)('refuse a duplicate key in %s, exit 3, file untouched', async (_name, original, message) => {
    project = makeProject('install-duplicates');
    project.write(original);
    JSON.parse(original); // valid JSON as far as JSON.parse goes: that is what makes it dangerous
    for (const command of ['install', 'uninstall']) {
      const run = await project.run(command);
      expect(run.code).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(readFileSync(project.settings, 'utf8')).toBe(original);
    }
  });

  it('accepts the same key in different objects', async () => {
    project = makeProject('install-no-duplicates');
    project.write(
      `{\n  "hooks": {\n    "Stop": [{ "matcher": "", "hooks": [${handler('a')}] }, { "matcher": "", "hooks": [${handler('b')}] }]\n  }\n}\n`,
    );
    expect((await project.run('install')).code).toBe(0);
  });
});
