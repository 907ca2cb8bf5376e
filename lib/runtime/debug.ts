import { writeSync } from 'node:fs';

/** Whether HOOKPACK_DEBUG asks for diagnostics on stderr. */
export function isDebug(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.HOOKPACK_DEBUG;
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** A one-line diagnostic on stderr, only under HOOKPACK_DEBUG; never throws. */
export function debugNote(message: string, env: NodeJS.ProcessEnv = process.env): void {
  if (!isDebug(env)) return;
  try {
    writeSync(2, `hookpack: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
  } catch {
    // stderr closed: nobody to tell
  }
}
