/**
 * Loads a Node built-in only when a code path needs it, so hooks that never take that path
 * don't pay for it at startup. `process.getBuiltinModule` (Node >= 20.16) works from both the
 * CommonJS bundles and the ESM test runner; `require` is the fallback for older Node 20.
 */
export function builtin<T>(id: string): T {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (get ? get(id) : require(id)) as T;
}
