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

/**
 * `new Date(at).toISOString()` without a Date: V8 reads the local time zone (/etc/localtime and
 * the links to it) the first time a Date is made, 0.36 M instructions and 8 syscalls of a hook
 * start that only needs UTC (measured). Days to a civil date after Howard Hinnant's
 * `civil_from_days`; whole milliseconds, years 0-9999.
 */
export function isoTime(at: number = Date.now()): string {
  const ms = Math.floor(at);
  const days = Math.floor(ms / 864e5);
  const time = ms - days * 864e5;
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - 365 * yearOfEra - Math.floor(yearOfEra / 4) + Math.floor(yearOfEra / 100);
  const month = Math.floor((5 * dayOfYear + 2) / 153);
  // Fields of a fixed width: each is padded by adding 10**width and dropping the leading 1.
  const field = (value: number, width = 2) => String(10 ** width + value).slice(1);
  return `${field(yearOfEra + era * 400 + (month >= 10 ? 1 : 0), 4)}-${field(month < 10 ? month + 3 : month - 9)}-${field(dayOfYear - Math.floor((153 * month + 2) / 5) + 1)}T${field(Math.floor(time / 36e5))}:${field(Math.floor(time / 6e4) % 60)}:${field(Math.floor(time / 1e3) % 60)}.${field(time % 1e3, 3)}Z`;
}
