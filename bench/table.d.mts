// Types for table.mjs.
export declare const WIDTH: number;
export declare function fit(text: string, width: number): string;
export declare function wrap(text: string, width?: number, indent?: number): string[];
export interface TableRow {
  name: string;
  bytes: number | null;
  medianMs: number | null;
  p95Ms: number | null;
  ratio: number | null;
  rssMb: number | null;
}
export interface InProcessRow {
  name: string;
  skipped?: string;
  p50Us?: number;
  p99Us?: number;
  meanUs?: number;
  perItemUs?: number;
  opsPerSec?: number;
  note?: string;
}
export interface TableReport {
  machine: { node: string; cpu: string; cores: number };
  settings: { rounds: number; quick: boolean };
  sections: { title: string; rows: TableRow[]; notes?: string[] }[];
  inProcess?: InProcessRow[];
  checks?: { lines: string[] };
  notes?: string[];
}
export declare function renderTable(report: TableReport): string;
