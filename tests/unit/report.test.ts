import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadReportText, reportPath } from '../../src/data/report-node';
import { locateArtefacts, locateQuotes, parseReport } from '../../src/data/report-text';
import { occurrences } from '../../src/data/ledger';
import { provenance, type ProvenanceEntry } from '../../src/data/provenance';
import { annotateReport } from '../../src/site/provenance-pages';
import { reportBody } from '../../src/report/report-page';
import { newDocument } from '../../src/site/html-document';
import { contentByLang } from '../../src/content';
import { DatasetError } from '../../src/data/validate';
import { inTempFolder } from '../../src/publish/temp-folder';
import { dataset, inputs } from '../support/render';

const FILES = { dataset: 'data/metrics.json', report: 'report.txt' };
const text = loadReportText();
const report = parseReport(text);
const entries = provenance(dataset);

describe('the report parser', () => {
  it('finds the title, the parts, the numbered sections, the paragraphs and the 37 glossary entries, and drops the page furniture', () => {
    const kinds = (kind: string) => report.blocks.filter((block) => block.kind === kind);
    expect(report.blocks[0]!.kind).toBe('title');
    expect(report.blocks[1]!.kind).toBe('occasion');
    expect(kinds('heading').map((b) => text.slice(b.start, b.end))).toEqual([
      '2024年工作回顾',
      '2025年工作任务',
      '政府自身建设',
      '名词解释',
    ]);
    expect(kinds('section').map((b) => text.slice(b.start, b.start + 3))).toEqual([
      '(一)',
      '(二)',
      '(三)',
      '(四)',
      '(五)',
      '(六)',
      '(一)',
      '(二)',
      '(三)',
      '(四)',
      '(五)',
      '(六)',
    ]);
    expect(text.slice(kinds('section')[0]!.start, kinds('section')[0]!.headEnd)).toBe(
      '(一)综合施策稳增长,发展动能更加强劲。',
    );
    expect(kinds('glossary').map((b) => b.number)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    expect(report.furniture).toBe('扫一扫在手机打开当前页');
    expect(report.blocks.some((b) => text.slice(b.start, b.end).includes('扫一扫'))).toBe(false);
    expect(new Set(report.blocks.map((b) => b.id)).size).toBe(report.blocks.length);
  });

  it('keeps every line of the text except the furniture, verbatim, in exactly one block', () => {
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, -1);
    expect(report.blocks.map((b) => text.slice(b.start, b.end))).toEqual(lines);
  });

  it('reads numbered parts (一、) and full-width parentheses too', () => {
    const parsed = parseReport('标题\n一、总体要求\n（一）第一项。正文。\n正文段落，有标点。\n');
    expect(parsed.blocks.map((b) => b.kind)).toEqual(['title', 'heading', 'section', 'paragraph']);
    expect(parsed.furniture).toBeNull();
  });
});

describe('locating quotes', () => {
  it('finds every quote of the dataset in the report, inside one block', () => {
    const { located, problems } = locateQuotes(report, entries, FILES);
    expect(problems).toEqual([]);
    expect(located).toHaveLength(entries.length);
    for (const quote of located)
      expect(text.slice(quote.start, quote.end)).toBe(entries.find((e) => e.id === quote.id)!.quote);
  });

  const entry = (over: Partial<ProvenanceEntry>): ProvenanceEntry => ({ ...entries[0]!, ...over });

  it('stops on a quote that is not in the report, naming record and field', () => {
    const { problems } = locateQuotes(
      report,
      [
        entry({
          id: 'x-2024',
          quote: '全年地区生产总值增长9.9%',
          origin: { record: 'metric "x"', field: 'actual2024.quote' },
        }),
      ],
      FILES,
    );
    expect(problems).toEqual([
      {
        file: 'data/metrics.json',
        record: 'metric "x"',
        field: 'actual2024.quote',
        message: expect.stringContaining('is not in report.txt'),
      },
    ]);
  });

  it('stops on a quote found more than once without an occurrence, and uses the occurrence when given', () => {
    const repeated = '森林覆盖率保持在34.62%';
    expect(occurrences(text, repeated)).toHaveLength(2);
    const { problems } = locateQuotes(
      report,
      [entry({ id: 'forest', quote: repeated, origin: { record: 'record "forest"', field: 'quote' } })],
      FILES,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      record: 'record "forest"',
      field: 'quote',
      message: expect.stringContaining('occurs 2 times'),
    });
    const second = locateQuotes(report, [entry({ id: 'forest', quote: repeated, occurrence: 2 })], FILES);
    expect(second.problems).toEqual([]);
    expect(second.located[0]!.start).toBe(occurrences(text, repeated)[1]);
    expect(
      locateQuotes(report, [entry({ id: 'forest', quote: repeated, occurrence: 3 })], FILES).problems[0]!.field,
    ).toBe('occurrence');
  });

  it('stops the build with every problem named (DatasetError)', () => {
    const broken = structuredClone(dataset);
    broken.metrics[0]!.actual2024!.quote = '这句话不在报告里';
    expect(() => annotateReport({ ...inputs, dataset: broken }, text, FILES)).toThrow(DatasetError);
    expect(() => annotateReport({ ...inputs, dataset: broken }, text, FILES)).toThrow(
      `data/metrics.json: record "${broken.metrics[0]!.actual2024!.id}": field "quote"`,
    );
  });

  it('stops with the file named when the report text is missing', () => {
    inTempFolder('gaoping-report', (dir) => {
      const missing = join(dir, 'nope.txt');
      expect(() => loadReportText(missing)).toThrow(missing);
      expect(() => loadReportText(missing)).toThrow('REPORT_FILE');
    });
    expect(reportPath()).toMatch(/data\/sources\/gaoping-2025-work-report.txt$/);
  });
});

describe('the artefact places', () => {
  it('finds all ten places and each token in them; a token outside them is a problem', () => {
    const { places, problems } = locateArtefacts(report, dataset.source.notes, FILES);
    expect(problems).toEqual([]);
    expect(places).toHaveLength(10);
    expect(places.flatMap((p) => p.tokens)).toHaveLength(occurrences(text, '亚洲通').length);
    const fewer = locateArtefacts(report, dataset.source.notes.slice(1), FILES);
    expect(fewer.problems.length).toBeGreaterThan(0);
    expect(fewer.problems[0]!.message).toContain('not in any of source.notes');
  });
});

describe('the annotated report page', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`gives every record exactly one highlight whose marked text is its quote, and marks every artefact (${lang})`, () => {
      const annotated = annotateReport(inputs, text, FILES);
      const document = newDocument();
      document.body.append(...reportBody(document, inputs, contentByLang[lang], annotated));
      for (const entry of entries) {
        const refs = document.querySelectorAll(`a.q[data-record="${entry.id}"]`);
        expect(refs.length, entry.id).toBe(1);
        expect(refs[0]!.getAttribute('id')).toBe(`q-${entry.id}`);
        const cluster = refs[0]!.closest('.q-cluster')!;
        const marked = Array.from(cluster.querySelectorAll('mark.q-text'))
          .filter((m) => (m.getAttribute('data-q') ?? '').split(' ').includes(entry.id))
          .map((m) => m.textContent)
          .join('');
        expect(marked, entry.id).toBe(entry.quote);
        expect(document.getElementById(`r-${entry.id}`)).not.toBeNull();
      }
      expect(document.querySelectorAll('a.q')).toHaveLength(entries.length);
      expect(document.querySelectorAll('.artefact')).toHaveLength(occurrences(text, '亚洲通').length);
      expect(
        new Set(Array.from(document.querySelectorAll('.artefact')).map((a) => a.getAttribute('data-artefact'))).size,
      ).toBe(10);
      // The token is never text a reader gets as a word: it is struck through and hidden from assistive technology.
      for (const token of Array.from(document.querySelectorAll('.artefact-token')))
        expect(token.getAttribute('aria-hidden')).toBe('true');
      expect(document.querySelector('article')!.getAttribute('lang')).toBe('zh-CN');
      expect(document.body.textContent).not.toContain('扫一扫');
    });
  }
});
