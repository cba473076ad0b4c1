import type { Topology } from 'topojson-specification';
import type { Dataset } from '../data/types';
import type { Lang, StoryContent, Block } from '../content/types';
import { findPlaceProblems, type DataProblem } from '../data/validate';
import { charts, chartById } from '../charts/registry';
import { townCodes } from '../geo/town-codes';
import { fillCopy, resolveFocus } from '../story/fill';

export interface InputFiles {
  dataset: string;
  topology: string;
  content: Record<Lang, string>;
}

/** Every chart finds what it draws in this dataset, and can describe itself and list its rows from it. */
function findChartProblems(
  dataset: Dataset,
  geo: Topology,
  content: Record<Lang, StoryContent>,
  files: InputFiles,
): DataProblem[] {
  const problems: DataProblem[] = [];
  const inputs = { dataset, geo };
  for (const chart of charts) {
    const add = (field: string, message: string) =>
      problems.push({ file: files.dataset, record: `chart "${chart.id}"`, field, message });
    const attempt = (field: string, run: () => unknown) => {
      try {
        run();
      } catch (error) {
        add(field, (error as Error).message);
      }
    };
    attempt('keys', () => chart.keys(inputs));
    attempt('rows', () => chart.rows(inputs));
    for (const lang of ['zh', 'en'] as const) {
      attempt('describe', () => {
        try {
          chart.describe(inputs, lang, content[lang].chartText);
        } catch (error) {
          throw new Error(`${lang}: ${(error as Error).message}`, { cause: error });
        }
      });
    }
  }
  return problems;
}

const keyPaths = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).flatMap(([key, child]) => [`${prefix}${key}`, ...keyPaths(child, `${prefix}${key}.`)])
    : [];

function blockName(block: Block, index: number): string {
  return block.type === 'scrolly' ? `blocks[${index}] (scrolly "${block.id}")` : `blocks[${index}] (${block.type})`;
}

/** zh and en copy are complete and the same shape; every placeholder, chart and focus resolves. */
function findContentProblems(
  dataset: Dataset,
  geo: Topology,
  content: Record<Lang, StoryContent>,
  files: InputFiles,
): DataProblem[] {
  const problems: DataProblem[] = [];
  const towns = townCodes(geo);
  for (const [lang, other] of [
    ['zh', 'en'],
    ['en', 'zh'],
  ] as const) {
    const mine = new Set(keyPaths({ ...content[lang], blocks: undefined }));
    for (const path of keyPaths({ ...content[other], blocks: undefined })) {
      if (!mine.has(path))
        problems.push({
          file: files.content[lang],
          record: 'content',
          field: path,
          message: `missing; ${files.content[other]} has it`,
        });
    }
  }
  for (const lang of ['zh', 'en'] as const) {
    const file = files.content[lang];
    const { blocks } = content[lang];
    if (blocks.length !== content.zh.blocks.length) {
      problems.push({
        file,
        record: 'content',
        field: 'blocks',
        message: `has ${blocks.length} blocks; ${files.content.zh} has ${content.zh.blocks.length}`,
      });
    }
    blocks.forEach((block, index) => {
      const record = blockName(block, index);
      const counterpart = content[lang === 'zh' ? 'en' : 'zh'].blocks[index];
      if (counterpart?.type !== block.type)
        problems.push({
          file,
          record,
          field: 'type',
          message: `is "${block.type}" in one language and "${counterpart?.type}" in the other`,
        });
      const check = (field: string, text: string) => {
        try {
          fillCopy(text, dataset, lang);
        } catch (error) {
          problems.push({ file, record, field, message: (error as Error).message });
        }
      };
      for (const [key, value] of Object.entries(block))
        if (typeof value === 'string' && key !== 'type' && key !== 'id' && key !== 'chart') check(key, value);
      if (block.type === 'kpis') block.items.forEach((item, i) => check(`items[${i}].value`, item.value));
      if (block.type === 'text' || block.type === 'methods')
        block.paragraphs.forEach((p, i) => check(`paragraphs[${i}]`, p));
      if (block.type === 'chart' && !chartById(block.chart))
        problems.push({ file, record, field: 'chart', message: `no registered chart "${block.chart}"` });
      if (block.type === 'scrolly') {
        block.steps.forEach((step, i) => {
          check(`steps[${i}].text`, step.text);
          if (!chartById(step.chart))
            problems.push({ file, record, field: `steps[${i}].chart`, message: `no registered chart "${step.chart}"` });
          try {
            resolveFocus(step.focus, dataset, towns);
          } catch (error) {
            problems.push({ file, record, field: `steps[${i}].focus`, message: (error as Error).message });
          }
        });
      }
    });
    for (const chart of charts) {
      if (!content[lang].charts[chart.id]?.title)
        problems.push({ file, record: `charts."${chart.id}"`, field: 'title', message: 'missing' });
    }
  }
  return problems;
}

/** Everything the build checks across files, after each file's own validation. */
export function findCrossFileProblems(
  dataset: Dataset,
  geo: Topology,
  content: Record<Lang, StoryContent>,
  files: InputFiles,
): DataProblem[] {
  return [
    ...findPlaceProblems(dataset, files.dataset, townCodes(geo), files.topology),
    ...findChartProblems(dataset, geo, content, files),
    ...findContentProblems(dataset, geo, content, files),
  ];
}
