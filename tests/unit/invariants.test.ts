import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-node';
import { loadTopology } from '../../src/geo/load-node';
import { contentByLang } from '../../src/content';
import { findCrossFileProblems } from '../../src/site/check-inputs';
import { formatProblem } from '../../src/data/validate';
import type { StoryContent } from '../../src/content/types';

const dataset = loadDataset();
const geo = loadTopology();
const files = {
  dataset: 'data/metrics.json',
  topology: 'data/gaoping.topojson',
  content: { zh: 'src/content/zh.json', en: 'src/content/en.json' },
};
const problems = (d = dataset, content = contentByLang) =>
  findCrossFileProblems(d, geo, content, files).map(formatProblem);

describe('cross-file invariants', () => {
  it('hold for the committed dataset, map and copy', () => {
    expect(problems()).toEqual([]);
  });

  it('catch a chart whose metric was removed from the dataset', () => {
    const edited = structuredClone(dataset);
    edited.metrics = edited.metrics.filter((m) => m.id !== 'foreign-direct-investment');
    const found = problems(edited);
    expect(found).toContain(
      'data/metrics.json: chart "fdi-annotated": field "describe": zh: unknown metric id "foreign-direct-investment"',
    );
    expect(
      found.some((p) =>
        p.startsWith(
          'src/content/zh.json: blocks[2] (kpis): field "items[2].value": unknown metric id "foreign-direct-investment"',
        ),
      ),
    ).toBe(true);
  });

  it('catch a chart whose metric stops being a comparable pair', () => {
    const edited = structuredClone(dataset);
    const fdi = edited.metrics.find((m) => m.id === 'foreign-direct-investment')!;
    fdi.comparable = false;
    fdi.note = { zh: '口径不同', en: 'different measures' };
    expect(problems(edited)).toContain(
      'data/metrics.json: chart "fdi-annotated": field "describe": zh: foreign-direct-investment must be a comparable pair for the annotated chart',
    );
  });

  it('catch a project tied to a town the map does not have', () => {
    const edited = structuredClone(dataset);
    edited.projects.find((p) => p.id === 'changle-bamboo-base-2024')!.codes = ['511303199'];
    expect(problems(edited)).toContain(
      'data/metrics.json: project "changle-bamboo-base-2024": field "codes": town code 511303199 is not a town in data/gaoping.topojson',
    );
  });

  it('catch English copy that lost a key Chinese has', () => {
    const en = structuredClone(contentByLang.en) as StoryContent;
    delete (en.page as Partial<StoryContent['page']>).embedGetData;
    expect(problems(dataset, { zh: contentByLang.zh, en })).toContain(
      'src/content/en.json: content: field "page.embedGetData": missing; src/content/zh.json has it',
    );
  });

  it('catch a step that highlights a town that does not exist, and an unknown placeholder', () => {
    const zh = structuredClone(contentByLang.zh) as StoryContent;
    const map = zh.blocks.find((b) => b.type === 'scrolly' && b.id === 'map');
    if (map?.type !== 'scrolly') throw new Error('no map section');
    map.steps[1]!.focus = ['511303998'];
    map.steps[2]!.text = '{gdp-growth.nonsense}';
    const found = problems(dataset, { zh, en: contentByLang.en });
    expect(
      found.some((p) =>
        /src\/content\/zh\.json: blocks\[\d+\] \(scrolly "map"\): field "steps\[1\]\.focus": focus names unknown town code "511303998"/.test(
          p,
        ),
      ),
    ).toBe(true);
    expect(found.some((p) => /field "steps\[2\]\.text": unknown field "\{gdp-growth\.nonsense\}"/.test(p))).toBe(true);
  });
});
