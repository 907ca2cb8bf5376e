import type { DoctorContext, Finding } from './finding.ts';

/** Settings files Claude Code cannot read (wholly or in part), and the case of no hooks at all. */
export function checkSettings(context: DoctorContext): Finding[] {
  const findings: Finding[] = context.layers.flatMap((layer) =>
    layer.problems.map((problem) => ({
      severity: 'error' as const,
      code: 'settings-invalid',
      message: `${layer.path}: ${problem}; Claude Code skips what it cannot parse, so these hooks never run`,
      fix: 'fix the JSON (a JSON validator or `jq . FILE` points at the spot), then run `hookpack doctor` again',
      layer: layer.name,
      path: layer.path,
    })),
  );
  for (const layer of context.layers) {
    for (const issue of layer.issues) {
      findings.push({
        severity: issue.severity,
        code: issue.code,
        message: issue.message,
        fix: issue.fix,
        layer: layer.name,
        path: layer.path,
        ...(issue.where === undefined ? {} : { where: issue.where }),
      });
    }
  }
  if (context.hooks.length === 0) {
    const read = context.layers.filter((l) => l.exists).map((l) => l.path);
    findings.push({
      severity: 'info',
      code: 'no-hooks',
      message: read.length === 0 ? 'no settings file found in any layer' : `no command hooks in ${read.join(', ')}`,
      fix: 'add hooks with `hookpack install`, or pass `--settings PATH` to check another file',
      layer: 'settings',
    });
  }
  return findings;
}
