import { CliError } from '../errors.ts';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const ACCEPTED = 'a duration like 30m, 1h, 7d (s, m, h, d, w) or a date like 2026-11-01';

/**
 * The instant `--since` names: a duration back from `now` (`30m`, `1h`, `7d`), a calendar date
 * (`2026-11-01`, local midnight) or an ISO date-time. Anything else is a usage error that names
 * the value and the accepted forms.
 */
export function parseSince(value: string, now: number = Date.now()): Date {
  const duration = /^(\d+)([smhdw])$/.exec(value.trim());
  if (duration !== null) return new Date(now - Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS]);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (day !== null) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const date = new Date(y, m - 1, d);
    if (date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d) return date;
  } else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.test(value.trim())) {
    const parsed = Date.parse(value.trim());
    if (Number.isFinite(parsed)) return new Date(parsed);
  }
  throw new CliError('E_USAGE', `\`--since\` got \`${value}\`; use ${ACCEPTED}`);
}
