// Types for chart.mjs.
export interface ChartRow {
  name: string;
  ratio: number | null;
  medianMs?: number | null;
  section?: string;
  budget?: number;
  baseline?: boolean;
}
export declare function xml(text: string): string;
export declare function axisMax(ratios: readonly (number | null)[], clip?: number): number;
export declare function renderSvg(options: {
  sections: { title: string; rows: ChartRow[] }[];
  budget?: number;
  title?: string;
  subtitle?: string;
}): string;
