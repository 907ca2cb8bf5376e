// doctor on a settings file with a key written twice: Claude Code (JSON.parse) keeps the last
// copy, so the hooks of the first never run. That is an error, with both lines named.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctor } from '../../cli/commands/doctor.ts';
import type { Finding } from '../../cli/doctor/finding.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('doctor-duplicates');
afterAll(cleanup);
const env = cleanEnv(dir);

const doctorOn = async (text: string) => {
  const settings = writeFile(join(dir, 'settings.json'), text);
  const run = await runCli([doctor], ['doctor', '--settings', settings, '--json'], { cwd: dir, env });
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: Finding[] }).findings, settings };
};

describe('hookpack doctor and duplicate keys', () => {
  it('reports a second "hooks" at the top level as an error: the first copy\'s hooks never run', async () => {
    const { code, findings, settings } = await doctorOn(
      '{\n  "hooks": {\n    "Stop": [{ "hooks": [{ "type": "command", "command": "true", "timeout": 1 }] }]\n  },\n  "hooks": {}\n}\n',
    );
    expect(code).toBe(1);
    // As Claude Code reads it, the file has no hooks at all.
    expect(findings.map((f) => f.code)).toEqual(['duplicate-key', 'no-hooks']);
    expect(findings.slice(0, 1)).toEqual([
      {
        severity: 'error',
        code: 'duplicate-key',
        message:
          '"hooks" appears twice in the top level (lines 2 and 5): Claude Code reads only the last copy, so the hooks in the first never run',
        fix: 'merge the two into one (move the entries of the first into the last) and delete the first',
        layer: 'settings',
        path: settings,
      },
    ]);
  });

  it('reports a repeated event, and a repeated "hooks" in a matcher group, with where they are', async () => {
    const { findings } = await doctorOn(
      JSON.stringify({ hooks: { Stop: [] } }).replace(
        '"Stop":[]',
        '"Stop":[],"Stop":[{"matcher":"","hooks":[],"hooks":[{"type":"command","command":"true","timeout":1}]}]',
      ),
    );
    expect(findings.map((f) => [f.code, f.where, f.message.split(':')[0]])).toEqual([
      ['duplicate-key', 'hooks', '"Stop" appears twice in hooks (lines 1 and 1)'],
      ['duplicate-key', 'hooks.Stop[0]', '"hooks" appears twice in hooks.Stop[0] (lines 1 and 1)'],
    ]);
  });

  it('reports a repeated value in a handler as an error too (the first value is ignored)', async () => {
    const { findings } = await doctorOn(
      '{ "hooks": { "Stop": [{ "hooks": [{ "type": "command", "command": "true",\n "timeout": 1, "timeout": 600 }] }] } }',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'duplicate-key',
        where: 'hooks.Stop[0].hooks[0]',
        message:
          '"timeout" appears twice in hooks.Stop[0].hooks[0] (lines 2 and 2): Claude Code reads only the last value and ignores the first',
      }),
    ]);
  });
});
