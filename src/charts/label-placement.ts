/**
 * Label placement for points (the map's towns): each label goes beside its point if it can, else
 * further out with a leader line to it; a label that fits nowhere is reported, never dropped quietly.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Point {
  x: number;
  y: number;
}

export interface LabelRequest {
  key: string;
  x: number;
  y: number;
  /** Radius of the point's own mark, so labels clear it. */
  radius: number;
  width: number;
  height: number;
  /** Placed first, as near its point as it fits. */
  priority: number;
}

interface Segment {
  from: Point;
  to: Point;
}

interface PlacedLabel {
  key: string;
  /**
   * Where the text is anchored: on the box's edge nearest the point (vertical middle), so a text
   * the browser draws narrower or wider than estimated keeps its distance from its own point.
   */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
  /** From the edge of the point's mark to the label's box, for a label set away from its point. */
  leader?: Segment;
}

interface Placement {
  placed: PlacedLabel[];
  /** Keys of the labels that fit nowhere (the caller's tests fail on them). */
  unplaced: string[];
}

/** What labels must keep clear of: marks and the key (boxes), other texts (boxes, kept apart as words). */
interface Obstacles {
  marks: Box[];
  labels: Box[];
}

/** A label beside its point: this far from the edge of the point's mark. */
const NEAR_GAP = 3;
/**
 * A label further than this from the edge of its point's mark is away from it and has a leader
 * line; one this near or nearer has none. The placer puts nothing between NEAR_GAP and LEADER_GAP.
 */
export const AWAY_GAP = 6;
const LEADER_GAP = 10;
/** The distances a label set away may sit from its point's mark, nearest first. */
const LEADER_GAPS = [LEADER_GAP, 14, 19, 25, 32, 40, 49, 59, 70, 82, 96];
/** Room left between a label and its own point's rivals, for text measured differently than estimated. */
const NEAREST_MARGIN = 4;
/** Room kept round every other point's mark: for labels, and (less, as points may nearly touch) for leader lines. */
const MARK_MARGIN = 2;
const LEADER_MARGIN = 1;
/**
 * Two labels on one line need at least this much between their boxes, or they read as one
 * phrase ("Xiaolong Dongguan").
 */
const PHRASE_GAP = 14;
/** How many directions a label set away may lie in from its point. */
const DIRECTIONS = 48;
/** Where along its side facing the point a label set away meets its leader line (share of the side). */
const SLIDES = [0.5, 0.15, 0.85];

/** Callers add this much on each side of a label's estimated text width. */
export const PADDING = 2;

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Two texts too close to read apart: overlapping, or on one line with less than a word space between. */
function textsClash(a: Box, b: Box): boolean {
  if (overlaps(a, b)) return true;
  const sharedHeight = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (sharedHeight < Math.min(a.height, b.height) / 2) return false;
  const gap = Math.max(a.x - (b.x + b.width), b.x - (a.x + a.width));
  return gap < PHRASE_GAP;
}

function inside(box: Box, frame: Box): boolean {
  return (
    box.x >= frame.x &&
    box.y >= frame.y &&
    box.x + box.width <= frame.x + frame.width &&
    box.y + box.height <= frame.y + frame.height
  );
}

/** The point of a box nearest a point. */
function nearestOnBox(point: Point, box: Box): Point {
  return {
    x: Math.min(Math.max(point.x, box.x), box.x + box.width),
    y: Math.min(Math.max(point.y, box.y), box.y + box.height),
  };
}

export function distanceToBox(point: Point, box: Box): number {
  const nearest = nearestOnBox(point, box);
  return Math.hypot(nearest.x - point.x, nearest.y - point.y);
}

function distanceToSegment(point: Point, { from, to }: Segment): number {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - from.x) * dx + (point.y - from.y) * dy) / length));
  return Math.hypot(from.x + t * dx - point.x, from.y + t * dy - point.y);
}

function segmentsCross(a: Segment, b: Segment): boolean {
  const side = (p: Point, q: Point, r: Point) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  return (
    side(a.from, a.to, b.from) * side(a.from, a.to, b.to) < 0 &&
    side(b.from, b.to, a.from) * side(b.from, b.to, a.to) < 0
  );
}

/** A segment through a box (Liang–Barsky clipping). */
function segmentHitsBox({ from, to }: Segment, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const edges: Array<[number, number]> = [
    [-dx, from.x - box.x],
    [dx, box.x + box.width - from.x],
    [-dy, from.y - box.y],
    [dy, box.y + box.height - from.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  // Touching the box's edge only (where a leader meets its own label) is not a hit.
  return t1 - t0 > 1e-6;
}

interface Candidate {
  box: Box;
  leader: boolean;
  cost: number;
}

/** Beside the point: right, left, the four corners, above, below, then right and left a little higher or lower. */
function nearCandidates(request: LabelRequest): Candidate[] {
  const { x, y, width: w, height: h } = request;
  const offset = request.radius + NEAR_GAP;
  // A corner box touches the circle of this radius at its corner.
  const diagonal = offset / Math.SQRT2;
  const boxes: Array<[number, number]> = [
    [x + offset, y - h / 2],
    [x - offset - w, y - h / 2],
    [x + diagonal, y - diagonal - h],
    [x + diagonal, y + diagonal],
    [x - diagonal - w, y - diagonal - h],
    [x - diagonal - w, y + diagonal],
    [x - w / 2, y - offset - h],
    [x - w / 2, y + offset],
    [x + offset, y - h * 0.8],
    [x + offset, y - h * 0.2],
    [x - offset - w, y - h * 0.8],
    [x - offset - w, y - h * 0.2],
  ];
  return boxes.map(([left, top], index) => ({
    box: { x: left, y: top, width: w, height: h },
    leader: false,
    cost: index,
  }));
}

/**
 * Further out, with a leader line: in 24 directions at each distance, the box's side (or corner)
 * facing the point that far from the point's mark. Sideways first, then the nearest.
 */
function leaderCandidates(request: LabelRequest): Candidate[] {
  const { x, y, width: w, height: h, radius } = request;
  const candidates: Candidate[] = [];
  for (const gap of LEADER_GAPS) {
    for (let i = 0; i < DIRECTIONS; i++) {
      const angle = (i * 2 * Math.PI) / DIRECTIONS;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      // Where the leader meets the label: on the side facing the point, at its middle or near an end.
      const ax = x + (radius + gap) * cos;
      const ay = y + (radius + gap) * sin;
      for (const slide of SLIDES) {
        const box =
          Math.abs(cos) >= Math.abs(sin)
            ? { x: cos > 0 ? ax : ax - w, y: ay - h * slide, width: w, height: h }
            : { x: ax - w * slide, y: sin > 0 ? ay : ay - h, width: w, height: h };
        // Clearly away from the mark: never in the band where a reader could not tell.
        if (distanceToBox(request, box) - radius < LEADER_GAP - 0.5) continue;
        candidates.push({ box, leader: true, cost: 20 + gap + 6 * Math.abs(sin) + 4 * Math.abs(slide - 0.5) });
      }
    }
  }
  return candidates;
}

/** The leader from the edge of the point's mark to the nearest point of the label's box. */
function leaderFor(request: LabelRequest, box: Box): Segment {
  const to = nearestOnBox(request, box);
  const length = Math.hypot(to.x - request.x, to.y - request.y);
  const from = {
    x: request.x + ((to.x - request.x) * request.radius) / length,
    y: request.y + ((to.y - request.y) * request.radius) / length,
  };
  return { from, to };
}

function anchorFor(request: LabelRequest, box: Box): PlacedLabel['anchor'] {
  if (box.x >= request.x) return 'start';
  if (box.x + box.width <= request.x) return 'end';
  return 'middle';
}

function placed(request: LabelRequest, { box, leader }: Candidate): PlacedLabel {
  const anchor = anchorFor(request, box);
  const x =
    anchor === 'start' ? box.x + PADDING : anchor === 'end' ? box.x + box.width - PADDING : box.x + box.width / 2;
  return {
    key: request.key,
    x,
    y: box.y + box.height / 2,
    anchor,
    box,
    ...(leader ? { leader: leaderFor(request, box) } : {}),
  };
}

/** A candidate checked against everything fixed (frame, marks, the key, other texts, other points). */
interface Option extends Candidate {
  label: PlacedLabel;
}

function options(request: LabelRequest, requests: LabelRequest[], obstacles: Obstacles, frame: Box): Option[] {
  const rivals = requests.filter((other) => other.key !== request.key);
  const fixedBoxes = [...obstacles.labels, ...obstacles.marks];
  const fits = (candidate: Candidate): boolean => {
    const { box } = candidate;
    if (!inside(box, frame)) return false;
    if (obstacles.marks.some((other) => overlaps(box, other))) return false;
    if (obstacles.labels.some((other) => textsClash(box, other))) return false;
    if (rivals.some((mark) => distanceToBox(mark, box) < mark.radius + MARK_MARGIN)) return false;
    if (!candidate.leader) {
      // A label with no leader line must be clearly nearer its own point than any other point,
      // or a reader would take it for the neighbour's.
      const own = distanceToBox(request, box);
      return rivals.every((mark) => distanceToBox(mark, box) >= own + NEAREST_MARGIN);
    }
    const line = leaderFor(request, box);
    return (
      rivals.every((mark) => distanceToSegment(mark, line) >= mark.radius + LEADER_MARGIN) &&
      !fixedBoxes.some((other) => segmentHitsBox(line, other))
    );
  };
  // The points placed first matter more: their labels pay more for going further out.
  const weight = 1 + request.priority / 2;
  return [...nearCandidates(request), ...leaderCandidates(request)]
    .filter(fits)
    .map((candidate) => ({ ...candidate, cost: candidate.cost * weight, label: placed(request, candidate) }))
    .sort((a, b) => a.cost - b.cost);
}

/**
 * Everything a label can clash with lies inside this box: its text box widened by the phrase gap,
 * and its leader line. The search compares labels over a million times, and most pairs are far
 * apart, so a pair whose extents do not meet is ruled out before any exact test (same answers).
 */
const extents = new WeakMap<PlacedLabel, Box>();
function extent(label: PlacedLabel): Box {
  let known = extents.get(label);
  if (!known) {
    const { box, leader } = label;
    let left = box.x - PHRASE_GAP - 1;
    let right = box.x + box.width + PHRASE_GAP + 1;
    let top = box.y - 1;
    let bottom = box.y + box.height + 1;
    if (leader) {
      left = Math.min(left, leader.from.x - 1, leader.to.x - 1);
      right = Math.max(right, leader.from.x + 1, leader.to.x + 1);
      top = Math.min(top, leader.from.y - 1, leader.to.y - 1);
      bottom = Math.max(bottom, leader.from.y + 1, leader.to.y + 1);
    }
    known = { x: left, y: top, width: right - left, height: bottom - top };
    extents.set(label, known);
  }
  return known;
}

function extentsMeet(a: PlacedLabel, b: PlacedLabel): boolean {
  const p = extent(a);
  const q = extent(b);
  return p.x <= q.x + q.width && q.x <= p.x + p.width && p.y <= q.y + q.height && q.y <= p.y + p.height;
}

/** Two labels (with their leader lines) that cannot both be drawn as they are. */
function conflict(a: PlacedLabel, b: PlacedLabel): boolean {
  if (!extentsMeet(a, b)) return false;
  if (textsClash(a.box, b.box)) return true;
  if (a.leader && segmentHitsBox(a.leader, b.box)) return true;
  if (b.leader && segmentHitsBox(b.leader, a.box)) return true;
  return a.leader !== undefined && b.leader !== undefined && segmentsCross(a.leader, b.leader);
}

/** A conflict costs more than any spot, so the search gives one up before it keeps one. */
const CONFLICT_COST = 1000;
/** The search's steps, and its seed: the same input always gives the same map. */
const STEPS = 30000;
/** Searches from different seeds, until one places every label. */
const RUNS = 2;
const START_TEMPERATURE = 200;
const SEED = 20250;

/** A small seeded generator (mulberry32), so the drawing is the same at every build. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Places every label it can, beside its point if it fits and further out with a leader line if
 * not: each label's free spots (clear of the marks, the key and the other texts) are listed, then
 * a seeded simulated annealing picks one spot per label, so that no two labels or leader lines
 * clash and labels sit as near their points as they can (points of higher priority nearer still).
 * A label left clashing after the search is given up, and reported in `unplaced`.
 */
export function placeLabels(requests: LabelRequest[], obstacles: Obstacles, frame: Box): Placement {
  const ordered = [...requests].sort((a, b) => b.priority - a.priority || a.key.localeCompare(b.key));
  const choices = ordered.map((request) => options(request, requests, obstacles, frame));
  let best: (Placement & { cost: number }) | undefined;
  for (let run = 0; run < RUNS && best?.unplaced.length !== 0; run++) {
    const result = search(ordered, choices, SEED + run);
    if (
      !best ||
      result.unplaced.length < best.unplaced.length ||
      (result.unplaced.length === best.unplaced.length && result.cost < best.cost)
    )
      best = result;
  }
  return { placed: best!.placed, unplaced: best!.unplaced };
}

/**
 * Where the search starts: the labels with fewest free spots first (the most hemmed-in point
 * first), each at its cheapest spot clear of those already set; a label with none at its cheapest.
 */
function start(choices: Option[][]): number[] {
  const pick = new Array<number>(choices.length).fill(0);
  const set: PlacedLabel[] = [];
  const order = choices.map((_, i) => i).sort((a, b) => choices[a]!.length - choices[b]!.length || a - b);
  for (const i of order) {
    const index = choices[i]!.findIndex((candidate) => !set.some((other) => conflict(candidate.label, other)));
    if (index < 0) continue;
    pick[i] = index;
    set.push(choices[i]![index]!.label);
  }
  return pick;
}

/**
 * One search (simulated annealing): each label starts at its cheapest spot; step by step a label
 * is moved to another spot (cheap ones drawn likelier), kept if the map costs less, or by a chance
 * that shrinks as the search cools. A clash costs more than any spot.
 */
function search(ordered: LabelRequest[], choices: Option[][], seed: number): Placement & { cost: number } {
  const unplaced = ordered.filter((_, i) => choices[i]!.length === 0).map((r) => r.key);
  const labels = ordered.map((_, i) => i).filter((i) => choices[i]!.length > 0);
  const pick = start(choices);
  const option = (i: number) => choices[i]![pick[i]!]!;
  const clashes = (i: number, candidate: Option) => {
    let count = 0;
    for (const j of labels) if (j !== i && conflict(candidate.label, option(j).label)) count++;
    return count;
  };
  const energy = (i: number, candidate: Option) => CONFLICT_COST * clashes(i, candidate) + candidate.cost;
  const next = random(seed);
  let temperature = START_TEMPERATURE;
  const cooling = Math.pow(0.5 / temperature, 1 / STEPS);
  for (let step = 0; step < STEPS && labels.length > 0; step++, temperature *= cooling) {
    const i = labels[Math.floor(next() * labels.length)]!;
    const list = choices[i]!;
    const proposal = Math.floor(next() ** 2 * list.length);
    const delta = energy(i, list[proposal]!) - energy(i, option(i));
    if (delta <= 0 || next() < Math.exp(-delta / temperature)) pick[i] = proposal;
  }
  // Settle: each label moves to its cheapest spot that clashes with nothing, while any does.
  for (let changed = true; changed;) {
    changed = false;
    for (const i of labels) {
      const current = energy(i, option(i));
      const best = choices[i]!.findIndex((candidate) => clashes(i, candidate) === 0);
      if (best >= 0 && best !== pick[i] && choices[i]![best]!.cost < current) {
        pick[i] = best;
        changed = true;
      }
    }
  }
  // Whatever still clashes is given up, lowest priority first.
  const kept = new Set(labels);
  for (const i of [...labels].reverse()) {
    if ([...kept].some((j) => j !== i && conflict(option(i).label, option(j).label))) {
      kept.delete(i);
      unplaced.push(ordered[i]!.key);
    }
  }
  return {
    placed: [...kept].map((i) => option(i).label),
    unplaced,
    cost: [...kept].reduce((sum, i) => sum + option(i).cost, 0),
  };
}
