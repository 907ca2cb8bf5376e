// Telemetry lines name the project the hook ran for, and stay one bounded line whatever a caller
// (an adopted hook named after a file in someone's repository) passes as names.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordRun, recordRuns } from '../../../lib/runtime/telemetry.ts';
import { spawnHook } from '../../../lib/testing.ts';

const dist = (name: string) => fileURLToPath(new URL(`../../.dist/${name}.cjs`, import.meta.url));
const fixture = JSON.parse(
  readFileSync(new URL('../../../cli/payloads/PreToolUse.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let dir: string;
let home: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookpack-telemetry-project-'));
  home = join(dir, 'home');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const rawLines = () => readFileSync(join(home, 'telemetry.jsonl'), 'utf8').split('\n').filter(Boolean);
const lines = () => rawLines().map((l) => JSON.parse(l) as Record<string, unknown>);

describe('telemetry and the project', () => {
  it("records $CLAUDE_PROJECT_DIR of a built hook's run as the line's project", async () => {
    const project = join(dir, 'my project');
    await spawnHook(
      dist('bash-behaviour'),
      { ...fixture, tool_name: 'Bash', tool_input: { command: 'ls' } },
      { env: { HOOKPACK_HOME: home, CLAUDE_PROJECT_DIR: project } },
    );
    expect(lines()).toEqual([expect.objectContaining({ hook: 'bash-behaviour', project })]);
  });

  it('writes no project when the variable is unset, and an explicit one over the variable', () => {
    recordRun({ hook: 'a', event: 'Stop', exit: 0, decision: 'none', ms: 1 }, { HOOKPACK_HOME: home });
    recordRuns([{ hook: 'b', event: 'Stop', exit: 0, decision: 'none', ms: 1, project: '/adopted/project' }], {
      HOOKPACK_HOME: home,
      CLAUDE_PROJECT_DIR: '/from/env',
    });
    const [first, second] = lines();
    expect(first).not.toHaveProperty('project');
    expect(second).toMatchObject({ hook: 'b', project: '/adopted/project' });
  });

  it.each([
    ['a newline in a name', { hook: 'evil\n{"ts":"forged"}', project: '/p' }],
    ['a 100,000-character hook name', { hook: 'x'.repeat(100_000), project: '/p' }],
    ['a 100,000-character error', { hook: 'h', error: 'E'.repeat(100_000), project: '/p' }],
    ['a project longer than PATH_MAX', { hook: 'h', project: `/${'p'.repeat(5000)}` }],
  ])('keeps %s to one line under 8 KiB', (_, fields) => {
    recordRun({ event: 'Stop', exit: 0, decision: 'none', ms: 1, ...fields }, { HOOKPACK_HOME: home });
    const [line] = rawLines();
    expect(rawLines()).toHaveLength(1);
    expect(Buffer.byteLength(line as string)).toBeLessThan(8 * 1024);
    const record = JSON.parse(line as string) as Record<string, unknown>;
    expect(String(record.hook).startsWith(fields.hook.slice(0, 10))).toBe(true);
    if (fields.project.length > 4096) expect(record).not.toHaveProperty('project');
    else expect(record.project).toBe(fields.project);
  });
});
