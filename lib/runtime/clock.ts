// `performance` is lazy in Node: touching it loads perf_hooks and nine internal modules (~0.5 ms
// at every hook start, measured with process.moduleLoadList and --cpu-prof). process.uptime()
// reads the same monotonic clock without loading anything.

/** Milliseconds since this process started (monotonic). */
export function sinceStartMs(): number {
  return process.uptime() * 1000;
}

let startedAt: number | undefined;

/**
 * When this process started, as epoch ms: Claude Code's timeout counts from the spawn. Computed
 * once: two readings of two clocks differ by a millisecond now and then, and a deadline and the
 * message that states it must agree.
 */
export function processStartMs(): number {
  startedAt ??= Date.now() - sinceStartMs();
  return startedAt;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * `new Date(ms).toISOString()` without a Date: V8 reads the local time zone (/etc/localtime and
 * the links to it) the first time a Date is made, 0.15 ms of a hook start that only needs UTC
 * (measured). Days to a civil date after Howard Hinnant's `civil_from_days`; whole
 * milliseconds, years 0-9999.
 */
export function isoTime(at: number = Date.now()): string {
  const ms = Math.floor(at);
  const days = Math.floor(ms / 86_400_000);
  const msOfDay = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(msOfDay / 3_600_000), 2)}:${pad(Math.floor(msOfDay / 60_000) % 60, 2)}:${pad(Math.floor(msOfDay / 1000) % 60, 2)}.${pad(msOfDay % 1000, 3)}Z`;
}
