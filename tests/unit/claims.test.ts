import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-node';
import { loadTopology } from '../../src/geo/load-node';
import { comparablePairs, targetChanges } from '../../src/data/derive';
import { projectsByTown } from '../../src/data/town-projects';

/**
 * The story's words make claims that the numbers fill in only partly ("the fastest", "appears
 * most", "among the deepest cuts"). If a dataset edit makes one untrue, this fails, naming the
 * sentence to rewrite in src/content/{zh,en}.json.
 */
const dataset = loadDataset();
const changes = targetChanges(dataset);
const change = (id: string) => changes.find((c) => c.metric.id === id)!;

describe('claims the copy makes still hold', () => {
  it('headline: most targets are above 2024; industry is the one below, and grew fastest in 2024', () => {
    const headline = changes.filter((c) => c.metric.sector === 'headline');
    expect(headline.filter((c) => c.shift === 'raised').length).toBeGreaterThan(headline.length / 2);
    expect(headline.filter((c) => c.shift === 'lowered').map((c) => c.metric.id)).toEqual(['industrial-value-added-growth']);
    const fastest = [...headline].sort((a, b) => b.metric.actual2024.value - a.metric.actual2024.value)[0]!;
    expect(fastest.metric.id).toBe('industrial-value-added-growth');
  });

  it('headline: the biggest rises are retail sales and budget revenue', () => {
    const top = changes.filter((c) => c.metric.sector === 'headline').slice(0, 2).map((c) => c.metric.id).sort();
    expect(top).toEqual(['budget-revenue-growth', 'retail-sales-growth']);
  });

  it('rates: budget revenue rises most; the lowered ones are industry, private sector and services; forest and water hold', () => {
    const rates = changes.filter((c) => c.measure === '百分点');
    expect(rates[0]!.metric.id).toBe('budget-revenue-growth');
    expect(rates.filter((c) => c.shift === 'lowered').map((c) => c.metric.id).sort()).toEqual(['industrial-value-added-growth', 'private-economy-growth', 'services-value-added-growth']);
    expect(rates.filter((c) => c.shift === 'held').map((c) => c.metric.id).sort()).toEqual(['forest-cover', 'water-quality-compliance']);
  });

  it('levels: lifts, high-tech firms and FDI are the deepest cuts', () => {
    const levels = changes.filter((c) => c.measure === '%');
    expect(levels.slice(-3).map((c) => c.metric.id).sort()).toEqual(['foreign-direct-investment', 'lifts-added', 'new-high-tech-firms']);
  });

  it('sectors: grain held, vegetables and hogs slightly up, factory space and key-project investment below 2024, trade close to 2024', () => {
    expect(change('grain-output').shift).toBe('held');
    for (const id of ['vegetable-output', 'hogs-slaughtered']) expect(change(id).change).toBeGreaterThan(0);
    for (const id of ['vegetable-output', 'hogs-slaughtered']) expect(change(id).change).toBeLessThan(10);
    for (const id of ['standard-factory-floor-space', 'key-project-investment', 'urban-new-jobs']) expect(change(id).shift).toBe('lowered');
    expect(change('tech-smes-registered').shift).toBe('raised');
    expect(Math.abs(change('foreign-trade-total').change)).toBeLessThan(1);
  });

  it('map: Changle is named in more projects than any other town', () => {
    const counts = projectsByTown(dataset, loadTopology()).map((e) => ({ code: e.town.code, n: e.results.length + e.plans.length }));
    const top = [...counts].sort((a, b) => b.n - a.n);
    expect(top[0]!.code).toBe('511303107');
    expect(top[0]!.n).toBeGreaterThan(top[1]!.n);
  });
});
