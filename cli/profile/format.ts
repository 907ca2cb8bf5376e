/**
 * How profile prints a time, in its tables and in its fixes alike, so a fix quotes the very
 * figure the table shows: one decimal under 100 ms, whole milliseconds above.
 */
export const num = (n: number): string =>
  Number.isFinite(n) ? (n >= 100 ? Math.round(n).toString() : n.toFixed(1)) : '-';

/** A ratio as the tables print it: `4.20`. */
export const ratioText = (n: number): string => n.toFixed(2);
