import { readFileSync } from 'node:fs';
import type { TelemetryRecord } from '../../runtime/telemetry.ts';

/** What the telemetry files held. */
export interface TelemetryRead {
  /** The files that existed, oldest first. */
  files: string[];
  records: TelemetryRecord[];
  /** Lines that were not a whole telemetry record: torn by a crash mid-write, or edited. */
  skipped: number;
}

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
  return record;
}

/** Reads `paths` (missing ones skipped), oldest first, keeping whole records and counting the rest. */
export function readTelemetry(paths: string[]): TelemetryRead {
  const result: TelemetryRead = { files: [], records: [], skipped: 0 };
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    result.files.push(path);
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const record = parseRecord(line);
      if (record === undefined) result.skipped++;
      else result.records.push(record);
    }
  }
  return result;
}
