/** One word of a shell command line, after quote removal and the expansions we can do statically. */
export interface Word {
  text: string;
  /** Held a `$VAR`, `$(…)` or backquote we could not expand: its text is not the real value. */
  unresolved: boolean;
}

const OPERATOR = new Set([';', '&', '|', '<', '>', '(', ')', '\n']);

/**
 * Splits the first simple command of a `sh -c` string into words, the way dash would: quotes
 * removed, `\` escapes honoured, `$NAME`/`${NAME}` expanded from `vars`, and a leading `~`
 * expanded to `home`. Stops at the first operator (`;`, `&&`, `|`, a redirection …): the
 * program that matters for a missing-file check is the first one. Not a full shell parser;
 * anything it cannot expand marks the word `unresolved` so callers don't guess.
 */
export function firstCommandWords(line: string, vars: Readonly<Record<string, string | undefined>>, home: string): Word[] {
  const words: Word[] = [];
  let text = '';
  let unresolved = false;
  let started = false;
  let quote: "'" | '"' | undefined;
  const end = () => {
    if (started) words.push({ text, unresolved });
    text = '';
    unresolved = false;
    started = false;
  };
  const expand = (i: number): number => {
    // i points at '$'; returns the index of the last character consumed.
    const rest = line.slice(i + 1);
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
    const bare = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    const match = braced ?? bare;
    if (match === null) {
      if (rest.startsWith('(') || rest.startsWith('{')) unresolved = true;
      text += '$';
      return i;
    }
    const value = vars[match[1] as string];
    if (value === undefined) {
      unresolved = true;
      text += match[0].startsWith('{') ? `\${${match[1]}}` : `$${match[1]}`;
    } else {
      text += value;
    }
    return i + match[0].length;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else text += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1] as string)) text += line[++i];
      else if (c === '$') i = expand(i);
      else if (c === '`') unresolved = true;
      else text += c;
      continue;
    }
    if (c === ' ' || c === '\t') {
      end();
      continue;
    }
    if (OPERATOR.has(c)) break;
    started = true;
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') text += line[++i] ?? '';
    else if (c === '$') i = expand(i);
    else if (c === '`') unresolved = true;
    else if (c === '~' && text === '' && (i + 1 === line.length || line[i + 1] === '/' || line[i + 1] === ' ')) text += home;
    else if (c === '#' && text === '') break; // a comment
    else text += c;
  }
  end();
  return words;
}

/** Substitutes the `${NAME}` placeholders Claude Code replaces in exec-form `command` and `args` (§2.5). */
export function substitutePlaceholders(value: string, vars: Readonly<Record<string, string | undefined>>): Word {
  let unresolved = false;
  const text = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    const known = vars[name];
    if (known === undefined) unresolved = true;
    return known ?? whole;
  });
  return { text, unresolved };
}
