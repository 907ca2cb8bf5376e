/**
 * What a deleting command's operand names, for `anyTarget`/`lastTarget`: the project root, a
 * place inside the project, a place inside a temp directory, a place outside both, or something
 * the guard cannot evaluate. The definitions the README states:
 *
 * - the project is the directory the command was started in (the payload's `cwd`); inside is
 *   its subtree, the root itself excluded;
 * - temp is strictly inside /tmp, /var/tmp (and macOS's /private/tmp, /private/var/tmp,
 *   /var/folders, /private/var/folders), or inside `$TMPDIR` when that lies in one of them;
 *   `$TMPDIR/x`, `${TMPDIR}/x` and `$(mktemp …)` as written count as temp too;
 * - unknown is an operand that still holds a variable or substitution after the known ones
 *   (assigned earlier in the same command line, `$HOME`, `$PWD`) are expanded: `"$1"`,
 *   `$(dirname "$PWD")`, `${PWD%/*}`, `$OLDPWD` could name anything, `/` included.
 */
import { expandKnown, loopValues, resolveCommandPath, type PathBase } from './bash-operand-paths.ts';
import type { BashTarget } from './bash-rule-types.ts';

export type TargetKind = BashTarget | 'inside' | 'temp';

/** The system's temp roots. Deleting inside them is routine; the roots themselves are not temp. */
const TEMP_ROOTS = ['/tmp', '/var/tmp', '/private/tmp', '/private/var/tmp', '/var/folders', '/private/var/folders'];
/** `$TMPDIR/…`, `${TMPDIR}/…`, `${TMPDIR:-/tmp}/…`, `$(mktemp …)/…` or `` `mktemp …` ``, at the start. */
const TEMP_PREFIX =
  /^(?:\$TMPDIR(?![A-Za-z0-9_])|\$\{TMPDIR(?:[:]?[-=+?][^}]*)?\}|\$\(\s*mktemp(?:\s[^()`$]*)?\)|`\s*mktemp(?:\s[^`$]*)?`)/;
/** What the shell would still expand: `$NAME`, `${…}`, `$(…)`, `$1`, `$@`, backquotes. */
const UNEXPANDED = /\$[A-Za-z_{(0-9@*#?!$-]|`/;
const PARENT_SEGMENT = /(?:^|\/)\.\.(?:\/|$)/;
/** `host:path`, as rsync and scp read it: a name and a colon before any slash. */
const REMOTE = /^[A-Za-z0-9._@-]+:/;

/** The temp roots for a hook run: the system's, plus `$TMPDIR` when it lies inside one of them (a repository must not widen temp). */
export function tempRoots(tmpdir: string | undefined): string[] {
  const roots = [...TEMP_ROOTS];
  if (tmpdir?.startsWith('/')) {
    const normalized = resolveCommandPath(tmpdir, { home: '/', cwd: '/' });
    if (TEMP_ROOTS.some((root) => normalized.startsWith(`${root}/`))) roots.push(normalized);
  }
  return roots;
}

function inTemp(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => path.startsWith(`${root}/`));
}

/** Kinds already worked out, per command scope: several rules ask about the same operand. */
const KINDS = new WeakMap<PathBase, Map<string, TargetKind>>();

/** Classifies one operand of a command that deletes or overwrites what it names. */
export function targetKind(operand: string, base: PathBase): TargetKind {
  let kinds = KINDS.get(base);
  if (kinds === undefined) {
    kinds = new Map();
    KINDS.set(base, kinds);
  }
  let kind = kinds.get(operand);
  if (kind === undefined) {
    kind = classify(operand, base);
    kinds.set(operand, kind);
  }
  return kind;
}

/** Worst first: a deny (unknown) outranks an ask (outside, then the project root). */
const RANK: Readonly<Record<TargetKind, number>> = { unknown: 4, outside: 3, 'project-root': 2, inside: 1, temp: 0 };
function classify(operand: string, base: PathBase): TargetKind {
  // `rm -rf "$d"` in `for d in dist build`: each of the loop's words in turn, the worst kind of theirs.
  const looped = loopValues(operand, base);
  if (looped !== undefined) {
    if (!looped.complete) return 'unknown';
    let worst: TargetKind = 'temp';
    for (const value of looped.values) {
      const kind = classify(value, { ...base, loops: [] });
      if (RANK[kind] > RANK[worst]) worst = kind;
    }
    return worst;
  }
  // `~-` is $OLDPWD, `~+` is $PWD (bash).
  if (/^~-(?:\/|$)/.test(operand)) return 'unknown';
  const expanded = expandKnown(/^~\+(?:\/|$)/.test(operand) ? `${base.cwd}${operand.slice(2)}` : operand, base);
  const temp = TEMP_PREFIX.exec(expanded);
  if (temp !== null) {
    const rest = expanded.slice(temp[0].length);
    // `$TMPDIR` itself is the temp root; `$(mktemp -d)` is a fresh directory in it.
    if (rest === '' || rest === '/') return temp[0].startsWith('$T') || temp[0].startsWith('${') ? 'outside' : 'temp';
    return UNEXPANDED.test(rest) || PARENT_SEGMENT.test(rest) ? 'unknown' : 'temp';
  }
  if (UNEXPANDED.test(expanded)) return 'unknown';
  if (REMOTE.test(expanded)) return 'outside';
  const path = resolveCommandPath(expanded, base);
  // The project first: a project that lives in /tmp is still the project (`rm -rf .` there asks).
  const project = base.project ?? base.cwd;
  if (path === project) return 'project-root';
  if (project === '/' || path.startsWith(`${project}/`)) return 'inside';
  return inTemp(path, base.temp ?? TEMP_ROOTS) ? 'temp' : 'outside';
}
