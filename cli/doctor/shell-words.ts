/** One word of a shell command line, after quote removal and the expansions we can do statically. */
export interface Word {
  text: string;
  /** Held a `$VAR`, `$(…)` or backquote we could not expand: its text is not the real value. */
  unresolved: boolean;
}

/** The simple commands of a `sh -c` string, in order, and whether all of it could be read. */
export interface CommandList {
  /** Each simple command's words (redirections and their targets left out). */
  commands: Word[][];
  /** False when reading stopped at something this reader does not follow (a subshell, a here-document). */
  complete: boolean;
}

/**
 * Splits a `sh -c` string into its simple commands and those into words, the way dash would:
 * quotes removed, `\` escapes honoured, `$NAME`/`${NAME}` expanded from `vars`, a leading `~`
 * expanded to `home`, commands separated at `&&`, `||`, `;`, `|`, `&` and newlines, redirections
 * (`2>/dev/null`, `>>log`, `2>&1`) dropped with their targets. It stops at a subshell `( … )`
 * or a here-document. Not a full shell parser; anything it cannot expand (`$(…)`, backquotes,
 * unset variables) marks the word `unresolved` so callers don't guess.
 */
export function commandList(line: string, vars: Readonly<Record<string, string | undefined>>, home: string): CommandList {
  const commands: Word[][] = [];
  let words: Word[] = [];
  let text = '';
  let unresolved = false;
  let started = false;
  let quote: "'" | '"' | undefined;
  /** The next word is a redirection's target, not part of the command. */
  let target = false;
  const endWord = () => {
    if (started) {
      if (target) target = false;
      else words.push({ text, unresolved });
    }
    text = '';
    unresolved = false;
    started = false;
  };
  const endCommand = () => {
    endWord();
    target = false;
    if (words.length > 0) commands.push(words);
    words = [];
  };
  /** Skips a `$(…)` or `` `…` `` starting at `i`; returns the index of its last character. */
  const skipSubstitution = (i: number): number => {
    unresolved = true;
    if (line[i] === '`') {
      for (let j = i + 1; j < line.length; j++) {
        if (line[j] === '\\') j++;
        else if (line[j] === '`') return j;
      }
      return line.length;
    }
    let depth = 0;
    for (let j = i + 1; j < line.length; j++) {
      if (line[j] === '\\') j++;
      else if (line[j] === '(') depth++;
      else if (line[j] === ')' && --depth === 0) return j;
    }
    return line.length;
  };
  const expand = (i: number): number => {
    // i points at '$'; returns the index of the last character consumed.
    const rest = line.slice(i + 1);
    if (rest.startsWith('(')) return skipSubstitution(i + 1);
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
    const bare = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    const match = braced ?? bare;
    if (match === null) {
      if (rest.startsWith('{')) {
        // ${VAR:-default} and the like: not expanded here.
        unresolved = true;
        const close = line.indexOf('}', i);
        return close < 0 ? line.length : close;
      }
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
      else if (c === '`') i = skipSubstitution(i);
      else text += c;
      continue;
    }
    if (c === ' ' || c === '\t') {
      endWord();
      continue;
    }
    if (c === '\n' || c === ';' || c === '&' || c === '|') {
      endCommand();
      if ((c === '&' || c === '|') && line[i + 1] === c) i++; // && and ||
      continue;
    }
    if (c === '<' || c === '>') {
      // `2>`: the digits name a file descriptor, not a word of the command.
      if (started && /^\d+$/.test(text) && !unresolved) {
        text = '';
        started = false;
      } else {
        endWord();
      }
      const next = line[i + 1];
      if (c === '<' && next === '<') return { commands: [...commands, ...(words.length > 0 ? [words] : [])], complete: false };
      if (next === '>' || next === '&' || next === '|' || (c === '<' && next === '>')) i++;
      target = true;
      continue;
    }
    if (c === '(' || c === ')') {
      endCommand();
      return { commands, complete: false };
    }
    if (c === '#' && !started) {
      endCommand();
      return { commands, complete: true }; // a comment runs to the end of the line
    }
    started = true;
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') text += line[++i] ?? '';
    else if (c === '$') i = expand(i);
    else if (c === '`') i = skipSubstitution(i);
    else if (c === '~' && text === '' && (i + 1 === line.length || line[i + 1] === '/' || line[i + 1] === ' ')) text += home;
    else text += c;
  }
  endCommand();
  return { commands, complete: quote === undefined };
}

/** The words of the first simple command of a `sh -c` string (see commandList). */
export function firstCommandWords(line: string, vars: Readonly<Record<string, string | undefined>>, home: string): Word[] {
  return commandList(line, vars, home).commands[0] ?? [];
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
