// `hookpack doctor` with warm commands installed (docs/warm.md): says whether the warm daemon runs,
// and warns when the client would refuse the daemon's directory (every call then falls back).
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctor } from '../../cli/commands/doctor.ts';
import type { Finding } from '../../cli/doctor/finding.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('doctor-warm');
afterAll(cleanup);
const project = join(dir, 'project');
const env = cleanEnv(dir);
const state = env.HOOKPACK_HOME as string;
const warmCommand =
  '"$CLAUDE_PROJECT_DIR"/.claude/hooks/dist/warm/hookpack-warm 5 "$CLAUDE_PROJECT_DIR"/.claude/hooks/dist/on-PreToolUse.cjs || exit 2';

async function warmFindings(settings: unknown): Promise<Finding[]> {
  writeFile(join(project, '.claude', 'settings.local.json'), JSON.stringify(settings));
  const run = await runCli([doctor], ['doctor', '--json'], { cwd: project, env });
  return (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter((f) => f.code.startsWith('warm-'));
}

const withWarm = {
  hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: warmCommand, timeout: 5 }] }] },
};

describe('hookpack doctor and the warm path', () => {
  it('says nothing of the warm path when no command uses it', async () => {
    expect(
      await warmFindings({
        hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'true' }] }] },
      }),
    ).toEqual([]);
  });

  it('notes that no daemon runs yet and the next warm call starts it', async () => {
    const [finding] = await warmFindings(withWarm);
    expect(finding).toMatchObject({ severity: 'info', code: 'warm-daemon' });
    expect(finding?.message).toContain('1 warm command(s); no warm daemon runs now');
  });

  it('warns when the daemon directory is one the client refuses', async () => {
    mkdirSync(join(state, 'daemon'), { recursive: true });
    chmodSync(state, 0o700);
    chmodSync(join(state, 'daemon'), 0o755);
    const [finding] = await warmFindings(withWarm);
    expect(finding).toMatchObject({ severity: 'warning', code: 'warm-daemon-dir-refused' });
    expect(finding?.message).toContain('its mode is 755, not 700');
  });
});
