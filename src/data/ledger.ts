/**
 * The ledger of numbers: every numeric token of the report (Arabic digits, Chinese numerals) is
 * accounted for either by a record of data/metrics.json or by an exclusion with a reason
 * (data/ledger-exclusions.json). Pure functions; the Node loader reads the files.
 */
import type { LedgerRecord, RawDataset } from './types';
import type { DataProblem } from './validate';
import { writtenStatesValue } from './numbers';

export interface NumericToken {
  text: string;
  /** Character offset in the report. */
  start: number;
  end: number;
  line: number;
  column: number;
  script: 'arabic' | 'chinese';
}

/** Reasons a token is not a record. Those marked true are still quantities and count against coverage. */
export const EXCLUSION_REASONS = {
  date: false,
  'session-number': false,
  footnote: false,
  'list-number': false,
  name: false,
  ordinal: false,
  'document-number': false,
  word: false,
  vague: false,
  'text-structure': false,
  'page-furniture': false,
  'other-place': true,
  definition: true,
} as const;
type ExclusionReason = keyof typeof EXCLUSION_REASONS;

interface QuoteExclusion {
  /** Verbatim context in the report. */
  quote: string;
  /** The token inside the context that is excluded. */
  token: string;
  /** Which occurrence of the context (1-based), or every occurrence when `all` is true. */
  occurrence?: number;
  all?: boolean;
  reason: ExclusionReason;
  note?: string;
}

interface PatternExclusion {
  /** A regular expression whose first group is the excluded token. */
  pattern: string;
  /** How many tokens it must account for: a changed report cannot slip through. */
  count: number;
  reason: ExclusionReason;
  note?: string;
}

type Exclusion = QuoteExclusion | PatternExclusion;

export interface LedgerExclusions {
  description?: string;
  exclusions: Exclusion[];
}

const ARABIC = /\d+(?:\.\d+)?/g;
/** A run of Chinese numerals, unless it is the 万/亿 of a number written in digits (10万, 300余万). */
const CHINESE = /(?:(?<![\d余])|(?![万亿]))[〇零一二两三四五六七八九十百千万亿]+/g;

export function scanTokens(report: string): NumericToken[] {
  const lineStarts = [0];
  for (let i = 0; i < report.length; i++) if (report[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
  const tokens: NumericToken[] = [];
  for (const [regex, script] of [
    [ARABIC, 'arabic'],
    [CHINESE, 'chinese'],
  ] as const) {
    for (const match of report.matchAll(regex)) {
      tokens.push({
        text: match[0],
        start: match.index,
        end: match.index + match[0].length,
        ...position(match.index),
        script,
      });
    }
  }
  return tokens.sort((a, b) => a.start - b.start);
}

/** Every start offset of `part` in `text`, in order (none for an empty part). */
export function occurrences(text: string, part: string): number[] {
  const found: number[] = [];
  if (part.length === 0) return found;
  for (let i = text.indexOf(part); i !== -1; i = text.indexOf(part, i + 1)) found.push(i);
  return found;
}

/** Where a record's value token sits inside its quote (offset in the quote), or -1. */
function valueOffsetInQuote(record: LedgerRecord): number {
  if (record.written !== undefined) return record.quote.indexOf(record.written);
  const digits = String(Math.abs(record.value)).replace('.', '\\.');
  const match = new RegExp(`(?<![0-9.])${digits}(?![0-9]|\\.[0-9])`).exec(record.quote);
  return match ? match.index : -1;
}

export interface LedgerResult {
  tokens: NumericToken[];
  /** token index → record ids that state it. */
  byRecord: Map<number, string[]>;
  /** token index → the exclusion that accounts for it. */
  byExclusion: Map<number, { index: number; reason: ExclusionReason }>;
  problems: DataProblem[];
}

export interface LedgerFiles {
  dataset: string;
  report: string;
  exclusions: string;
}

const at = (token: NumericToken) => `"${token.text}" at line ${token.line}, column ${token.column}`;

/**
 * Checks every record's quote against the report (verbatim; once, or with an occurrence index;
 * states its value) and accounts for every numeric token. Every problem names file, record, field.
 */
export function checkLedger(
  doc: RawDataset,
  report: string,
  exclusions: LedgerExclusions,
  files: LedgerFiles,
): LedgerResult {
  const tokens = scanTokens(report);
  const tokenAt = new Map(tokens.map((t, i) => [t.start, i]));
  const byRecord = new Map<number, string[]>();
  const byExclusion = new Map<number, { index: number; reason: ExclusionReason }>();
  const problems: DataProblem[] = [];

  for (const record of doc.records) {
    const add = (field: string, message: string) =>
      problems.push({ file: files.dataset, record: `record "${record.id}"`, field, message });
    const found = occurrences(report, record.quote);
    if (found.length === 0) {
      add('quote', `not found verbatim in ${files.report}: "${record.quote}"`);
      continue;
    }
    if (record.occurrence === undefined && found.length > 1) {
      add('occurrence', `the quote occurs ${found.length} times in ${files.report}; lengthen it or give "occurrence"`);
      continue;
    }
    if (record.occurrence !== undefined && (found.length === 1 || record.occurrence > found.length)) {
      add(
        'occurrence',
        found.length === 1 ? 'the quote occurs once; drop "occurrence"' : `the quote occurs only ${found.length} times`,
      );
      continue;
    }
    if (record.written !== undefined && !writtenStatesValue(record.written, record.value, record.unit)) {
      add('written', `"${record.written}" does not state ${record.value} ${record.unit}`);
    }
    const offset = valueOffsetInQuote(record);
    if (offset === -1) {
      add('value', `the quote does not state the value ${record.written ?? record.value}: "${record.quote}"`);
      continue;
    }
    const start = found[(record.occurrence ?? 1) - 1]! + offset;
    const index = tokenAt.get(start);
    if (index === undefined) {
      add('value', `the value in the quote is not a whole numeric token of ${files.report}`);
      continue;
    }
    byRecord.set(index, [...(byRecord.get(index) ?? []), record.id]);
  }

  exclusions.exclusions.forEach((exclusion, index) => {
    const add = (field: string, message: string) =>
      problems.push({ file: files.exclusions, record: `exclusions[${index}]`, field, message });
    if (!(exclusion.reason in EXCLUSION_REASONS))
      add('reason', `"${exclusion.reason}" is not one of ${Object.keys(EXCLUSION_REASONS).join(', ')}`);
    const claim = (tokenIndex: number) => {
      const token = tokens[tokenIndex]!;
      if (byRecord.has(tokenIndex))
        add(
          'quote',
          `token ${at(token)} is already a record (${byRecord.get(tokenIndex)!.join(', ')}); do not exclude it`,
        );
      else if (byExclusion.has(tokenIndex))
        add('quote', `token ${at(token)} is already excluded by exclusions[${byExclusion.get(tokenIndex)!.index}]`);
      else byExclusion.set(tokenIndex, { index, reason: exclusion.reason });
    };
    if ('pattern' in exclusion) {
      let claimed = 0;
      for (const match of report.matchAll(new RegExp(exclusion.pattern, 'gmu'))) {
        const group = match[1];
        if (group === undefined) continue;
        const tokenIndex = tokenAt.get(match.index + match[0].indexOf(group));
        if (tokenIndex === undefined || tokens[tokenIndex]!.text !== group) continue;
        claim(tokenIndex);
        claimed++;
      }
      if (claimed !== exclusion.count) add('count', `pattern accounts for ${claimed} tokens, not ${exclusion.count}`);
      return;
    }
    const found = occurrences(report, exclusion.quote);
    if (found.length === 0) {
      add('quote', `not found verbatim in ${files.report}: "${exclusion.quote}"`);
      return;
    }
    if (!exclusion.all && exclusion.occurrence === undefined && found.length > 1) {
      add('occurrence', `the quote occurs ${found.length} times; give "occurrence" or "all": true`);
      return;
    }
    const starts = exclusion.all ? found : [found[(exclusion.occurrence ?? 1) - 1]];
    for (const start of starts) {
      if (start === undefined) {
        add('occurrence', `the quote occurs only ${found.length} times`);
        return;
      }
      const inside = occurrences(exclusion.quote, exclusion.token)
        .map((o) => tokenAt.get(start + o))
        .filter((i): i is number => i !== undefined && tokens[i]!.text === exclusion.token);
      if (inside.length === 0) {
        add('token', `"${exclusion.token}" is not a whole numeric token inside "${exclusion.quote}"`);
        return;
      }
      inside.forEach(claim);
    }
  });

  tokens.forEach((token, index) => {
    if (!byRecord.has(index) && !byExclusion.has(index)) {
      problems.push({
        file: files.report,
        record: `token ${index}`,
        field: 'numeric token',
        message: `${at(token)} is accounted for nowhere: add a record to ${files.dataset} or an exclusion to ${files.exclusions} (context: "${report.slice(Math.max(0, token.start - 12), token.end + 8).replace(/\n/g, '⏎')}")`,
      });
    }
  });
  return { tokens, byRecord, byExclusion, problems };
}

export interface Coverage {
  tokens: number;
  accounted: number;
  asRecords: number;
  excluded: Record<string, number>;
  /** Tokens that are quantities: records plus exclusions whose reason is still a quantity. */
  quantities: number;
  quantityShare: number;
  recordsByKind: Record<string, number>;
}

export function coverage(doc: RawDataset, ledger: LedgerResult): Coverage {
  const excluded: Record<string, number> = {};
  for (const { reason } of ledger.byExclusion.values()) excluded[reason] = (excluded[reason] ?? 0) + 1;
  const quantityExclusions = [...ledger.byExclusion.values()].filter(({ reason }) => EXCLUSION_REASONS[reason]).length;
  const asRecords = ledger.byRecord.size;
  const recordsByKind: Record<string, number> = {};
  for (const record of doc.records) recordsByKind[record.kind] = (recordsByKind[record.kind] ?? 0) + 1;
  return {
    tokens: ledger.tokens.length,
    accounted: asRecords + ledger.byExclusion.size,
    asRecords,
    excluded,
    quantities: asRecords + quantityExclusions,
    quantityShare: asRecords / (asRecords + quantityExclusions),
    recordsByKind,
  };
}
