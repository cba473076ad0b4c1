import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-node';
import { targetChanges } from '../../src/data/derive';

const dataset = loadDataset();
const changeOf = (id: string) => targetChanges(dataset).find((c) => c.metric.id === id)!;

describe('target changes', () => {
  it('compares rates in 百分点 and levels in per cent', () => {
    expect(changeOf('budget-revenue-growth')).toMatchObject({ measure: '百分点', change: 8.3, shift: 'raised' });
    expect(changeOf('industrial-value-added-growth')).toMatchObject({
      measure: '百分点',
      change: -2.4,
      shift: 'lowered',
    });
    expect(changeOf('foreign-direct-investment')).toMatchObject({ measure: '%', change: -45.9, shift: 'lowered' });
    expect(changeOf('grain-output')).toMatchObject({ measure: '%', change: 0, shift: 'held' });
  });
  it('sorts by the size of the change, largest rise first', () => {
    const changes = targetChanges(dataset).map((c) => c.change);
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
  });
});
