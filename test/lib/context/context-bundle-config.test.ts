import { describe, expect, it } from 'vitest';
import type { ConfigLayer } from '../../../lib/config.ts';
import { bundleMaxBytes, DEFAULT_BUNDLE_MAX_BYTES } from '../../../lib/context/context-bundle-config.ts';

const layer = (data: Record<string, unknown>, scope: ConfigLayer['scope'] = 'user'): ConfigLayer => ({
  scope,
  path: `/cfg/${scope}/context-bundle.json`,
  data,
});

describe('bundleMaxBytes', () => {
  it('defaults to 1 MiB, and the last layer that sets it wins', () => {
    expect(bundleMaxBytes([])).toBe(DEFAULT_BUNDLE_MAX_BYTES);
    expect(bundleMaxBytes([layer({ maxBytes: 8192 }), layer({ maxBytes: 65536 }, 'project')])).toBe(65536);
  });

  it.each([
    [{ maxBytes: 100 }, '`maxBytes` must be a whole number of bytes from 4096 to 1073741824, got 100'],
    [{ maxBytes: '1MB' }, '`maxBytes` must be a whole number of bytes from 4096 to 1073741824, got "1MB"'],
    [{ maxbytes: 8192 }, 'unknown key `maxbytes`; the only key is `maxBytes`'],
  ])('rejects %j with E_CONFIG naming the file', (data, problem) => {
    expect(() => bundleMaxBytes([layer(data)])).toThrow(
      expect.objectContaining({
        code: 'E_CONFIG',
        message: `/cfg/user/context-bundle.json: ${problem}; fix or remove it`,
      }),
    );
  });
});
