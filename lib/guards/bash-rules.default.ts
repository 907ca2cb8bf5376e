/**
 * bash-guard's built-in rules: plain data in the same shape users write in `bash-guard.json`
 * (lib/guards/bash-rule-types.ts). Order matters only for which reason Claude reads when
 * several rules match (`sudo rm -rf /` is reported as rm-recursive-root, not as sudo), so the
 * broad privilege rule comes last.
 */
import type { BashRule } from './bash-rule-types.ts';
import {
  DELETION_ASK_RULES,
  DELETION_DENY_RULES,
  DOWNLOAD_RULES,
  GIT_ASK_RULES,
  GIT_VALUE_OPTIONS,
  HIDDEN_CODE_RULES,
} from './bash-rules.work-loss.ts';

/** Block devices: writing to one bypasses the file system. Not /dev/null, /dev/stdout, /dev/tty, /dev/fd/*. */
const DEVICES = [
  '/dev/sd*',
  '/dev/hd*',
  '/dev/vd*',
  '/dev/xvd*',
  '/dev/nvme*',
  '/dev/mmcblk*',
  '/dev/disk*',
  '/dev/disk/**',
  '/dev/rdisk*',
  '/dev/md*',
  '/dev/dm-*',
  '/dev/mapper/**',
  '/dev/loop*',
  '/dev/root',
  '/dev/mem',
  '/dev/kmem',
  '/dev/port',
];
const ETC = ['/etc', '/etc/**'];
/** Options of scp and rsync that take a value in the next word. */
const REMOTE_COPY_VALUE_OPTIONS = [
  'c',
  'F',
  'i',
  'J',
  'l',
  'o',
  'P',
  'S',
  'e',
  'rsh',
  'rsync-path',
  'exclude',
  'include',
  'filter',
  'f',
  'B',
  'T',
];
const RM_FLAGS = ['r', 'R', 'recursive', 'f', 'force'];
const FORCE = ['f', 'force', 'force-with-lease', 'force-if-includes'];
const MAIN = [
  'main',
  'master',
  'refs/heads/main',
  'refs/heads/master',
  '*:main',
  '*:master',
  '*:refs/heads/main',
  '*:refs/heads/master',
];
/** Programs that run the code they are given. */
const RUNNERS = [
  'sh',
  'bash',
  'rbash',
  'zsh',
  'dash',
  'ksh',
  'mksh',
  'ash',
  'yash',
  'fish',
  'csh',
  'tcsh',
  'python*',
  'pypy*',
  'node',
  'nodejs',
  'bun',
  'deno',
  'perl*',
  'ruby*',
  'php*',
  'eval',
  'source',
  '.',
];

/** The rules bash-guard applies unless the user's config switches one off by id. */
export const DEFAULT_BASH_RULES: readonly BashRule[] = [
  {
    id: 'fork-bomb',
    forkBomb: true,
    reason:
      'this defines a function that keeps starting copies of itself (a fork bomb) and would freeze the machine; do not run it, and ask the user if you need to test process limits',
  },
  {
    id: 'rm-recursive-root',
    command: ['rm'],
    anyFlag: RM_FLAGS,
    anyPathAbove: ['~', '..'],
    reason:
      'it would delete the filesystem root, the home directory or a parent of the working directory; delete the specific directory you mean instead, e.g. rm -rf ./dist',
  },
  {
    id: 'rm-top-level-dir',
    command: ['rm'],
    anyFlag: RM_FLAGS,
    anyPath: ['/*'],
    reason:
      'top-level directories such as /usr, /etc or /tmp hold files the whole system needs; delete only the files you created, e.g. rm -rf /tmp/my-build',
  },
  ...DELETION_DENY_RULES,
  {
    id: 'format-filesystem',
    command: ['mkfs', 'mkfs.*', 'mke2fs', 'mkdosfs', 'mkntfs', 'newfs', 'newfs_*', 'wipefs'],
    reason:
      'formatting or wiping a disk destroys everything on it; never do this from here, and ask the user to run it themselves if it is really wanted',
  },
  {
    id: 'device-write',
    anyOf: [
      { redirectTo: DEVICES },
      { command: ['dd'], anyArg: DEVICES.map((glob) => `of=${glob}`) },
      { command: ['tee', 'shred', 'truncate', 'blkdiscard', 'badblocks'], anyPath: DEVICES },
      { command: ['cp', 'mv', 'install', 'rsync'], lastPath: DEVICES },
    ],
    reason:
      'writing to a disk device bypasses the file system and destroys its data; write to a regular file such as ./disk.img instead, and leave real devices to the user',
  },
  {
    id: 'etc-write',
    anyOf: [
      { redirectTo: ETC },
      {
        command: [
          'tee',
          'mv',
          'rm',
          'rmdir',
          'unlink',
          'truncate',
          'shred',
          'touch',
          'mkdir',
          'chmod',
          'chown',
          'chgrp',
          'chattr',
          'setfacl',
        ],
        anyPath: ETC,
      },
      { command: ['cp', 'install', 'ln', 'rsync'], lastPath: ETC },
      { command: ['dd'], anyArg: ['of=/etc', 'of=/etc/*'] },
      {
        command: ['sed', 'gsed', 'perl'],
        valueOptions: ['e', 'f', 'expression', 'file'],
        anyFlag: ['i', 'in-place'],
        anyPath: ETC,
      },
      // `scp f host:/etc/x`, `rsync -a f host:/etc/`: the same write, on another machine.
      {
        command: ['scp', 'rsync'],
        valueOptions: REMOTE_COPY_VALUE_OPTIONS,
        lastArg: ['*:/etc', '*:/etc/*', '*:/etc/**'],
      },
    ],
    reason:
      '/etc holds system-wide configuration; do not change it from here: write the file inside the project and tell the user what to change in /etc',
  },
  {
    id: 'secret-file-read',
    readsSecret: true,
    reason:
      'it would show or send a file file-guard protects (dotenv, private keys, cloud, tool or agent credentials); ask the user for the values you need, or give the file by path to the tool that uses it (e.g. --env-file .env)',
  },
  {
    id: 'chmod-recursive-world-writable',
    command: ['chmod'],
    anyFlag: ['R', 'recursive'],
    anyArg: ['777', '?777', 'a+rwx', 'ugo+rwx', 'a=rwx', 'ugo=rwx', '+rwx', '=rwx', 'a+w', 'o+w', 'o+rwx'],
    reason:
      'making a whole tree world-writable is a security hole; grant only what is needed, e.g. chmod -R u+rwX,go+rX dir, or chmod +x on the one script that must run',
  },
  {
    id: 'pipe-download-to-shell',
    pipeFrom: ['curl', 'wget', 'fetch', 'http', 'https', 'xh', 'xhs'],
    pipeTo: RUNNERS,
    reason:
      'it runs downloaded code nobody has read; save it to a file (curl -fsSLo install.sh URL), show it to the user, and run it only once they approve',
  },
  ...DOWNLOAD_RULES,
  {
    id: 'pipe-decoded-to-shell',
    pipeFrom: ['base64', 'base32', 'basenc', 'xxd', 'uudecode', 'openssl', 'rev'],
    pipeTo: RUNNERS,
    reason:
      'running decoded data as code hides what runs; decode it to a file, show it to the user, and run it only once they approve',
  },
  {
    id: 'git-force-push-main',
    command: ['git'],
    valueOptions: GIT_VALUE_OPTIONS,
    subcommand: ['push'],
    anyOf: [{ anyFlag: FORCE, anyArg: MAIN }, { anyArg: MAIN.map((ref) => `+${ref}`) }],
    reason:
      'force-pushing main or master rewrites history everyone shares; push a feature branch (git push -u origin my-branch) and open a pull request, or ask the user',
  },
  {
    id: 'git-force-push-unnamed',
    command: ['git'],
    valueOptions: GIT_VALUE_OPTIONS,
    subcommand: ['push'],
    anyFlag: FORCE,
    anyOf: [{ maxOperands: 2 }, { anyArg: ['HEAD', '@', '+HEAD', '+@', '$*', '+$*'] }],
    reason:
      'a force push that names no branch, or names it through a variable, may rewrite main; name a non-main branch literally, e.g. git push --force-with-lease origin my-branch',
  },
  {
    id: 'git-delete-main',
    command: ['git'],
    valueOptions: GIT_VALUE_OPTIONS,
    subcommand: ['push'],
    anyOf: [
      { anyArg: [':main', ':master', ':refs/heads/main', ':refs/heads/master'] },
      { anyFlag: ['d', 'delete'], anyArg: MAIN },
    ],
    reason: "deleting main or master on the remote breaks everyone's checkout; delete only your own feature branches",
  },
  {
    id: 'git-push-mirror',
    command: ['git'],
    valueOptions: GIT_VALUE_OPTIONS,
    subcommand: ['push'],
    anyFlag: ['mirror'],
    reason: 'git push --mirror overwrites and deletes every ref on the remote; push the branches you mean by name',
  },
  ...GIT_ASK_RULES,
  ...DELETION_ASK_RULES,
  ...HIDDEN_CODE_RULES,
  {
    id: 'privilege-escalation',
    command: ['sudo', 'sudoedit', 'doas', 'pkexec', 'su', 'run0'],
    reason:
      'commands run as root can damage the whole system, and they wait for a password nobody can type here; run it without sudo, or ask the user to run it themselves',
  },
];
