// One benchmark figure, how it compares with its target, and the printed table.

export type Comparison = '<=' | '>=';

export interface Target {
  op: Comparison;
  value: number;
}

export interface Row {
  section: string;
  metric: string;
  unit: string;
  value: number;
  target?: Target;
  /** The same figure for the baseline measured in the same run. */
  baseline?: number;
  /** value / baseline (when a baseline exists). */
  ratio?: number;
  note?: string;
}

export interface JudgedRow extends Row {
  /** undefined when the figure has no target (informational). */
  met?: boolean;
}

export function judge(row: Row): JudgedRow {
  if (!row.target || !Number.isFinite(row.value)) return { ...row, ...(row.target ? { met: false } : {}) };
  const met = row.target.op === '<=' ? row.value <= row.target.value : row.value >= row.target.value;
  return { ...row, met };
}

export function formatNumber(x: number | undefined): string {
  if (x === undefined) return '';
  if (!Number.isFinite(x)) return 'n/a';
  const abs = Math.abs(x);
  if (abs >= 100_000) return Math.round(x).toLocaleString('en-US');
  if (abs >= 100) return x.toFixed(0);
  if (abs >= 10) return x.toFixed(1);
  if (abs >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

function cells(row: JudgedRow): string[] {
  const target = row.target ? `${row.target.op} ${formatNumber(row.target.value)}` : '';
  const met = row.met === undefined ? '' : row.met ? '✓' : '✗';
  return [
    row.section,
    row.metric,
    `${formatNumber(row.value)} ${row.unit}`.trim(),
    target,
    formatNumber(row.baseline),
    row.ratio === undefined ? '' : `${formatNumber(row.ratio)}×`,
    met,
  ];
}

export function formatTable(rows: readonly JudgedRow[]): string {
  const header = ['#', 'metric', 'value', 'target', 'baseline', 'ratio', 'met'];
  const body = rows.map(cells);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
