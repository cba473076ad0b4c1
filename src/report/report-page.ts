import type { ChartInputs } from '../charts/types';
import type { Lang, StoryContent } from '../content/types';
import { fillTemplate, labelled } from '../content/template';
import { formatDigits, formatValue } from '../data/format';
import { entryGloss, provenance, type ProvenanceEntry } from '../data/provenance';
import type { ArtefactPlace, LocatedQuote, ParsedReport, ReportBlock } from '../data/report-text';
import { towns } from '../data/town-projects';
import { h, type Child } from '../dom/html';
import { chartsDrawing, qualifierText, storyFigureId } from '../figure/provenance-links';
import { chartRoutes, href, PAGES, route } from '../routes/routes';
import { languageSwitch } from '../figure/language-switch';

/** The report located against the dataset: what the page draws. Built (and checked) by the build. */
export interface AnnotatedReport {
  report: ParsedReport;
  located: LocatedQuote[];
  artefacts: ArtefactPlace[];
}

/** Relative ways from the report page (/report/ or /en/report/) to the other pages of its language. */
function fromReport(lang: Lang) {
  const from = route('report', lang);
  return {
    story: href(from, route('story', lang)),
    embed: (id: string) => href(from, chartRoutes.embed(id, lang)),
    explore: href(from, route('explore', lang)),
    data: href(from, route('data', lang)),
  };
}

const GLOSSARY_REF = /〔(\d+)〕/g;

interface Ctx {
  document: Document;
  content: StoryContent;
  inputs: ChartInputs;
  annotated: AnnotatedReport;
  entries: Map<string, ProvenanceEntry>;
  /** Entry id → its number on the page (in reading order). */
  numbers: Map<string, number>;
  drawing: Map<string, string[]>;
  townNames: Map<string, { zh: string; en: string }>;
}

function kindLabel(content: StoryContent, entry: ProvenanceEntry): string {
  const { report } = content;
  return entry.kind === 'result' ? report.kindResult : entry.kind === 'target' ? report.kindTarget : report.kindProject;
}

/** Plain text with the report's glossary references (〔3〕) linked to their entries. */
function glossaryLinked(ctx: Ctx, text: string): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(GLOSSARY_REF)) {
    const at = match.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    out.push(
      h(
        ctx.document,
        'a',
        {
          class: 'glossary-ref',
          href: `#g-${match[1]}`,
          'aria-label': `${match[0]} ${fillTemplate(ctx.content.report.glossaryRef, { n: match[1]! })}`,
        },
        match[0],
      ),
    );
    last = at + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Text of [start, end) with artefact tokens marked (struck through, with the note) and glossary links. */
function inline(ctx: Ctx, start: number, end: number): Child[] {
  const { document, content, annotated } = ctx;
  const text = annotated.report.text;
  const tokens = annotated.artefacts
    .flatMap((place) => place.tokens.map((token, k) => ({ ...token, place, k })))
    .filter((token) => token.start >= start && token.end <= end)
    .sort((a, b) => a.start - b.start);
  const out: Child[] = [];
  let at = start;
  for (const token of tokens) {
    if (token.start > at) out.push(...glossaryLinked(ctx, text.slice(at, token.start)));
    const note = fillTemplate(content.report.artefact, {
      token: token.place.note.token,
      meant: token.place.note.standsFor[token.k]?.[content.lang] ?? '',
    });
    out.push(
      h(
        document,
        'span',
        {
          class: 'artefact',
          id: `artefact-${token.place.index + 1}${token.k > 0 ? `-${token.k + 1}` : ''}`,
          'data-artefact': token.place.index,
          role: 'note',
        },
        h(document, 's', { class: 'artefact-token', 'aria-hidden': 'true' }, text.slice(token.start, token.end)),
        h(document, 'span', { class: 'artefact-note', lang: content.lang === 'zh' ? 'zh-CN' : 'en' }, `〔${note}〕`),
      ),
    );
    at = token.end;
  }
  if (at < end) out.push(...glossaryLinked(ctx, text.slice(at, end)));
  return out;
}

/** The focusable mark after a highlighted quote: activating it shows the record (a link to its card without JS). */
function quoteRef(ctx: Ctx, entry: ProvenanceEntry): HTMLElement {
  const { document, content } = ctx;
  const n = ctx.numbers.get(entry.id)!;
  const text =
    content.lang === 'en'
      ? `${entry.label.en}${entry.kind === 'project' ? '' : ` · ${entry.year}`}`
      : formatDigits(n, 'zh');
  // The accessible name starts with the visible text (so speech input can name it), then says what it is.
  const name =
    content.lang === 'zh'
      ? `${text}（${labelled(`${content.report.recordLabel}${formatDigits(n, 'zh')}`, entry.label.zh, 'zh')}，${kindLabel(content, entry)}）`
      : `${text} (${labelled(`${content.report.recordLabel} ${formatDigits(n, 'en')}`, entry.label.en, 'en')}, ${kindLabel(content, entry)})`;
  return h(
    document,
    'a',
    {
      class: 'q',
      id: `q-${entry.id}`,
      href: `#r-${entry.id}`,
      'data-record': entry.id,
      'aria-label': name,
      lang: content.lang === 'en' ? 'en' : null,
    },
    text,
  );
}

/**
 * Text of [start, end) with every quote located in it highlighted. Overlapping quotes form one
 * cluster: its text in <mark> pieces that list the records they belong to (data-q), then one
 * focusable mark per record, so each record has exactly one highlight whatever the overlaps.
 */
function rich(ctx: Ctx, start: number, end: number): Child[] {
  const quotes = ctx.annotated.located.filter((q) => q.start >= start && q.end <= end);
  if (quotes.length === 0) return inline(ctx, start, end);
  const points = [...new Set([start, end, ...quotes.flatMap((q) => [q.start, q.end])])].sort((a, b) => a - b);
  const out: Child[] = [];
  let cluster: { element: HTMLElement; ids: LocatedQuote[]; end: number } | null = null;
  const close = () => {
    if (!cluster) return;
    const ordered = [...cluster.ids].sort((a, b) => a.start - b.start || b.end - a.end);
    for (const q of ordered) cluster.element.appendChild(quoteRef(ctx, ctx.entries.get(q.id)!));
    out.push(cluster.element);
    cluster = null;
  };
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const covering = quotes.filter((q) => q.start <= a && q.end >= b);
    if (covering.length === 0) {
      close();
      out.push(...inline(ctx, a, b));
      continue;
    }
    // A quote that starts here begins a new cluster unless one already open runs past this point.
    if (cluster && cluster.end <= a) close();
    if (!cluster) cluster = { element: h(ctx.document, 'span', { class: 'q-cluster' }), ids: [], end: a };
    for (const q of covering) if (!cluster.ids.includes(q)) cluster.ids.push(q);
    cluster.end = Math.max(cluster.end, ...covering.map((q) => q.end));
    cluster.element.appendChild(
      h(ctx.document, 'mark', { class: 'q-text', 'data-q': covering.map((q) => q.id).join(' ') }, ...inline(ctx, a, b)),
    );
  }
  close();
  return out;
}

function valueText(content: StoryContent, entry: ProvenanceEntry): string {
  if (entry.value === undefined || entry.unit === undefined) return content.report.none;
  return formatValue(entry.value, entry.unit, content.lang);
}

/** One record as a card: what a highlight opens, and what a reader without JavaScript reads below the paragraph. */
/**
 * The card's quote: the report's words; in English its gloss above them as the line to read, the
 * Chinese original kept (this page annotates the Chinese text).
 */
function cardQuote(ctx: Ctx, entry: ProvenanceEntry): HTMLElement[] {
  const { document, content } = ctx;
  const original = h(document, 'p', { class: 'q-card-quote' }, h(document, 'q', { lang: 'zh-CN' }, entry.quote));
  const gloss = content.lang === 'en' ? entryGloss(ctx.inputs.dataset, entry) : null;
  if (gloss === null) return [original];
  return [h(document, 'p', { class: 'q-card-quote q-card-gloss' }, h(document, 'q', {}, gloss)), original];
}

function recordCard(ctx: Ctx, entry: ProvenanceEntry): HTMLElement {
  const { document, content } = ctx;
  const { report, lang, chartText } = content;
  const rows: Array<[string, Child | Child[]]> = [];
  rows.push([report.kind, kindLabel(content, entry)]);
  if (entry.kind !== 'project') {
    rows.push([report.value, valueText(content, entry)]);
    rows.push([report.year, String(entry.year)]);
    rows.push([
      report.bound,
      entry.bound.length === 0 || entry.bound.includes('exact')
        ? report.boundExact
        : qualifierText(content, entry.bound),
    ]);
    rows.push([
      report.commitment,
      entry.commitment.length === 0 ? report.none : qualifierText(content, entry.commitment),
    ]);
    const paired = entry.pairedWith ? ctx.entries.get(entry.pairedWith) : undefined;
    rows.push([
      report.pairedWith,
      paired
        ? h(document, 'a', { href: `#q-${paired.id}` }, `${paired.label[lang]}, ${kindLabel(content, paired)}`)
        : report.none,
    ]);
    rows.push([report.comparability, chartText.comparabilityNames[entry.comparability ?? 'single-year']]);
    if (entry.change) rows.push([report.changeLabel, chartText[entry.change]]);
  } else {
    rows.push([report.year, String(entry.year)]);
    const names = entry.townCodes.map((code) => ctx.townNames.get(code)?.[lang] ?? code);
    rows.push([report.towns, names.length > 0 ? names.join(lang === 'zh' ? '、' : ', ') : report.none]);
  }
  if (entry.note) rows.push([report.note, entry.note[lang]]);
  const chartIds = ctx.drawing.get(entry.id) ?? [];
  rows.push([
    report.charts,
    chartIds.length === 0
      ? report.chartsNone
      : h(
          document,
          'ul',
          { class: 'card-charts' },
          ...chartIds.map((chartId) => {
            const figure = storyFigureId(content, chartId);
            return h(
              document,
              'li',
              {},
              h(document, 'span', {}, content.charts[chartId]?.title ?? chartId),
              ' ',
              figure
                ? h(
                    document,
                    'a',
                    { href: `${fromReport(ctx.content.lang).story}#${figure}`, 'data-chart-link': chartId },
                    report.inStory,
                  )
                : null,
              ' ',
              h(
                document,
                'a',
                { href: fromReport(ctx.content.lang).embed(chartId), 'data-chart-link': chartId },
                report.asEmbed,
              ),
            );
          }),
        ),
  ]);
  return h(
    document,
    'li',
    { class: 'q-card', id: `r-${entry.id}`, 'data-record': entry.id },
    h(
      document,
      'p',
      { class: 'q-card-head' },
      h(document, 'span', { class: 'q-card-number' }, formatDigits(ctx.numbers.get(entry.id)!, lang)),
      ' ',
      h(document, 'strong', {}, entry.label[lang]),
    ),
    ...cardQuote(ctx, entry),
    h(
      document,
      'dl',
      {},
      ...rows.flatMap(([term, value]) => [
        h(document, 'dt', {}, term),
        h(document, 'dd', {}, ...(Array.isArray(value) ? value : [value])),
      ]),
    ),
    h(
      document,
      'p',
      { class: 'q-card-links' },
      h(document, 'a', { href: `#q-${entry.id}` }, report.backToText),
      ' ',
      h(document, 'a', { href: `${fromReport(ctx.content.lang).explore}#${entry.id}` }, report.inExplorer),
    ),
  );
}

/** The records highlighted in a block, after it: collapsed, and opened by following a highlight without JS. */
function cardsAfter(ctx: Ctx, block: ReportBlock): HTMLElement | null {
  const quotes = ctx.annotated.located
    .filter((q) => q.block === block.id)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (quotes.length === 0) return null;
  return h(
    ctx.document,
    'details',
    { class: 'q-cards', lang: ctx.content.lang === 'zh' ? 'zh-CN' : 'en' },
    h(
      ctx.document,
      'summary',
      {},
      fillTemplate(ctx.content.report.recordsInBlock, { n: formatDigits(quotes.length, ctx.content.lang) }),
    ),
    h(ctx.document, 'ol', { class: 'q-card-list' }, ...quotes.map((q) => recordCard(ctx, ctx.entries.get(q.id)!))),
  );
}

function renderBlock(ctx: Ctx, block: ReportBlock): Child[] {
  const { document } = ctx;
  switch (block.kind) {
    case 'title':
      return [h(document, 'p', { class: 'report-doc-title', id: block.id }, ...rich(ctx, block.start, block.end))];
    case 'occasion':
      return [
        h(document, 'p', { class: 'report-occasion', id: block.id }, ...rich(ctx, block.start, block.end)),
        cardsAfter(ctx, block),
      ];
    case 'heading':
      return [h(document, 'h2', { id: block.id }, ...rich(ctx, block.start, block.end))];
    case 'section':
      return [
        h(document, 'h3', { id: block.id }, ...rich(ctx, block.start, block.headEnd!)),
        block.headEnd! < block.end ? h(document, 'p', {}, ...rich(ctx, block.headEnd!, block.end)) : null,
        cardsAfter(ctx, block),
      ];
    case 'glossary':
      return [
        h(document, 'p', { class: 'glossary-item', id: block.id }, ...rich(ctx, block.start, block.end)),
        cardsAfter(ctx, block),
      ];
    default:
      return [h(document, 'p', { id: block.id }, ...rich(ctx, block.start, block.end)), cardsAfter(ctx, block)];
  }
}

function toc(ctx: Ctx): HTMLElement {
  const { document, annotated, content } = ctx;
  const text = annotated.report.text;
  const items: HTMLElement[] = [];
  let current: HTMLElement | null = null;
  for (const block of annotated.report.blocks) {
    if (block.kind === 'heading') {
      current = h(document, 'ol', {});
      items.push(
        h(document, 'li', {}, h(document, 'a', { href: `#${block.id}` }, text.slice(block.start, block.end)), current),
      );
    } else if (block.kind === 'section' && current) {
      current.appendChild(
        h(document, 'li', {}, h(document, 'a', { href: `#${block.id}` }, text.slice(block.start, block.headEnd))),
      );
    }
  }
  for (const item of items) {
    const list = item.querySelector('ol');
    if (list && list.childNodes.length === 0) list.remove();
  }
  return h(
    document,
    'nav',
    { class: 'report-toc', 'aria-labelledby': 'toc-heading' },
    h(document, 'h2', { id: 'toc-heading', lang: content.lang === 'zh' ? 'zh-CN' : 'en' }, content.report.contents),
    h(document, 'ol', { lang: 'zh-CN' }, ...items),
  );
}

/** The body of /report/ (zh) or /en/report/ (en): the same Chinese text, the page's own language around it. */
export function reportBody(
  document: Document,
  inputs: ChartInputs,
  content: StoryContent,
  annotated: AnnotatedReport,
): Node[] {
  const all = provenance(inputs.dataset);
  const entries = new Map(all.map((entry) => [entry.id, entry]));
  const ordered = [...annotated.located].sort((a, b) => a.start - b.start || b.end - a.end);
  const numbers = new Map(ordered.map((q, i) => [q.id, i + 1]));
  const townNames = new Map(towns(inputs.geo).map((town) => [town.properties.code, town.properties.name]));
  const ctx: Ctx = {
    document,
    content,
    inputs,
    annotated,
    entries,
    numbers,
    drawing: chartsDrawing(inputs, all),
    townNames,
  };
  const { report, lang } = content;
  const links = fromReport(lang);
  return [
    h(document, 'a', { class: 'skip-link', href: '#report-text' }, content.page.skipToContent),
    h(
      document,
      'nav',
      { class: 'report-nav', 'aria-label': report.title },
      h(document, 'a', { href: links.story }, report.storyLink),
      h(document, 'a', { href: links.explore }, report.exploreLink),
      h(document, 'a', { href: links.data }, report.dataLink),
      languageSwitch(document, content, PAGES.report),
    ),
    h(
      document,
      'main',
      { id: 'main', class: 'report', 'data-lang': lang },
      h(
        document,
        'header',
        { class: 'report-intro' },
        h(document, 'h1', {}, report.title),
        h(document, 'p', {}, report.intro),
        h(document, 'noscript', {}, h(document, 'p', { class: 'report-nojs' }, report.introNoJs)),
        h(
          document,
          'p',
          {},
          fillTemplate(report.artefactIntro, {
            count: formatDigits(annotated.artefacts.length, lang),
            token: annotated.artefacts[0]?.note.token ?? '',
          }),
        ),
        h(
          document,
          'p',
          { class: 'report-source' },
          `${inputs.dataset.source.title[lang]} · ${inputs.dataset.source.date} · ${inputs.dataset.source.venue[lang]}`,
        ),
      ),
      toc(ctx),
      h(
        document,
        'article',
        { class: 'report-text', id: 'report-text', lang: 'zh-CN', tabindex: -1 },
        ...annotated.report.blocks.flatMap((block) => renderBlock(ctx, block)),
      ),
    ),
    h(
      document,
      'div',
      {
        class: 'q-pop',
        hidden: true,
        role: 'dialog',
        'aria-modal': 'false',
        'aria-labelledby': 'q-pop-title',
        tabindex: -1,
      },
      h(
        document,
        'p',
        { class: 'q-pop-bar' },
        h(document, 'span', { id: 'q-pop-title' }, report.recordLabel),
        h(document, 'button', { type: 'button', class: 'q-pop-close' }, report.close),
      ),
      h(document, 'div', { class: 'q-pop-body' }),
    ),
  ];
}
