/**
 * `${Date.now()}` is not a parameter expansion bash knows: it stops with "bad substitution" and
 * the command holding it never runs (in `$(…)`/backquotes only that inner command is dropped).
 * JavaScript template literals inside a double-quoted `node -e "…"` produce such words, and a
 * guard must not read them as a hidden program name.
 */
const EXPANSION_START = /\$\{/g;
/** What may follow `${`: an optional `#`/`!`, a name, digits or a special parameter, then an operator or `}`. */
const VALID = /^[#!]?(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])(?=[}:\-=?+#%/^,@[*])/;

/** Whether `word` holds a `${…}` that bash rejects as a bad substitution. */
export function hasBadSubstitution(word: string): boolean {
  if (!word.includes('${')) return false;
  EXPANSION_START.lastIndex = 0;
  for (let match = EXPANSION_START.exec(word); match !== null; match = EXPANSION_START.exec(word)) {
    if (!VALID.test(word.slice(match.index + 2, match.index + 200))) return true;
  }
  return false;
}
