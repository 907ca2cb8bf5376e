// Types for check.mjs.
export declare const RATIO_BUDGETS: { hook: number; seventeen: number; adoption: number };
export declare const RATIO_FAIL_FACTOR: number;
export type Budgets = Record<string, number>;
export interface BytesResult {
  file: string;
  bytes: number;
  budget: number | null;
  status: 'ok' | 'over' | 'missing';
  message: string;
}
export interface RatioResult {
  name: string;
  ratio: number;
  budget: number;
  gate: number;
  status: 'ok' | 'over' | 'fail';
  message: string;
}
export declare function suggestBudget(bytes: number): number;
export declare function parseBudgets(text: string, where?: string): Budgets;
export declare function loadBudgets(root: string): Budgets;
export declare function distSizes(distDir: string): { file: string; bytes: number }[];
export declare function checkBytes(
  sizes: readonly { file: string; bytes: number }[],
  budgets: Budgets,
): { ok: boolean; results: BytesResult[]; unused: string[] };
export declare function ratioBudgetFor(row: { section: string; name: string }): number | undefined;
export declare function checkRatios(
  rows: readonly { section: string; name: string; ratio: number | null }[],
  factor?: number,
): { ok: boolean; results: RatioResult[] };
