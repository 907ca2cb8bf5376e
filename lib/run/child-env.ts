/**
 * The environment for a child: `process.env` with `env` laid over it (or `env` alone when
 * `extendEnv` is false); a variable set to `undefined` is removed. Undefined when there is
 * nothing to change, so node passes `process.env` through without a copy.
 */
export function childEnv(
  env: Record<string, string | undefined> | undefined,
  extendEnv = true,
): Record<string, string> | undefined {
  if (env === undefined && extendEnv) return undefined;
  const result: Record<string, string | undefined> = extendEnv ? { ...process.env } : {};
  for (const [key, value] of Object.entries(env ?? {})) {
    if (value === undefined) delete result[key];
    else result[key] = value;
  }
  return result as Record<string, string>;
}
