// `hookpack doctor` on healthy settings, `--settings`, and usage.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctor } from '../../cli/commands/doctor.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('doctor-clean');
afterAll(cleanup);
const project = join(dir, 'project');
const env = cleanEnv(dir);
const script = writeFile(join(project, '.claude', 'hooks', 'lint.sh'), '#!/bin/sh\nexit 0\n', 0o755);
writeFile(
  join(project, '.claude', 'settings.json'),
  JSON.stringify({
    hooks: {
      PostToolUse: [
        {
          matcher: 'Edit|Write',
          hooks: [{ type: 'command', command: '"$CLAUDE_PROJECT_DIR"/.claude/hooks/lint.sh', timeout: 10 }],
        },
      ],
    },
  }),
);

describe('hookpack doctor on healthy settings', () => {
  it('finds nothing and exits 0', async () => {
    const run = await runCli([doctor], ['doctor'], { cwd: project, env });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('hookpack doctor: 0 errors, 0 warnings, 0 info (1 hook, 1 settings file)\nall good.\n');
  });

  it('prints { findings, ok } with --json', async () => {
    const run = await runCli([doctor], ['doctor', '--json'], { cwd: project, env });
    expect(JSON.parse(run.stdout)).toEqual({ findings: [], ok: true });
  });

  it('reads the user layer from $HOME/.claude and the managed file from HOOKPACK_MANAGED_SETTINGS', async () => {
    writeFile(
      join(dir, 'home', '.claude', 'settings.json'),
      JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: script }] }] } }),
    );
    writeFile(
      env.HOOKPACK_MANAGED_SETTINGS as string,
      JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: `${script}-gone`, timeout: 5 }] }] } }),
    );
    const run = await runCli([doctor], ['doctor', '--json'], { cwd: project, env });
    const { findings } = JSON.parse(run.stdout) as { findings: { code: string; layer: string }[] };
    expect(findings.map((f) => [f.layer, f.code])).toEqual([
      ['managed', 'missing-file'],
      ['user', 'no-timeout'],
    ]);
    expect(run.code).toBe(1);
  });

  it('checks only the file --settings names', async () => {
    const other = writeFile(
      join(dir, 'other.json'),
      JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'true', timeout: 1 }] }] } }),
    );
    const run = await runCli([doctor], ['doctor', '--settings', other, '--json'], { cwd: project, env });
    expect(JSON.parse(run.stdout)).toEqual({ findings: [], ok: true });
  });

  it('exits 3 naming a --settings file that does not exist', async () => {
    const run = await runCli([doctor], ['doctor', '--settings', 'nope.json'], { cwd: project, env });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `hookpack: \`--settings\` names ${join(project, 'nope.json')}, which does not exist; pass the path of a settings.json file\n`,
    );
  });

  it('says there are no hooks when no layer has any', async () => {
    const empty = tempDir('doctor-empty');
    const run = await runCli([doctor], ['doctor'], { cwd: empty.dir, env: cleanEnv(empty.dir) });
    empty.cleanup();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no settings file found in any layer');
  });

  it('prints its help with --help', async () => {
    const run = await runCli([doctor], ['doctor', '--help'], { cwd: project, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: hookpack doctor \[--settings PATH\] \[--json\]\n/);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});
