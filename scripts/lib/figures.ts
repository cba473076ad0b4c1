import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

type Group = 'build' | 'prerender' | 'pages';

/** One measured figure; with a limit it is a budget, without one it is reported for information. */
export interface Figure {
  group: Group;
  name: string;
  value: number;
  unit: string;
  /** 'max': value must be ≤ limit; 'min': value must be ≥ limit. */
  kind?: 'max' | 'min';
  limit?: number;
  /** Shown after the verdict: the runs behind a median, the slowest case… */
  note?: string;
}

const GROUPS: Group[] = ['build', 'prerender', 'pages'];

export function verdict(f: Figure): 'ok' | 'OVER' | 'info' {
  if (f.limit === undefined || f.kind === undefined) return 'info';
  return (f.kind === 'max' ? f.value <= f.limit : f.value >= f.limit) ? 'ok' : 'OVER';
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds to `digits` decimals, as a number (for JSON and for printing). */
export const round = (value: number, digits = 0): number => Number(value.toFixed(digits));

/** One aligned line per figure, grouped, with value, budget and verdict. */
export function formatFigures(figures: Figure[]): string[] {
  const width = Math.max(...figures.map((f) => f.name.length));
  const lines: string[] = [];
  for (const group of GROUPS) {
    const members = figures.filter((f) => f.group === group);
    if (members.length === 0) continue;
    lines.push('', `── ${group} ${'─'.repeat(Math.max(0, width + 30 - group.length))}`);
    for (const f of members) {
      const budget = f.limit === undefined ? '' : `budget ${f.kind === 'max' ? '≤' : '≥'} ${f.limit}${f.unit}`;
      const value = Number.isFinite(f.value) ? `${f.value}${f.unit}` : 'n/a';
      lines.push(
        `${verdict(f).padEnd(4)}  ${f.name.padEnd(width)}  ${value.padStart(11)}  ${budget.padEnd(18)}${f.note ? `  ${f.note}` : ''}`.trimEnd(),
      );
    }
  }
  return lines;
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2));
}
