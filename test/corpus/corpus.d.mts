// Types for corpus.mjs.
export type Expect = 'deny' | 'ask' | 'allow';
export type Outcome = Expect | 'fail-closed' | 'other';
export interface CorpusCase {
  command: string;
  expect: Expect;
  source: string;
  note?: string;
  cwd?: string;
}
export interface CorpusFile {
  category: string;
  file: string;
  cases: CorpusCase[];
}
export interface CaseResult {
  category: string;
  expect: Expect;
  outcome: Outcome;
}
export interface TableRow {
  category: string;
  cases: number;
  deny: number;
  ask: number;
  allow: number;
  stopped: number;
  letThrough: number;
  mismatches: number;
}
export declare const DEFAULT_CWD: string;
export declare const CORPUS_HOME: string;
export declare const PROJECT_DIR: string;
export declare const EXPECTS: readonly Expect[];
export declare function loadCorpus(dir: string): CorpusFile[];
export declare function payloadFor(item: CorpusCase, index?: number): Record<string, unknown>;
export declare function outcomeOf(run: { stdout?: string; stderr?: string; exitCode: number | null }): Outcome;
export declare function ruleOf(stdout: string | undefined): string | undefined;
export declare function tabulate(results: readonly CaseResult[]): TableRow[];
export declare function markdownTable(rows: readonly TableRow[]): string;
export interface SpawnedRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}
export declare function corpusEnv(scratch: string): NodeJS.ProcessEnv;
export declare function spawnCase(
  bundle: string,
  item: CorpusCase,
  index: number,
  env: NodeJS.ProcessEnv,
): Promise<SpawnedRun>;
export declare function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]>;
