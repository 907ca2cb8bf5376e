import type { Command } from '../command.ts';
import { checkWarm } from '../doctor/check-warm.ts';
import { diagnose, doctorContext } from '../doctor/diagnose.ts';
import { renderFindings, summary } from '../doctor/render.ts';
import { EXIT } from '../errors.ts';
import { readLayers } from '../layers.ts';

/** `hookpack doctor`: reads every settings layer and says what would keep each hook from working well. */
export const doctor: Command = {
  name: 'doctor',
  summary: 'check all settings layers for broken, slow or switched-off hooks',
  help: `usage: hookpack doctor [--settings PATH] [--json]

Reads the hooks of every settings layer (user ~/.claude/settings.json, project
.claude/settings.json, local .claude/settings.local.json, managed
/etc/claude-code/managed-settings.json) and reports, each with the fix:
missing or non-executable hook files, commands not on PATH, hooks without a
timeout, unknown events, matchers that never match, a stale dist/, slow
interpreter shims, NODE_EXTRA_CA_CERTS on Node 20, hookpack hooks switched off.

  --settings PATH  check only this settings file
  --json           print one JSON document { findings, ok }

Exit codes: 0 no errors (warnings allowed), 1 at least one error,
2 bad usage, 3 --settings file missing.
`,
  options: {
    settings: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const layers = readLayers(io, values.settings as string | undefined);
    const context = doctorContext(io, layers);
    // The warm daemon answers over a socket: the one check that has to wait (info last, as sorted).
    const findings = [...diagnose(context), ...(await checkWarm(context))];
    const ok = !findings.some((f) => f.severity === 'error');
    if (values.json === true) {
      io.out(`${JSON.stringify({ findings, ok }, null, 2)}\n`);
    } else {
      const header = summary(findings, context.hooks.length, layers.filter((l) => l.exists).length);
      io.out(findings.length === 0 ? `${header}\nall good.\n` : renderFindings(findings, io.color, header));
    }
    return ok ? EXIT.OK : EXIT.FINDINGS;
  },
};
