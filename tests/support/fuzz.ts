/** Deterministic hostile strings for URL parameters (seeded, so a failure can be replayed). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FUZZ_MARKER = '__fuzzHit';

const PAYLOADS = [
  `<img src=x onerror=window.${FUZZ_MARKER}=1>`,
  `"><script>window.${FUZZ_MARKER}=1</script>`,
  `</script><svg onload=window.${FUZZ_MARKER}=1>`,
  `javascript:window.${FUZZ_MARKER}=1`,
  `JaVaScRiPt:alert(1)`,
  `data:text/html,<script>window.${FUZZ_MARKER}=1</script>`,
  `' onmouseover='window.${FUZZ_MARKER}=1`,
  `{{constructor.constructor('window.${FUZZ_MARKER}=1')()}}`,
  `\${window.${FUZZ_MARKER}=1}`,
  `<iframe srcdoc="<script>parent.${FUZZ_MARKER}=1</script>">`,
  '%E0%A4%A',
  '%',
  '%%',
  '%00',
  '%0d%0aSet-Cookie:x=1',
  '\u0000',
  '\u202e\u202d',
  '\u200b\u200c\u200d',
  '高坪区😀𠜎',
  'ﷺ',
  'ثيم',
  'Z̸̢̛a̷l̶g̵o̴',
  '\ud800',
  'dark\u0000',
  ' dark ',
  'DARK',
  '0x1',
  '-1',
  '1e309',
  'NaN',
  'undefined',
  'null',
  '[]',
  '{}',
];
const KEYS = [
  'theme',
  'title',
  'lang',
  'childId',
  'initialWidth',
  'parentUrl',
  'parentTitle',
  'chart',
  'step',
  '__proto__',
  'constructor',
  'x',
];

/** encodeURIComponent, except that a lone surrogate becomes the raw, malformed bytes a browser might send. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd')) + '%ED%A0%80';
  }
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function value(random: () => number): string {
  const kind = random();
  if (kind < 0.1)
    return pick(random, PAYLOADS)
      .repeat(1 + Math.floor(random() * 200))
      .slice(0, 3000);
  if (kind < 0.2)
    return Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
      String.fromCodePoint(0x20 + Math.floor(random() * 0x2fff0)),
    ).join('');
  if (kind < 0.3) return pick(random, ['light', 'dark', 'auto', '0', '1', 'true', 'false']);
  return pick(random, PAYLOADS);
}

/** N query strings: encoded and raw, single and repeated keys, very long, unicode, markup, javascript: URLs. */
export function hostileQueries(count: number, seed = 20250219, keys: readonly string[] = KEYS): string[] {
  const random = seededRandom(seed);
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const pairs = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const key = random() < 0.7 ? pick(random, keys.slice(0, 3)) : pick(random, keys);
      const raw = value(random);
      return random() < 0.6 ? `${encode(key)}=${encode(raw)}` : `${key}=${raw.replace(/[#\s\ud800-\udfff]/g, encode)}`;
    });
    if (random() < 0.15) pairs.push(...pairs);
    queries.push(`?${pairs.join('&')}`);
  }
  return queries;
}
