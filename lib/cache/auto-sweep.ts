import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { runInBackground, runNodeInBackground } from '../background.ts';
import { debugNote } from '../runtime/debug.ts';
import { cacheDir } from './_dir.ts';
import { shouldSweep, sweepCache, touchMarker } from './sweep.ts';

/** The argument a bundle is started with to sweep the cache instead of answering a hook. */
export const SWEEP_FLAG = '--hookpack-sweep-cache';
const MARKER = '.swept';

/**
 * Keeps the disk cache bounded without a hook ever waiting for it: after a write, at most once an
 * hour (sweep.ts's marker), the bundle that wrote starts itself again, detached and with all
 * stdio ignored, as `node <bundle> --hookpack-sweep-cache`, and that process sweeps and exits.
 * The marker is touched first, so parallel hooks don't all start a sweeper.
 */
export function scheduleSweep(): void {
  const bundle = process.argv[1];
  const dir = cacheDir();
  if (bundle === undefined || dir === undefined) return;
  const marker = join(dir, MARKER);
  try {
    // A new cache has nothing to evict: its first write starts the hour instead of a sweeper.
    const fresh = lstatSync(marker, { throwIfNoEntry: false }) === undefined;
    if (!fresh && !shouldSweep()) return;
    touchMarker(dir);
    if (fresh) return;
  } catch {
    return;
  }
  // In a single executable, argv[1] is the executable itself, which takes the flag directly.
  const sea = bundle === process.execPath;
  void (sea ? runInBackground(process.execPath, [SWEEP_FLAG]) : runNodeInBackground(bundle, [SWEEP_FLAG])).then(
    (started) => {
      if ('error' in started) debugNote(`cache: cannot start a background sweep: ${started.error.message}`);
    },
  );
}

// The sweeper: a bundle holding the cache, started with SWEEP_FLAG, sweeps before any hook code
// runs (module evaluation precedes the runner) and exits without reading stdin. A single
// executable built with a startup snapshot evaluated this at build time: its dispatcher finds
// the sweep here instead.
(globalThis as Record<symbol, unknown>)[Symbol.for('hookpack.sweepCache')] = sweepCache;
if (process.argv[2] === SWEEP_FLAG) {
  sweepCache();
  process.exit(0);
}
