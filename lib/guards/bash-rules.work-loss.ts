/**
 * bash-guard's rules for commands that lose work: deleting trees (of the system, of what lies
 * outside the project, of the project itself), destructive git, code hidden in settings or in
 * variables. Plain data like bash-rules.default.ts, which splices these lists in. Most are `ask`:
 * they are often what the user wants, and the user should confirm; those that are never right
 * for an agent (a target that could be `/`) are `deny`. Each reason says what would be lost.
 */
import type { BashMatcher, BashRule } from './bash-rule-types.ts';

const RECURSIVE = ['r', 'R', 'recursive'];
/** Commands that delete a whole tree: `rm -r`, `find … -delete`, `rimraf`. */
const DELETES_TREE: BashMatcher[] = [
  { command: ['rm'], anyFlag: RECURSIVE },
  { command: ['find'], anyWord: ['-delete'] },
  { command: ['rimraf'] },
];
/** Every deleting command, a single file included. */
const DELETES: BashMatcher[] = [...DELETES_TREE, { command: ['rm', 'unlink'] }];
// Each rule names its commands at the top as well, so that any other command is turned away by
// its name before its operands are scanned and classified (the rules are tried on every command).
const TREE_COMMANDS = ['rm', 'find', 'rimraf'];
const RSYNC_VALUE_OPTIONS = [
  'e',
  'rsh',
  'rsync-path',
  'exclude',
  'include',
  'filter',
  'f',
  'B',
  'T',
  'temp-dir',
  'backup-dir',
  'suffix',
  'files-from',
  'exclude-from',
  'include-from',
  'log-file',
  'password-file',
  'port',
  'chmod',
  'chown',
];
const RSYNC_DELETE = ['--del', '--delete', '--delete-*'];
/** Options of git and of git push that take a value in the next word. */
export const GIT_VALUE_OPTIONS = [
  'C',
  'c',
  'git-dir',
  'work-tree',
  'namespace',
  'config-env',
  'o',
  'push-option',
  'repo',
  'receive-pack',
  'exec',
];
const git = (rule: Omit<BashRule, 'command' | 'valueOptions'>): BashRule => ({
  command: ['git'],
  valueOptions: GIT_VALUE_OPTIONS,
  ...rule,
});

/** Deletions that are never right for an agent: placed right after rm-recursive-root and rm-top-level-dir. */
export const DELETION_DENY_RULES: readonly BashRule[] = [
  {
    id: 'delete-tree-root',
    severity: 'deny',
    command: ['find', 'rimraf', 'rsync'],
    anyOf: [
      { command: ['find'], anyWord: ['-delete'], anyOf: [{ anyPathAbove: ['~', '..'] }, { anyPath: ['/*'] }] },
      { command: ['rimraf'], anyOf: [{ anyPathAbove: ['~', '..'] }, { anyPath: ['/*'] }] },
      { command: ['rsync'], valueOptions: RSYNC_VALUE_OPTIONS, anyWord: RSYNC_DELETE, anyPathAbove: ['~', '..'] },
    ],
    reason:
      'it would delete the filesystem root, the home directory or a parent of the working directory; delete the specific directory you mean instead, e.g. rm -rf ./dist',
  },
  {
    id: 'delete-tree-unknown',
    severity: 'deny',
    command: TREE_COMMANDS,
    anyOf: DELETES_TREE,
    anyTarget: ['unknown'],
    reason:
      'it deletes a whole tree named by a variable or substitution bash-guard cannot evaluate ($1, $OLDPWD, ${PWD%/*}, $(…), a loop variable, xargs input), which could be / or your home; write the path literally, e.g. rm -rf ./build',
  },
];

/** Deletions the user should confirm. */
export const DELETION_ASK_RULES: readonly BashRule[] = [
  {
    id: 'delete-outside-project',
    severity: 'ask',
    command: [...TREE_COMMANDS, 'unlink'],
    anyOf: DELETES,
    anyTarget: ['outside'],
    reason:
      'it deletes files outside the project directory (temp directories excepted), which are not under its version control and cannot be restored from it; the user should confirm',
  },
  {
    id: 'delete-project-root',
    severity: 'ask',
    command: TREE_COMMANDS,
    anyOf: DELETES_TREE,
    anyTarget: ['project-root'],
    reason:
      'it deletes the whole project directory or everything in it (find -delete in it included), uncommitted and untracked work with it; delete the subdirectory you mean (rm -rf ./build), or the user should confirm',
  },
  {
    id: 'rsync-delete',
    severity: 'ask',
    command: ['rsync'],
    valueOptions: RSYNC_VALUE_OPTIONS,
    anyOf: [
      { anyWord: RSYNC_DELETE, lastTarget: ['project-root', 'outside', 'unknown'] },
      { anyWord: ['--remove-source-files', '--remove-sent-files'], anyTarget: ['project-root', 'outside', 'unknown'] },
    ],
    reason:
      'rsync --delete removes every file in the destination that the source lacks (--remove-source-files removes the sources), outside the project or the project root itself; the user should confirm',
  },
  {
    id: 'shred-files',
    severity: 'ask',
    command: ['shred', 'srm', 'wipe'],
    reason:
      'shred overwrites files so that nothing can recover them; the user should confirm, or use rm for files you created',
  },
  {
    id: 'truncate-outside-project',
    severity: 'ask',
    command: ['truncate', 'cp', 'dd', 'tee'],
    anyOf: [
      { command: ['truncate'], anyTarget: ['outside', 'unknown'] },
      { command: ['tee'], noFlag: ['a', 'append'], anyTarget: ['outside'] },
      { command: ['cp', 'dd'], anyArg: ['/dev/null'], lastTarget: ['outside'] },
    ],
    reason:
      'it empties a file outside the project directory, whose content cannot be restored from the project; the user should confirm',
  },
  {
    id: 'overwrite-outside-project',
    severity: 'ask',
    redirectTarget: ['outside'],
    reason:
      'its > redirection empties and overwrites a file outside the project directory (temp directories excepted), whose content cannot be restored from the project; use >> to append, write inside the project, or the user should confirm',
  },
];

/** Git commands that discard work or history. All `ask`: each is a normal command for a person who means it. */
export const GIT_ASK_RULES: readonly BashRule[] = [
  git({
    id: 'git-reset-hard',
    severity: 'ask',
    subcommand: ['reset'],
    anyFlag: ['hard', 'merge'],
    reason:
      'git reset --hard (or --merge) throws away uncommitted changes in tracked files for good; use git stash, or git reset --soft / --mixed, or the user should confirm',
  }),
  git({
    id: 'git-discard-worktree',
    severity: 'ask',
    anyOf: [
      {
        subcommand: ['checkout'],
        anyOf: [
          { anyWord: ['--'] },
          { anyFlag: ['f', 'force'] },
          { anyArg: ['.', './', '\\*', './\\*', ':/', ':/\\*'] },
        ],
      },
      { subcommand: ['switch'], anyFlag: ['discard-changes', 'f', 'force'] },
      { subcommand: ['restore'], anyOf: [{ noFlag: ['S', 'staged', 'h', 'help'] }, { anyFlag: ['W', 'worktree'] }] },
    ],
    reason:
      'it overwrites uncommitted changes in the working tree with a committed version (git checkout -- / checkout . / -f, git restore, git switch --discard-changes), and they cannot be recovered; git stash first, or the user should confirm',
  }),
  git({
    id: 'git-clean-force',
    severity: 'ask',
    subcommand: ['clean'],
    anyFlag: ['f', 'force'],
    noFlag: ['n', 'dry-run'],
    reason:
      'git clean -f deletes untracked files, which git cannot restore; run git clean -n to list them first, or the user should confirm',
  }),
  git({
    id: 'git-stash-drop',
    severity: 'ask',
    subcommand: ['stash drop', 'stash clear'],
    reason: 'git stash drop/clear deletes stashed changes; the user should confirm',
  }),
  git({
    id: 'git-branch-force-delete',
    severity: 'ask',
    subcommand: ['branch'],
    anyOf: [{ anyFlag: ['D'] }, { anyFlag: ['d', 'delete'], anyOf: [{ anyFlag: ['f', 'force'] }] }],
    reason:
      'git branch -D deletes a branch even if its commits are merged nowhere; use git branch -d (which refuses unmerged work), or the user should confirm',
  }),
  git({
    id: 'git-worktree-remove-force',
    severity: 'ask',
    subcommand: ['worktree remove'],
    anyFlag: ['f', 'force'],
    reason: 'git worktree remove --force deletes a worktree with its uncommitted changes; the user should confirm',
  }),
  git({
    id: 'git-push-force',
    severity: 'ask',
    subcommand: ['push'],
    anyOf: [{ anyFlag: ['f', 'force'] }, { anyArg: ['+?*'] }],
    reason:
      'a force push (--force, -f, +refspec) overwrites the remote branch and drops commits others may have pushed; use --force-with-lease on your own branch, or the user should confirm',
  }),
  git({
    id: 'git-push-delete',
    severity: 'ask',
    subcommand: ['push'],
    anyOf: [{ anyFlag: ['d', 'delete'] }, { anyArg: [':?*'] }],
    reason: 'it deletes a branch or tag on the remote for everyone; the user should confirm',
  }),
  git({
    id: 'git-rewrite-history',
    severity: 'ask',
    subcommand: ['filter-branch', 'filter-repo'],
    reason: 'it rewrites every commit of the history it touches; the user should confirm',
  }),
  git({
    id: 'git-drop-unreachable',
    severity: 'ask',
    anyOf: [
      {
        subcommand: ['reflog expire'],
        anyWord: [
          '--expire=now',
          '--expire=all',
          '--expire=0',
          '--expire-unreachable=now',
          '--expire-unreachable=all',
          '--expire-unreachable=0',
        ],
      },
      { subcommand: ['reflog delete'] },
      { subcommand: ['gc'], anyWord: ['--prune=now', '--prune=all'] },
      { subcommand: ['prune'] },
    ],
    reason:
      'it removes the reflog or the unreachable objects, the last way to get back commits lost by a reset, rebase or branch -D; the user should confirm',
  }),
  git({
    id: 'git-update-ref-delete',
    severity: 'ask',
    subcommand: ['update-ref'],
    anyFlag: ['d'],
    reason: 'git update-ref -d deletes a ref without any of the checks git branch -d makes; the user should confirm',
  }),
];

/** Downloaded code run from a file: placed next to pipe-download-to-shell, which it mirrors. */
export const DOWNLOAD_RULES: readonly BashRule[] = [
  {
    id: 'run-downloaded-file',
    severity: 'deny',
    runsDownload: true,
    reason:
      'it runs a file downloaded in the same command, code nobody has read; download it alone, show it to the user, and run it only once they approve',
  },
];

/** Code bash-guard cannot see. */
export const HIDDEN_CODE_RULES: readonly BashRule[] = [
  {
    id: 'code-in-setting',
    severity: 'ask',
    codeSetting: true,
    reason:
      'this git option or environment variable is run as a command (core.sshCommand, core.pager, alias !…, GIT_SSH_COMMAND, GIT_EXTERNAL_DIFF, BASH_ENV …); run what it runs directly, or the user should confirm',
  },
  {
    id: 'hidden-code',
    severity: 'ask',
    hiddenCode: true,
    reason:
      'what it runs is not written out (a command name from a variable or $(…), eval or source of a variable or substitution, a shell running a script from a variable or a pipe), so bash-guard cannot check it; write the command out, or the user should confirm',
  },
];
