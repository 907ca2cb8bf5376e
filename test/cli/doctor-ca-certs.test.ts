// NODE_EXTRA_CA_CERTS costs Node 20 (only) 3x at startup: doctor flags Node hooks that inherit it.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnose, doctorContext } from '../../cli/doctor/diagnose.ts';
import { readLayer } from '../../cli/layers.ts';
import { cleanEnv, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('doctor-ca');
afterAll(cleanup);
const hook = writeFile(join(dir, 'hook.cjs'), 'process.exit(0)\n');
const settings = (command: string) =>
  writeFile(
    join(dir, 'settings.json'),
    JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command, timeout: 5 }] }] } }),
  );
const codes = (
  command: string,
  version: string,
  extra: NodeJS.ProcessEnv = { NODE_EXTRA_CA_CERTS: '/etc/proxy.pem' },
) => {
  const io = { env: cleanEnv(dir, extra), cwd: dir };
  return diagnose(doctorContext(io, [readLayer('settings', settings(command))], version)).map((f) => f.code);
};

describe('the NODE_EXTRA_CA_CERTS check', () => {
  it('flags a Node hook on Node 20', () => {
    expect(codes(`node ${hook}`, 'v20.20.2')).toEqual(['node-extra-ca-certs']);
  });

  it('is quiet on Node 22, which loads the certificates lazily', () => {
    expect(codes(`node ${hook}`, 'v22.12.0')).toEqual([]);
  });

  it.each([
    `env -u NODE_EXTRA_CA_CERTS node ${hook}`,
    `env --unset=NODE_EXTRA_CA_CERTS node ${hook}`,
    `NODE_EXTRA_CA_CERTS= node ${hook}`,
    `env -i PATH=/usr/bin node ${hook}`,
  ])('is quiet when the command already drops it: %s', (command) => {
    expect(codes(command, 'v20.20.2')).toEqual([]);
  });

  it('ignores hooks in other languages and an unset variable', () => {
    expect(codes(`sh ${hook}`, 'v20.20.2')).toEqual([]);
    expect(codes(`node ${hook}`, 'v20.20.2', {})).toEqual([]);
  });
});
