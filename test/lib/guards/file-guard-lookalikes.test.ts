import { describe, expect, it } from 'vitest';
import { checkFileAccess, compileFileRules } from '../../../lib/guards/file-guard.ts';
import { BUILTIN_FILE_RULES } from '../../../lib/guards/file-guard-rules.ts';

const HOME = '/home/ada';
const CWD = '/home/ada/repo';
const rules = compileFileRules(BUILTIN_FILE_RULES, { home: HOME });
const check = (tool: string, path: string) => checkFileAccess({ tool, path, cwd: CWD, home: HOME, rules });

describe('file-guard has no opinion on look-alikes', () => {
  it.each([
    'src/app.ts',
    'src/env.ts',
    'environment.md',
    'docs/keys.md',
    'docs/dotenv.md',
    // The extension decides: a Markdown note about a key is not a key.
    'monkey.pem.md',
    'id_rsa.md',
    'src/lockfile.ts',
    'package.json',
    'package-lock.json.orig.md',
    '.github/workflows/ci.yml',
    '.gitignore',
    '.gitattributes',
    'src/my.git/notes.txt',
    'src/aws/credentials.ts',
    'src/credentials.ts',
    // A directory named .env is usually a Python virtualenv: only a file named .env is a dotenv file.
    '.env/lib/python3.12/site.py',
    // Code and notes about keys, named after them: the extension decides.
    'docs/id_ed25519.txt',
    'src/parse_rsa.py',
    'keys/deploy_rsa.pub',
    'id_rsa.pub.md',
    // Public halves and signatures: not protected.
    'KEYS.asc',
    'dist/app.tar.gz.asc',
    'k8s/secret-template.yml',
    'src/secrets.ts',
    '.aws-sdk/config.ts',
    'example.env',
    'app.env.example',
    'config/sample.env',
  ])('allows reading and writing %s', (path) => {
    expect(check('Read', path)).toBeUndefined();
    expect(check('Write', path)).toBeUndefined();
  });
});

describe('file-guard only judges file tools', () => {
  it.each(['Bash', 'Glob', 'Grep', 'WebFetch', 'mcp__fs__write_file'])(
    'has no opinion on %s, even for .env',
    (tool) => {
      expect(check(tool, '.env')).toBeUndefined();
    },
  );

  it('has no opinion when the path is empty', () => {
    expect(check('Write', '')).toBeUndefined();
  });
});
