import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { collectEmbedded, type Embedded } from '../runtime/embed.ts';
import { disarmStartupGuard } from '../runtime/startup.ts';

/** A bundle the daemon holds in memory, as of one version of its file. */
export interface Loaded {
  path: string;
  stamp: string;
  hooks: Embedded['hooks'];
  event: string;
  validate: Embedded['validate'];
  /** An event bundle (`on-<Event>.cjs`) merges its hooks' answers; a hook's own bundle passes its one answer through. */
  single: boolean;
  loadedAt: number;
}

/** The file's version as the client computes it (native/warm-client.c bundle_stamp): mtime to the ns, size, inode. */
export function stampOf(path: string): string | undefined {
  try {
    const st = statSync(path, { bigint: true });
    if (!st.isFile()) return undefined;
    const sec = st.mtimeNs / 1_000_000_000n;
    const nsec = st.mtimeNs % 1_000_000_000n;
    return `${sec}.${String(nsec).padStart(9, '0')}:${st.size}:${st.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * The built bundles, loaded into this process the way `hookpack adopt`'s runner loads them: the
 * bundle hands its hooks over instead of running (lib/runtime/embed.ts). A file that changed on
 * disk is loaded again (its module state, caches included, starts over).
 */
export class Bundles {
  private readonly held = new Map<string, Loaded>();

  /** The bundle at `path` as of `stamp`, loading it if needed; a string says why it can't be served here. */
  get(path: string, stamp: string): Loaded | string {
    const known = this.held.get(path);
    if (known !== undefined && known.stamp === stamp) return known;
    const now = stampOf(path);
    if (now === undefined) return `${path} cannot be read`;
    // The client saw another version than the one on disk now: let it run the file itself.
    if (now !== stamp) return `${path} changed while the call was on its way`;
    delete require.cache[path];
    let handed: Embedded[];
    try {
      handed = collectEmbedded(() => require(path));
    } catch (error) {
      // A bundle that threw while loading leaves its startup guard listening: it must not answer for us.
      disarmStartupGuard();
      this.held.delete(path);
      return `${path} could not be loaded: ${(error as Error).message ?? String(error)}`;
    } finally {
      delete require.cache[path];
    }
    const [only] = handed;
    if (handed.length !== 1 || only === undefined)
      return `${path} handed over ${handed.length} sets of hooks instead of one: not a hookpack bundle built with this version`;
    const loaded: Loaded = {
      path,
      stamp,
      hooks: only.hooks,
      event: only.event,
      validate: only.validate,
      single: !basename(path).startsWith('on-'),
      loadedAt: Date.now(),
    };
    this.held.set(path, loaded);
    return loaded;
  }

  list(): Loaded[] {
    return [...this.held.values()];
  }
}
