/**
 * bash-guard's rule language. A rule is plain JSON: an `id`, a `reason` (what Claude should do
 * instead), and conditions on one simple command of the parsed command line (lib/shell), all of
 * which must hold. Conditions look at the command that really runs — after `sudo`, `env`,
 * `xargs`, `timeout` … are stripped and `bash -c` / `eval` / `$(…)` bodies are parsed — so a
 * rule written for `rm` also catches `sudo /bin/rm`, `env rm` and `bash -c 'rm …'`.
 *
 *   { "id": "no-terraform-destroy", "command": ["terraform"], "subcommand": ["destroy"],
 *     "reason": "run terraform plan and ask the user to apply" }
 *
 * Text globs (`command`, `subcommand`, `anyArg`, `pipeFrom`, `pipeTo`): `*` any characters,
 * `?` one, `{a,b}` alternatives, `\x` a literal x. Command names are matched case-insensitively
 * against the basename (`/usr/bin/rm` is `rm`). Path globs (`anyPath`, `lastPath`,
 * `redirectTo`) follow lib/glob.ts and are matched against the operand resolved like the shell
 * would: `~`, `$HOME`, `${HOME}` expanded, relative to the working directory (which follows
 * `cd`), `.`/`..` folded, and a trailing `*` segment dropped (`/*` reaches everything in `/`).
 */

/** What an operand names, for `anyTarget` (lib/guards/bash-path-targets.ts). */
export type BashTarget = 'project-root' | 'outside' | 'unknown';

/** Conditions on one simple command. Every key present must hold. */
export interface BashMatcher {
  /** The program that runs, as name globs (`rm`, `mkfs.*`). A name that is a variable or substitution (`$RM`) matches any list when the matcher also tests arguments: it cannot be proven safe. */
  command?: string[];
  /** Text globs for the first operand (`push` in `git push`); words after a space test the operands that follow (`stash {drop,clear}`). */
  subcommand?: string[];
  /** Options that take a value in the next word, so that word is not an operand (`C` for `git -C dir`). */
  valueOptions?: string[];
  /** At least one of these options is given: `r` (also inside `-rf`), `recursive` (`--recursive`, or an abbreviation such as `--recur`). */
  anyFlag?: string[];
  /** None of these options is given (same spelling as `anyFlag`): `git clean -f` without `-n`. */
  noFlag?: string[];
  /** Some operand matches a text glob (`main`, `*:main`, `*777`). */
  anyArg?: string[];
  /** Some argument word as written, option or operand, matches a text glob (`--` in `git checkout -- f`, `--expire=now`). */
  anyWord?: string[];
  /** Some `NAME=value` the command runs with matches a text glob: assignments before it, or given to `env`/`export` (`GIT_SSH_COMMAND=*`). */
  anyAssignment?: string[];
  /**
   * Some operand, as a path, is of one of these kinds. `project-root`: the directory the command
   * was started in (the payload's cwd, whatever `cd` did since); `outside`: neither in that
   * directory's subtree nor strictly inside a temp directory (/tmp, /var/tmp, $TMPDIR);
   * `unknown`: it holds a variable or substitution whose value is not known here (`"$1"`,
   * `$(dirname "$PWD")`, `${PWD%/*}`), so it could name anything.
   */
  anyTarget?: BashTarget[];
  /** The last operand (the destination of `rsync`) is of one of these kinds (see `anyTarget`). */
  lastTarget?: BashTarget[];
  /** An output redirection that empties its file first (`>`, `>|`, `&>`; not `>>`) writes to a target of one of these kinds (see `anyTarget`; /dev/* is never one). */
  redirectTarget?: BashTarget[];
  /**
   * The command sets a git setting or environment variable whose value is run as a command
   * (`-c core.sshCommand=…`, `-c alias.x='!…'`, `git config core.pager …`, `GIT_SSH_COMMAND=…`,
   * `BASH_ENV=…`) to anything but a plain pager, editor or ssh (`core.pager=cat`, `GIT_EDITOR=true`).
   */
  codeSetting?: boolean;
  /**
   * It runs code bash-guard cannot read: a command name that is a variable or substitution with
   * no known value (`$c`, `$(…)`), `eval`/`source` of a variable or substitution, a shell running
   * a script named by a variable (`bash "$F"`) or read from a pipe (`cat x.sh | bash`).
   */
  hiddenCode?: boolean;
  /** It runs, as a program, a file a download command of the same line wrote (`curl -o f URL && sh f`). */
  runsDownload?: boolean;
  /** The last operand, as written, matches a text glob (`*:/etc/*` for the destination of `scp`). */
  lastArg?: string[];
  /** Some operand, as a resolved path, matches a path glob (`/etc/**`). */
  anyPath?: string[];
  /** The last operand (the destination of `cp`, `install`, `ln`) matches a path glob. */
  lastPath?: string[];
  /** Some operand resolves to one of these directories or to an ancestor of one: `["~", ".."]` covers `/`, `/home`, `~`, `..`, `../..`. */
  anyPathAbove?: string[];
  /** The command has at most this many operands. */
  maxOperands?: number;
  /** An output redirection (`>`, `>>`, `&>`, `>|`, `<>`) writes to a path glob. */
  redirectTo?: string[];
  /** With `pipeTo`: output of a `pipeFrom` command reaches a `pipeTo` command that runs it as code (`curl … | sh`, `sh <(curl …)`, `bash -c "$(curl …)"`). */
  pipeFrom?: string[];
  /** With `pipeFrom`: the programs that would run it, through a pipe when they read their program from stdin (`python -m json.tool` does not) or through a substitution where the program goes (`-c`, `-e`, a script operand, `eval`'s arguments). */
  pipeTo?: string[];
  /**
   * The command reads a file file-guard protects (`.env`, keys, credentials) and shows or sends it
   * on: `cat .env`, `base64 id_rsa`, `cp ~/.aws/credentials …`, `curl -d @.env`, `… < .env`
   * (lib/guards/bash-secret-reads.ts lists which commands and operands).
   */
  readsSecret?: boolean;
  /** A function that calls itself in a pipeline or in the background (a fork bomb). */
  forkBomb?: boolean;
  /** At least one of these matchers holds as well. They inherit `valueOptions`. */
  anyOf?: BashMatcher[];
}

/** `deny`: never right for an agent, blocked. `ask`: often intended, the user confirms (PreToolUse `ask`). */
export type BashSeverity = 'deny' | 'ask';

/** One rule. */
export interface BashRule extends BashMatcher {
  /** Stable name, shown to Claude and listed in `allow` to switch the rule off. */
  id: string;
  /** What would be lost and what to do instead; shown after the offending snippet and the rule id. */
  reason: string;
  /** Default `deny`. When several rules match, a `deny` wins over an `ask`. */
  severity?: BashSeverity;
}

/** The shape of `bash-guard.json` (user: `~/.config/hookpack/`, project: `.claude/hookpack/`). */
export interface BashGuardConfigFile {
  /** Rules added to the built-ins (any layer). */
  deny?: BashRule[];
  /** Rule ids switched off (user layer only). */
  allow?: string[];
  /** Regexes; a command matching one in full is not checked at all (user layer only). */
  allowCommands?: string[];
  /** Rule id → severity. The user layer sets any; a project layer may only turn `ask` into `deny`. */
  severity?: Record<string, BashSeverity>;
}
