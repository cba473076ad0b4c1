import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from '../../src/design/text-width';

describe('the one text-width estimate (charts, phone fit, share cards, poster)', () => {
  it('gives a Chinese character and a full-width mark one em', () => {
    expect(estimateTextWidth('高坪区', 10)).toBe(30);
    expect(estimateTextWidth('，（）', 10)).toBe(30);
    // The fonts draw → full width: estimated narrower, "6.1% → 6.5%以上" ran into the poster's next column.
    expect(estimateTextWidth('→', 10)).toBe(10);
  });

  it('gives Latin capitals and digits more room than lower case, and narrow marks and spaces less', () => {
    const em = (text: string) => estimateTextWidth(text, 1);
    expect(em('GDP')).toBeGreaterThan(em('gdp'));
    expect(em('0')).toBeGreaterThan(em('o'));
    expect(em('i')).toBeLessThan(em('o'));
    expect(em(' ')).toBeLessThan(em('o'));
    expect(em('—')).toBeLessThan(em('高'));
    expect(em('—')).toBeGreaterThan(em('o'));
  });

  it('scales with the font size and adds up over characters', () => {
    expect(estimateTextWidth('+6.5%', 26)).toBeCloseTo(2 * estimateTextWidth('+6.5%', 13));
    expect(estimateTextWidth('GDP增长6.5%', 13)).toBeCloseTo(
      estimateTextWidth('GDP', 13) + estimateTextWidth('增长', 13) + estimateTextWidth('6.5%', 13),
    );
    expect(estimateTextWidth('', 13)).toBe(0);
  });
});
