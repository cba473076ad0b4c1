/**
 * /sources/<id>/ (and /en/sources/<id>/): one source document, stored copy, with the passages the
 * dataset quotes from it highlighted; its title, issuer, date, official address and where the copy
 * comes from. Every context figure's "source" link lands here on its sentence (#q-<record id>).
 */
import type { StoryContent } from '../content/types';
import { fillTemplate } from '../content/template';
import type { SourceEntry } from '../data/context';
import { occurrences } from '../data/ledger';
import { formatDigits } from '../data/format';
import { h, type Child } from '../dom/html';

export interface SourceQuote {
  record: string;
  quote: string;
  occurrence?: number;
  /** What the record states, for the highlight's title: "Sichuan, GDP growth, 2025 target". */
  label: string;
}

interface Span {
  start: number;
  end: number;
  records: string[];
}

/** Where each quote sits in the text (its occurrence, or its only one); a quote not found is an error. */
export function locateSourceQuotes(
  text: string,
  quotes: SourceQuote[],
  file: string,
): Array<SourceQuote & { start: number; end: number }> {
  return quotes.map((quote) => {
    const found = occurrences(text, quote.quote);
    const start = found[(quote.occurrence ?? 1) - 1];
    if (start === undefined)
      throw new Error(`${file}: record "${quote.record}": field "quote": not found in the stored text`);
    return { ...quote, start, end: start + quote.quote.length };
  });
}

/** The front matter (--- … ---) and the bulletins' image lines are not text of the document. */
function documentLines(text: string): Array<{ start: number; line: string }> {
  const lines: Array<{ start: number; line: string }> = [];
  let offset = 0;
  let inFrontMatter = text.startsWith('---\n');
  let first = true;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (inFrontMatter) {
      if (line === '---' && !first) inFrontMatter = false;
      first = false;
      continue;
    }
    if (line.trim() === '' || /^!\[[^\]]*\]\([^)]*\)\s*$/.test(line)) continue;
    lines.push({ start, line });
  }
  return lines;
}

/** Markdown emphasis and heading marks, dropped from the reader's view (never inside a quote). */
const strip = (text: string) => text.replace(/\*\*/g, '').replace(/^#+\s*/, '');

function lineNodes(document: Document, line: { start: number; line: string }, spans: Span[]): Child[] {
  const end = line.start + line.line.length;
  const cuts = new Set([line.start, end]);
  for (const span of spans) {
    if (span.end <= line.start || span.start >= end) continue;
    cuts.add(Math.max(span.start, line.start));
    cuts.add(Math.min(span.end, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Child[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    const piece = line.line.slice(from - line.start, to - line.start);
    const covering = spans.filter((span) => span.start <= from && span.end >= to);
    // Each quote's anchor sits where it begins, so a link lands on the start of its sentence.
    for (const span of spans.filter((s) => s.start === from)) {
      for (const record of span.records) out.push(h(document, 'span', { id: `q-${record}`, class: 'quote-anchor' }));
    }
    if (covering.length === 0) out.push(i === 0 ? strip(piece) : piece.replace(/\*\*/g, ''));
    else
      out.push(
        h(document, 'mark', { class: 'quote', 'data-records': covering.flatMap((s) => s.records).join(' ') }, piece),
      );
  }
  return out;
}

export function sourceBody(
  document: Document,
  content: StoryContent,
  source: SourceEntry,
  text: string,
  quotes: Array<SourceQuote & { start: number; end: number }>,
  root: string,
): Node[] {
  const copy = content.sourcePage;
  const lang = content.lang;
  // One span per distinct range, naming every record that quotes it (Sichuan's urban and rural income share one sentence).
  const spans = new Map<string, Span>();
  for (const quote of quotes) {
    const key = `${quote.start}:${quote.end}`;
    const span = spans.get(key) ?? { start: quote.start, end: quote.end, records: [] };
    span.records.push(quote.record);
    spans.set(key, span);
  }
  const spanList = [...spans.values()].sort((a, b) => a.start - b.start);
  const address = source.address
    ? h(document, 'a', { href: source.address, rel: 'noopener' }, source.address)
    : copy.noAddress;
  return [
    h(
      document,
      'nav',
      { class: 'page-nav' },
      h(document, 'a', { href: root }, copy.backToStory),
      ' · ',
      h(document, 'a', { href: `${root}report/` }, copy.reportLink),
    ),
    h(
      document,
      'main',
      { id: 'main', class: 'source-page' },
      h(document, 'h1', {}, source.title[lang]),
      h(
        document,
        'dl',
        { class: 'source-meta' },
        h(document, 'dt', {}, copy.issuer),
        h(document, 'dd', {}, source.issuer[lang]),
        h(document, 'dt', {}, copy.date),
        h(document, 'dd', {}, source.date),
        h(document, 'dt', {}, copy.address),
        h(document, 'dd', {}, address),
        h(document, 'dt', {}, copy.storedCopy),
        h(
          document,
          'dd',
          {},
          h(
            document,
            'a',
            { href: `${root}data/sources/${source.file}`, download: source.file },
            `data/sources/${source.file}`,
          ),
        ),
        h(document, 'dt', {}, copy.provenance),
        h(
          document,
          'dd',
          {},
          source.provenance.note[lang],
          source.provenance.repository
            ? ` (${source.provenance.repository}@${source.provenance.commit?.slice(0, 12)})`
            : '',
        ),
      ),
      h(
        document,
        'p',
        { class: 'source-intro' },
        fillTemplate(copy.quoted, { count: formatDigits(quotes.length, lang) }),
      ),
      h(
        document,
        'ol',
        { class: 'source-quotes' },
        ...quotes.map((quote) => h(document, 'li', {}, h(document, 'a', { href: `#q-${quote.record}` }, quote.label))),
      ),
      h(
        document,
        'div',
        { class: 'source-text', lang: 'zh-CN' },
        ...documentLines(text).map((line) => h(document, 'p', {}, ...lineNodes(document, line, spanList))),
      ),
    ),
  ];
}

// The highlight keeps dark ink on its light yellow in both themes, so its contrast holds.
export const SOURCE_PAGE_CSS =
  '.source-page{max-width:46rem;margin:0 auto;padding:1rem}.source-text p{line-height:1.9}' +
  'mark.quote{background:#fff1b8;color:#1a1a1a;padding:0 .1em}.quote-anchor:target+mark.quote{background:#ffd23f;box-shadow:0 2px 0 var(--c-ink)}' +
  '.source-meta dt{font-weight:600}.source-meta dd{margin:0 0 .5rem}';
