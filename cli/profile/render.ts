import { paint } from '../io.ts';
import { wrap } from '../doctor/wrap.ts';
import { renderTable } from '../table.ts';
import { num, ratioText } from './format.ts';
import type { ProfileReport } from './summarize.ts';

const exits = (counts: Record<string, number>) => Object.keys(counts).sort().join(',');

/** The profile as text no wider than 80 columns: hooks, events, then the slowest with fixes. */
export function renderProfile(report: ProfileReport, color: boolean): string {
  const failed = report.hooks.filter((h) => h.allFailed);
  const lines: string[] = [
    `hookpack profile: ${report.hooks.length} command hook${report.hooks.length === 1 ? '' : 's'}, ${report.runs} run${report.runs === 1 ? '' : 's'} each; \`node -e 0\` (${report.node}) takes ${num(report.yardstick.medianMs)} ms here`,
    `in ${report.project}`,
    ...(failed.length === 0
      ? []
      : [
          '',
          paint(
            color,
            'red',
            `${failed.length} of ${report.hooks.length} failed in every run: ${failed.map((h) => h.label).join(', ')}. Their times measure the failure, not the hook (see likely fixes).`,
          ),
        ]),
    '',
    renderTable(
      [
        { header: 'hook', flex: true },
        { header: 'event' },
        { header: 'p50 ms', align: 'right' },
        { header: 'p95 ms', align: 'right' },
        { header: 'x node', align: 'right' },
        { header: 'out', align: 'right' },
        { header: 'exits' },
      ],
      report.hooks.map((h) => [
        h.label,
        h.event,
        num(h.medianMs),
        num(h.p95Ms),
        ratioText(h.ratio),
        `${h.maxOutputChars}${h.overCap ? '!' : ''}`,
        `${exits(h.exits)}${h.allFailed ? ' failed' : ''}`,
      ]),
    ).trimEnd(),
    '',
    renderTable(
      [
        { header: 'event', flex: true },
        { header: 'hooks', align: 'right' },
        { header: 'parallel ms', align: 'right' },
        { header: 'p95 ms', align: 'right' },
        { header: 'sequence ms', align: 'right' },
        { header: 'x node', align: 'right' },
      ],
      report.events.map((e) => [
        e.event,
        String(e.hooks),
        num(e.parallelMedianMs),
        num(e.parallelP95Ms),
        num(e.sequenceMs),
        ratioText(e.ratio),
      ]),
    ).trimEnd(),
    '',
    renderTable(
      [
        { header: 'empty start, as the hooks start it', flex: true },
        { header: 'p50 ms', align: 'right' },
        { header: 'p95 ms', align: 'right' },
        { header: 'x node', align: 'right' },
        { header: 'hooks', align: 'right' },
      ],
      [
        ['node -e 0 (the yardstick)', num(report.yardstick.medianMs), num(report.yardstick.p95Ms), '1.00', '-'],
        ...report.emptyStarts.map((s) => [
          s.label,
          num(s.medianMs),
          num(s.p95Ms),
          ratioText(s.ratio),
          s.failed === undefined ? String(s.hooks) : `failed: exit ${exits(s.failed)}`,
        ]),
      ],
    ).trimEnd(),
    '',
    "out = longest output string (chars); '!' = over Claude Code's 10,000 cap. parallel = all of an event's hooks started at once (each with its own payload), as Claude Code runs them. empty start = the interpreter running nothing, measured in the same rounds: the part of a hook's time that is start-up.",
  ];
  const slow = report.slowest.filter((s) => s.hints.length > 0);
  const eventHints = report.events.flatMap((e) => e.hints);
  if (slow.length > 0 || eventHints.length > 0) {
    lines.push('', paint(color, 'bold', 'likely fixes'));
    slow.forEach((s, i) => {
      lines.push(`${i + 1}. ${s.label} (${s.event}, p50 ${num(s.medianMs)} ms, ${ratioText(s.ratio)}x node)`);
      for (const hint of s.hints) lines.push(...wrap(`- ${hint}`, 80, 3, 2));
    });
    for (const hint of eventHints) lines.push(...wrap(`- ${hint}`, 80, 0, 2));
  } else {
    lines.push(
      '',
      `slowest: ${report.slowest.map((s) => `${s.label} ${num(s.medianMs)} ms`).join(', ') || 'none'}; nothing obvious to fix.`,
    );
  }
  return lines.map((l) => (l.includes('\n') || l.length <= 80 ? l : wrap(l, 80, 0).join('\n'))).join('\n') + '\n';
}
