/**
 * file-guard's built-in rules: plain data, in the same shape users write in
 * `file-guard.json` (`protect: [rule…]`). Globs follow lib/glob.ts. A reason is shown to
 * Claude after the file's name and the rule id ("file-guard blocked writing .env (rule
 * "env-files"): <reason>"), so it says why in a few words, then what to do instead.
 */

/** Which tool calls a rule blocks: only writes (generated files) or reads too (secrets). */
export type FileAccess = 'write' | 'readwrite';

/** One protection: paths matching any of `globs` and none of `except`. */
export interface FileRule {
  /** Stable name, shown to Claude and used in `allow` to switch the rule off. */
  id: string;
  globs: readonly string[];
  except?: readonly string[];
  access: FileAccess;
  /** What Claude should do instead. */
  reason: string;
}

const lockRule = (id: string, globs: string[], manifest: string, command: string): FileRule => ({
  id,
  globs,
  access: 'write',
  reason: `lock files are generated; change ${manifest} and run \`${command}\` instead of editing the lock file`,
});

/** The rules file-guard always applies, unless the user's own config relaxes one by id. */
export const BUILTIN_FILE_RULES: readonly FileRule[] = [
  // Secrets: neither read nor written.
  {
    id: 'env-files',
    globs: ['.env', '.env.*'],
    // Templates are committed on purpose and hold no values; `.env.local.example` is one too.
    except: ['.env{,.*}.{example,sample,template,dist}'],
    access: 'readwrite',
    reason: 'dotenv files hold secrets; ask the user for the variable names or values you need, and put placeholders in .env.example instead',
  },
  {
    id: 'ssh-private-keys',
    globs: ['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk'],
    access: 'readwrite',
    reason: 'private SSH keys must stay private; use the matching .pub file for the public key, and ask the user for anything else',
  },
  {
    id: 'key-files',
    globs: ['*.pem', '*.key', '*.p12', '*.pfx'],
    access: 'readwrite',
    reason: 'key and certificate bundles may hold private keys; ask the user to handle key material, and refer to the file by its path instead of opening it',
  },
  {
    id: 'ssh-dir',
    globs: ['.ssh/**'],
    except: ['.ssh/*.pub', '.ssh/known_hosts'],
    access: 'readwrite',
    reason: '~/.ssh holds keys and host settings; only *.pub and known_hosts may be opened; ask the user to make SSH changes',
  },
  {
    id: 'cloud-credentials',
    // Matched at any depth, not only under ~: a second home (root's, a mounted one) holds the same secrets.
    globs: [
      '.aws/credentials',
      '.aws/config',
      '.config/gcloud/**',
      'AppData/Roaming/gcloud/**',
      '.azure/**',
      '.kube/config',
      '.docker/config.json',
    ],
    access: 'readwrite',
    reason:
      'cloud CLI credential files hold live tokens; use the CLI to inspect settings (aws configure list, gcloud config list, kubectl config view) and ask the user to change them',
  },
  {
    id: 'credential-files',
    globs: ['.netrc', '_netrc', '.npmrc', '.pypirc', 'credentials.json', 'service-account*.json'],
    access: 'readwrite',
    reason: 'this file may hold login or registry tokens; ask the user to make the change, and reference the file by path instead of reading it',
  },
  // Generated files: read freely, never edited by hand.
  {
    id: 'git-internals',
    // `.git` alone is the gitdir pointer file of worktrees and submodules.
    globs: ['.git', '.git/**'],
    access: 'write',
    reason: "files under .git are git's own state; use git commands (git config, git commit, git checkout, git update-ref …) instead of editing them",
  },
  lockRule('npm-lock', ['package-lock.json', 'npm-shrinkwrap.json'], 'package.json', 'npm install'),
  lockRule('yarn-lock', ['yarn.lock'], 'package.json', 'yarn install'),
  lockRule('pnpm-lock', ['pnpm-lock.yaml'], 'package.json', 'pnpm install'),
  lockRule('bun-lock', ['bun.lockb', 'bun.lock'], 'package.json', 'bun install'),
  lockRule('cargo-lock', ['Cargo.lock'], 'Cargo.toml', 'cargo update'),
  lockRule('poetry-lock', ['poetry.lock'], 'pyproject.toml', 'poetry lock'),
  lockRule('pipenv-lock', ['Pipfile.lock'], 'Pipfile', 'pipenv lock'),
  lockRule('uv-lock', ['uv.lock'], 'pyproject.toml', 'uv lock'),
  lockRule('composer-lock', ['composer.lock'], 'composer.json', 'composer update'),
  lockRule('gemfile-lock', ['Gemfile.lock'], 'Gemfile', 'bundle install'),
  lockRule('go-sum', ['go.sum'], 'go.mod', 'go mod tidy'),
  lockRule('flake-lock', ['flake.lock'], 'flake.nix', 'nix flake update'),
];
