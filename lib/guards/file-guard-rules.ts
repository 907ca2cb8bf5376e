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
  // Secrets: neither read nor written. Renamed copies (`id_rsa.bak`, `config.bak`) hold the same
  // secret, and a directory of secrets (`~/.ssh`, `~/.aws`) is protected along with what is in it:
  // `.ssh/**` alone does not match `.ssh`, which `tar`, `cp -r` or a listing tool would read whole.
  {
    id: 'env-files',
    // Not `*.env`: `fix\\.env` (a file name with a backslash) and `prod.env` notes would be caught,
    // and names like `docker/app.env` are as often defaults as secrets.
    globs: ['.env', '.env.*', '.envrc', '.aider/oauth-keys.env'],
    // Templates are committed on purpose and hold no values; `.env.local.example` is one too.
    except: ['.env{,.*}.{example,sample,template,dist}'],
    access: 'readwrite',
    reason:
      'dotenv files hold secrets; ask the user for the variable names or values you need, and put placeholders in .env.example instead',
  },
  {
    id: 'ssh-private-keys',
    // Default key names with any suffix (`id_rsa.bak`, `id_ed25519_work`, `id_rsa~`), and keys
    // named after what they are for (`deploy_key_rsa`, `github_ed25519`).
    globs: [
      'id_{rsa,dsa,ecdsa,ed25519,ecdsa_sk,ed25519_sk,xmss}{,.*,_*,-*,~}',
      '*{_,-}{rsa,dsa,ecdsa,ed25519}{,.bak,.old,.orig,.backup,.save,.copy,~}',
    ],
    // Notes and code named after a key are not the key (`id_rsa.md`, `parse_rsa.py`).
    except: ['*.{pub,md,markdown,txt,rst,adoc,html,py,js,ts,go,rb,rs,java,c,h,sh}'],
    access: 'readwrite',
    reason:
      'private SSH keys must stay private; use the matching .pub file for the public key, and ask the user for anything else',
  },
  {
    id: 'key-files',
    // Key stores too: Java (.jks, .keystore), KeePass (.kdbx), PuTTY (.ppk), Apple/PKCS#8 (.p8).
    // Not `.asc`: armored public keys and signatures are far more common than exported secret keys.
    globs: [
      '*.{pem,key,p12,pfx,p8,pkcs12,ppk,jks,keystore,bks,kdbx,kdb,keychain,keychain-db}',
      '*.{pem,key,p12,pfx}.{bak,old,orig,backup,save}',
    ],
    access: 'readwrite',
    reason:
      'key and certificate bundles may hold private keys; ask the user to handle key material, and refer to the file by its path instead of opening it',
  },
  {
    id: 'ssh-dir',
    globs: ['.ssh', '.ssh/**'],
    except: ['.ssh/*.pub', '.ssh/known_hosts'],
    access: 'readwrite',
    reason:
      '~/.ssh holds keys and host settings; only *.pub and known_hosts may be opened; ask the user to make SSH changes',
  },
  {
    id: 'gnupg-dir',
    globs: ['.gnupg', '.gnupg/**', '.password-store', '.password-store/**'],
    access: 'readwrite',
    reason:
      '~/.gnupg and ~/.password-store hold private keys and stored passwords; use gpg --list-keys or pass ls for what you need, and ask the user for the rest',
  },
  {
    id: 'cloud-credentials',
    // Matched at any depth, not only under ~: a second home (root's, a mounted one) holds the same secrets.
    // The whole of ~/.aws: its sso/ and cli/ caches hold live session tokens too.
    globs: [
      '.aws',
      '.aws/**',
      '.config/gcloud',
      '.config/gcloud/**',
      'AppData/Roaming/gcloud',
      'AppData/Roaming/gcloud/**',
      '.azure',
      '.azure/**',
      '.kube',
      '.kube/config*',
      '.docker/config.json*',
      '.oci/config',
      '.config/doctl/config.yaml',
      '.databrickscfg',
      '.s3cfg',
      '.boto',
      '.config/rclone/rclone.conf',
      '.terraform.d/credentials.tfrc.json',
      '.vault-token',
    ],
    access: 'readwrite',
    reason:
      'cloud CLI credential files hold live tokens; use the CLI to inspect settings (aws configure list, gcloud config list, kubectl config view) and ask the user to change them',
  },
  {
    id: 'agent-credentials',
    // Coding agents' own logins: with one of these another program acts as the user's account.
    globs: [
      '.claude/.credentials.json',
      '~/.claude.json',
      '.codex/auth.json',
      '.gemini/oauth_creds.json',
      '.gemini/mcp-oauth-tokens.json',
      '.qwen/oauth_creds.json',
      '.config/github-copilot/hosts.json',
      '.config/github-copilot/apps.json',
      '.local/share/opencode/auth.json',
      '.local/share/amp/secrets.json',
      '.factory/auth.json',
      '.config/cursor/auth.json',
      '~/.aider.conf.yml',
      '~/.continue/config.json',
    ],
    access: 'readwrite',
    reason:
      "this file holds a coding agent's login token; never read or copy it; ask the user to sign in or configure the tool themselves",
  },
  {
    id: 'credential-files',
    globs: [
      '.netrc',
      '_netrc',
      '.npmrc',
      '.pypirc',
      'credentials.json',
      'service-account*.json',
      '.git-credentials',
      '.pgpass',
      '.my.cnf',
      '.htpasswd',
      'secrets.{yml,yaml,json,toml}',
      '.config/gh/hosts.yml',
      '.config/hub',
      '.config/glab-cli/config.yml',
      '.cargo/credentials',
      '.cargo/credentials.toml',
      '.gem/credentials',
      '.composer/auth.json',
      '.config/composer/auth.json',
      '.m2/settings-security.xml',
      '~/.gradle/gradle.properties',
    ],
    access: 'readwrite',
    reason:
      'this file may hold login or registry tokens; ask the user to make the change, and reference the file by path instead of reading it',
  },
  // Generated files: read freely, never edited by hand.
  {
    id: 'git-internals',
    // `.git` alone is the gitdir pointer file of worktrees and submodules.
    globs: ['.git', '.git/**'],
    access: 'write',
    reason:
      "files under .git are git's own state; use git commands (git config, git commit, git checkout, git update-ref …) instead of editing them",
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
