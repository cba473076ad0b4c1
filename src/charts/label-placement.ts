/** Greedy label placement: try positions around each point, keep the first that hits nothing. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  key: string;
  x: number;
  y: number;
  /** Radius of the point's own mark, so labels clear it. */
  radius: number;
  width: number;
  height: number;
  /** Placed first, and allowed the far positions with a leader line. */
  priority: number;
}

export interface PlacedLabel {
  key: string;
  /**
   * Where the text is anchored: on the box's edge nearest the point (vertical middle), so a text
   * the browser draws narrower or wider than estimated keeps its distance from its own point.
   */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
  leader: boolean;
}

/** Room left between a label and its own point's rivals, for text measured differently than estimated. */
const NEAREST_MARGIN = 4;

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(box: Box, frame: Box): boolean {
  return (
    box.x >= frame.x &&
    box.y >= frame.y &&
    box.x + box.width <= frame.x + frame.width &&
    box.y + box.height <= frame.y + frame.height
  );
}

function distanceToBox(point: { x: number; y: number }, box: Box): number {
  const dx = Math.max(box.x - point.x, 0, point.x - (box.x + box.width));
  const dy = Math.max(box.y - point.y, 0, point.y - (box.y + box.height));
  return Math.hypot(dx, dy);
}

/** Callers add this much on each side of a label's estimated text width. */
export const PADDING = 2;

const DIRECTIONS: Array<[number, number]> = [
  [1, 0],
  [-1, 0],
  [0, -1],
  [0, 1],
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1],
];

/** Places labels in priority order; a label that fits nowhere is left out (and listed by the caller). */
export function placeLabels(requests: LabelRequest[], obstacles: Box[], frame: Box): PlacedLabel[] {
  const taken = [...obstacles];
  const placed: PlacedLabel[] = [];
  const ordered = [...requests].sort((a, b) => b.priority - a.priority || a.key.localeCompare(b.key));
  for (const request of ordered) {
    const gaps = request.priority > 0 ? [3, 14, 26, 38] : [3, 12, 22, 34];
    let chosen: PlacedLabel | undefined;
    search: for (const gap of gaps) {
      for (const [dx, dy] of DIRECTIONS) {
        const offset = request.radius + gap;
        const left =
          dx > 0 ? request.x + offset : dx < 0 ? request.x - offset - request.width : request.x - request.width / 2;
        const top =
          dy > 0 ? request.y + offset : dy < 0 ? request.y - offset - request.height : request.y - request.height / 2;
        const box = { x: left, y: top, width: request.width, height: request.height };
        if (!inside(box, frame) || taken.some((other) => overlaps(box, other))) continue;
        // A label with no leader line must be clearly nearer its own point than any other point,
        // or a reader would take it for the neighbour's.
        const own = distanceToBox(request, box);
        if (
          gap === gaps[0] &&
          requests.some((other) => other !== request && distanceToBox(other, box) < own + NEAREST_MARGIN)
        )
          continue;
        const anchor = dx > 0 ? 'start' : dx < 0 ? 'end' : 'middle';
        const x =
          anchor === 'start'
            ? left + PADDING
            : anchor === 'end'
              ? left + request.width - PADDING
              : left + request.width / 2;
        chosen = { key: request.key, x, y: top + request.height / 2, anchor, box, leader: gap > 3 };
        break search;
      }
    }
    if (chosen) {
      placed.push(chosen);
      taken.push(chosen.box);
    }
  }
  return placed;
}
