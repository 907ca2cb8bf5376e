/**
 * Fits labelled parts into a character budget: entries are taken most relevant first (score,
 * then part order, then their order within the part) while they fit whole; an entry that doesn't
 * fit is left out, never cut, and a last line says how many were. Parts print in their given
 * order, each under its label, entries in the order they were taken.
 */

/** One line (or block) of context and how relevant it is; higher first. */
export interface ScoredEntry {
  text: string;
  score: number;
}

/** A labelled group of entries, e.g. the knowledge checks. */
export interface ContextPart {
  label: string;
  entries: readonly ScoredEntry[];
}

/** The assembled text and how many entries were left out to stay within the budget. */
export interface FittedContext {
  text: string;
  included: number;
  omitted: number;
}

const omittedLine = (count: number, maxChars: number) =>
  `(${count} less relevant ${count === 1 ? 'entry' : 'entries'} left out to stay within ${maxChars} characters)`;

function choose(
  header: string,
  parts: readonly ContextPart[],
  budget: number,
): { chosen: ScoredEntry[][]; omitted: number } {
  const order = parts
    .flatMap((part, p) => part.entries.map((entry, e) => ({ entry, p, e })))
    .sort((a, b) => b.entry.score - a.entry.score || a.p - b.p || a.e - b.e);
  const chosen: ScoredEntry[][] = parts.map(() => []);
  let used = header.length;
  let omitted = 0;
  for (const { entry, p } of order) {
    const labelCost = chosen[p]?.length === 0 ? (parts[p]?.label.length ?? 0) + 1 : 0;
    const cost = 1 + entry.text.length + labelCost;
    if (used + cost <= budget) {
      chosen[p]?.push(entry);
      used += cost;
    } else omitted++;
  }
  return { chosen, omitted };
}

/** The parts under `header` within `maxChars`, or undefined when no entry fits (or there are none). */
export function fitParts(header: string, parts: readonly ContextPart[], maxChars: number): FittedContext | undefined {
  let { chosen, omitted } = choose(header, parts, maxChars);
  if (omitted > 0) {
    // Make room for the line that says entries were left out; its count can only grow.
    const total = parts.reduce((sum, part) => sum + part.entries.length, 0);
    ({ chosen, omitted } = choose(header, parts, maxChars - 1 - omittedLine(total, maxChars).length));
  }
  const included = chosen.reduce((sum, entries) => sum + entries.length, 0);
  if (included === 0) return undefined;
  const lines = [header];
  chosen.forEach((entries, p) => {
    if (entries.length > 0) lines.push(parts[p]?.label ?? '', ...entries.map((entry) => entry.text));
  });
  if (omitted > 0) lines.push(omittedLine(omitted, maxChars));
  return { text: lines.join('\n'), included, omitted };
}
