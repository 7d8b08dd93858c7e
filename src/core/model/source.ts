// Where something came from, and what is said about it: the leaves every other type hangs from.

/** Where something came from: a file and 1-based physical line numbers of the original input. */
export interface SourceSpan {
  file: string;
  line: number;
  endLine?: number;
  /** 1-based feature number in a GeoJSON or Shapefile input, which has no meaningful lines (line is then 0). */
  feature?: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: { zh: string; en: string };
  source?: SourceSpan;
}
