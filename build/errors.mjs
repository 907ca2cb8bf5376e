// @ts-check
/** A build failure the person building can fix: printed as one message, never as a stack trace. */
export class BuildError extends Error {
  /** @param {string} message @param {{ cause?: unknown }} [options] */
  constructor(message, options) {
    super(message, options);
    this.name = 'BuildError';
  }
}

/**
 * esbuild's error list as `file:line:column: text` lines, paths relative to `cwd`.
 * @param {any} error
 * @param {(file: string) => string} shortPath
 */
export function formatEsbuildErrors(error, shortPath) {
  const messages = error?.errors ?? [];
  if (!messages.length) return String(error?.message ?? error);
  return messages
    .map((/** @type {any} */ m) =>
      m.location ? `${shortPath(m.location.file)}:${m.location.line}:${m.location.column}: ${m.text}` : m.text,
    )
    .join('\n');
}
