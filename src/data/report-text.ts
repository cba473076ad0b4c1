import type { ArtefactNote } from './types';
import type { DataProblem } from './validate';
import type { ProvenanceEntry } from './provenance';
import { occurrences } from './ledger';

/**
 * The report's text, parsed into blocks that keep their character offsets in the file, so that
 * quotes found in the file can be drawn where they are. Pure: the file is read in report-node.ts.
 */
type BlockKind = 'title' | 'occasion' | 'heading' | 'section' | 'paragraph' | 'glossary';

export interface ReportBlock {
  kind: BlockKind;
  /** Stable anchor: `part-1`, `sec-1-2`, `p-14`, `g-10`… */
  id: string;
  start: number;
  end: number;
  /** For a section line, "(一)…。": where its heading sentence ends and its body begins. */
  headEnd?: number;
  /** Glossary entry number, or heading level (1 for parts, 2 for numbered sections). */
  number?: number;
  /** Glossary: where the term ends (before its colon). */
  termEnd?: number;
}

export interface ParsedReport {
  text: string;
  blocks: ReportBlock[];
  /** The line of page furniture left out (扫一扫在手机打开当前页), or null. */
  furniture: string | null;
}

const SECTION = /^[（(]([一二三四五六七八九十]+)[）)]/;
const PART_NUMBERED = /^[一二三四五六七八九十]+、/;
const GLOSSARY_ITEM = /^(\d+)[.．、]/;
const OCCASION = /^\d{4}年\d{1,2}月\d{1,2}日/;
const FURNITURE = /扫一扫|在手机打开/;
const GLOSSARY_HEADING = '名词解释';

/** A short line with no sentence punctuation is a part heading (2024年工作回顾, 政府自身建设, 名词解释). */
function isPartHeading(line: string): boolean {
  if (PART_NUMBERED.test(line) && line.length <= 30 && !/[。；;]/.test(line)) return true;
  return line.length <= 12 && !/[。，,：:；;！？!?、“”"]/.test(line) && !/^——/.test(line);
}

export function parseReport(text: string): ParsedReport {
  const lines: Array<{ text: string; start: number }> = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed) lines.push({ text: trimmed, start: offset + lead });
    offset += raw.length + 1;
  }
  let furniture: string | null = null;
  if (lines.length > 0 && FURNITURE.test(lines[lines.length - 1]!.text)) furniture = lines.pop()!.text;
  const blocks: ReportBlock[] = [];
  let part = 0;
  let section = 0;
  let paragraph = 0;
  let inGlossary = false;
  lines.forEach((line, index) => {
    const start = line.start;
    const end = line.start + line.text.length;
    if (index === 0) {
      blocks.push({ kind: 'title', id: 'title', start, end });
      return;
    }
    if (index === 1 && OCCASION.test(line.text)) {
      blocks.push({ kind: 'occasion', id: 'occasion', start, end });
      return;
    }
    if (isPartHeading(line.text)) {
      part += 1;
      section = 0;
      inGlossary = line.text === GLOSSARY_HEADING;
      blocks.push({ kind: 'heading', id: inGlossary ? 'glossary' : `part-${part}`, start, end, number: 1 });
      return;
    }
    const glossary = inGlossary ? GLOSSARY_ITEM.exec(line.text) : null;
    if (glossary) {
      const colon = line.text.search(/[:：]/);
      blocks.push({
        kind: 'glossary',
        id: `g-${glossary[1]}`,
        start,
        end,
        number: Number(glossary[1]),
        termEnd: colon > 0 ? start + colon : undefined,
      });
      return;
    }
    if (SECTION.test(line.text)) {
      section += 1;
      const stop = line.text.indexOf('。');
      blocks.push({
        kind: 'section',
        id: `sec-${part}-${section}`,
        start,
        end,
        number: 2,
        headEnd: stop > 0 ? start + stop + 1 : end,
      });
      return;
    }
    paragraph += 1;
    blocks.push({ kind: 'paragraph', id: `p-${paragraph}`, start, end });
  });
  return { text, blocks, furniture };
}

export interface LocatedQuote {
  id: string;
  start: number;
  end: number;
  block: string;
}

export interface ArtefactPlace {
  /** Index in dataset.source.notes. */
  index: number;
  note: ArtefactNote;
  /** Each occurrence of the token inside the note's place. */
  tokens: Array<{ start: number; end: number }>;
  block: string;
}

function blockAt(report: ParsedReport, start: number, end: number): ReportBlock | undefined {
  return report.blocks.find((block) => start >= block.start && end <= block.end);
}

/**
 * Finds each entry's quote in the report: verbatim, exactly once (or at its `occurrence`), inside
 * one block of the text. Anything else is a problem naming the record and field.
 */
export function locateQuotes(
  report: ParsedReport,
  entries: ProvenanceEntry[],
  files: { dataset: string; report: string },
): { located: LocatedQuote[]; problems: DataProblem[] } {
  const located: LocatedQuote[] = [];
  const problems: DataProblem[] = [];
  for (const entry of entries) {
    const add = (message: string, field = entry.origin.field) =>
      problems.push({ file: files.dataset, record: entry.origin.record, field, message });
    const found = occurrences(report.text, entry.quote);
    let start: number | undefined;
    if (found.length === 0) {
      add(`quote "${entry.quote}" (${entry.id}) is not in ${files.report}`);
      continue;
    }
    if (entry.occurrence !== undefined) {
      if (entry.occurrence < 1 || entry.occurrence > found.length) {
        add(
          `occurrence ${entry.occurrence} of "${entry.quote}" (${entry.id}): the quote occurs ${found.length} time(s) in ${files.report}`,
          'occurrence',
        );
        continue;
      }
      start = found[entry.occurrence - 1];
    } else if (found.length === 1) {
      start = found[0];
    } else {
      add(
        `quote "${entry.quote}" (${entry.id}) occurs ${found.length} times in ${files.report}; lengthen it or give its occurrence`,
      );
      continue;
    }
    const end = start! + entry.quote.length;
    const block = blockAt(report, start!, end);
    if (!block) {
      add(`quote "${entry.quote}" (${entry.id}) runs across paragraphs of ${files.report}, or sits in page furniture`);
      continue;
    }
    located.push({ id: entry.id, start: start!, end, block: block.id });
  }
  return { located, problems };
}

/**
 * Finds each artefact place (dataset.source.notes) and the token in it; every occurrence of the
 * token in the report must belong to a noted place, so none can reach a reader unmarked.
 */
export function locateArtefacts(
  report: ParsedReport,
  notes: ArtefactNote[],
  files: { dataset: string; report: string },
): { places: ArtefactPlace[]; problems: DataProblem[] } {
  const places: ArtefactPlace[] = [];
  const problems: DataProblem[] = [];
  const covered = new Set<number>();
  notes.forEach((note, index) => {
    const record = `source.notes[${index}]`;
    const found = occurrences(report.text, note.asReceived);
    if (found.length !== 1) {
      problems.push({
        file: files.dataset,
        record,
        field: 'asReceived',
        message: `"${note.asReceived}" occurs ${found.length} times in ${files.report}; it must occur once`,
      });
      return;
    }
    const start = found[0]!;
    const end = start + note.asReceived.length;
    const block = blockAt(report, start, end);
    const tokens = occurrences(note.asReceived, note.token).map((at) => ({
      start: start + at,
      end: start + at + note.token.length,
    }));
    if (!block || tokens.length === 0) {
      problems.push({
        file: files.dataset,
        record,
        field: 'asReceived',
        message: `"${note.asReceived}" must hold the token "${note.token}" inside one paragraph of ${files.report}`,
      });
      return;
    }
    if (note.standsFor.length !== tokens.length) {
      problems.push({
        file: files.dataset,
        record,
        field: 'standsFor',
        message: `gives ${note.standsFor.length} readings for ${tokens.length} token(s) "${note.token}" in "${note.asReceived}"; give one per token`,
      });
      return;
    }
    tokens.forEach((token) => covered.add(token.start));
    places.push({ index, note, tokens, block: block.id });
  });
  for (const token of new Set(notes.map((note) => note.token))) {
    for (const at of occurrences(report.text, token)) {
      if (!covered.has(at))
        problems.push({
          file: files.report,
          record: `offset ${at}`,
          field: 'text',
          message: `the artefact token "${token}" here is not in any of source.notes`,
        });
    }
  }
  return { places, problems };
}
