import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { TelemetryRecord } from '../../lib/runtime/telemetry.ts';

/** What the telemetry files held. */
export interface TelemetryRead {
  /** The files that existed, oldest first. */
  files: string[];
  records: TelemetryRecord[];
  /** Lines that were not a whole telemetry record: torn by a crash mid-write, or edited. */
  skipped: number;
}

/** A recorded project longer than a path can be is no project (the runtime never writes one). */
const MAX_PROJECT_CHARS = 4096;
/**
 * The longest line kept: a real record is a few hundred bytes. Past this a line is skipped and
 * counted without being held, so a file with no newline in 10 MB is not one giant string.
 */
export const MAX_LINE_CHARS = 64 * 1024;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** One line as a record, or undefined when it is not one (fields the runner always writes are required). */
export function parseRecord(line: string): TelemetryRecord | undefined {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const r = data as Record<string, unknown>;
  if (typeof r.ts !== 'string' || !Number.isFinite(Date.parse(r.ts))) return undefined;
  if (typeof r.hook !== 'string' || typeof r.event !== 'string' || typeof r.decision !== 'string') return undefined;
  if (!isNumber(r.ms) || !isNumber(r.exit)) return undefined;
  const record: TelemetryRecord = {
    ts: r.ts,
    hook: r.hook,
    event: r.event,
    ms: r.ms,
    exit: r.exit,
    decision: r.decision,
    cacheHits: isNumber(r.cacheHits) ? r.cacheHits : 0,
    cacheMisses: isNumber(r.cacheMisses) ? r.cacheMisses : 0,
    breakers: Array.isArray(r.breakers) ? r.breakers.filter((b): b is string => typeof b === 'string') : [],
  };
  if (typeof r.error === 'string') record.error = r.error;
  if (typeof r.project === 'string' && r.project !== '' && r.project.length <= MAX_PROJECT_CHARS)
    record.project = r.project;
  if (typeof r.plugin === 'string' && r.plugin !== '' && r.plugin.length <= MAX_PROJECT_CHARS) record.plugin = r.plugin;
  return record;
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * Calls `onLine` for each line of a file, read in chunks (a 10 MB log and its rotated copy never
 * sit in memory as one string and one array of lines), with undefined for a line over
 * MAX_LINE_CHARS. False when the file cannot be opened.
 */
function eachLine(path: string, onLine: (line: string | undefined) => void): boolean {
  let fd: number;
  try {
    // Non-blocking: a FIFO in the log's place would block open() until someone writes to it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    if (!fstatSync(fd).isFile()) return false;
    const buffer = Buffer.alloc(CHUNK_BYTES);
    // A multi-byte character split across two chunks is joined, not replaced.
    const decoder = new StringDecoder('utf8');
    let rest = '';
    // Inside a line already over MAX_LINE_CHARS: drop text until its newline, then report it once.
    let overlong = false;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      } catch {
        break; // unreadable from here on (EISDIR, EIO): keep what was read
      }
      if (n === 0) break;
      const text = rest + decoder.write(buffer.subarray(0, n));
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        onLine(overlong || end - start > MAX_LINE_CHARS ? undefined : text.slice(start, end));
        overlong = false;
        start = end + 1;
      }
      rest = text.slice(start);
      if (rest.length > MAX_LINE_CHARS) {
        overlong = true;
        rest = '';
      }
    }
    rest += decoder.end();
    if (overlong || rest.length > MAX_LINE_CHARS) onLine(undefined);
    else if (rest !== '') onLine(rest);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Reads `paths` (missing ones skipped), oldest first, keeping whole records and counting the rest. */
export function readTelemetry(paths: string[]): TelemetryRead {
  const result: TelemetryRead = { files: [], records: [], skipped: 0 };
  for (const path of paths) {
    const found = eachLine(path, (line) => {
      if (line === undefined) {
        result.skipped++;
        return;
      }
      if (line.trim() === '') return;
      const record = parseRecord(line);
      if (record === undefined) result.skipped++;
      else result.records.push(record);
    });
    if (found) result.files.push(path);
  }
  return result;
}
