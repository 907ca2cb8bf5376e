import { readdirSync, readFileSync } from 'node:fs';

/** The variable that marks every process one profiled run started, its descendants included. */
export const RUN_MARKER = 'HOOKPACK_PROFILE_RUN';

let counter = 0;

/** A marker value no other run (of this or another profile) shares. */
export function newRunId(): string {
  return `${process.pid}-${++counter}`;
}

/**
 * The processes still carrying `RUN_MARKER=<id>` in their environment, from /proc (Linux only;
 * elsewhere none are found). A hook's grandchild that called setsid() has left the hook's process
 * group, so killing the group misses it, and its pipes may be a socketpair whose far end can't be
 * traced; but it inherited the hook's environment, which /proc/<pid>/environ shows.
 */
export function processesOfRun(id: string): number[] {
  const needle = Buffer.from(`${RUN_MARKER}=${id}\0`);
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const name of pids) {
    const pid = Number(name);
    if (pid === process.pid) continue;
    let environ: Buffer;
    try {
      environ = readFileSync(`/proc/${name}/environ`);
    } catch {
      continue; // gone, or not ours to look at
    }
    const at = environ.indexOf(needle);
    // At the start, or right after another variable's NUL: not the tail of a longer name.
    if (at === 0 || (at > 0 && environ[at - 1] === 0)) found.push(pid);
  }
  return found;
}
