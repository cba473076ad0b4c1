import { Resvg } from '@resvg/resvg-js';

/** A PNG's width and height, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString() !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A PNG decoded to RGBA pixels, by drawing it into an SVG of its own size with resvg (no browser). */
function pngPixels(png: Buffer): { pixels: Buffer; width: number; height: number } {
  const { width, height } = pngSize(png);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}">` +
    `<image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return { pixels: Buffer.from(image.pixels), width: image.width, height: image.height };
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Dark pixels (luminance < 128, opaque) in a rectangle of an RGBA buffer: where glyphs and marks were drawn. */
export function inkIn(pixels: Buffer, width: number, box: Box): number {
  let count = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      const i = (y * width + x) * 4;
      if (pixels[i + 3]! > 200 && 0.3 * pixels[i]! + 0.59 * pixels[i + 1]! + 0.11 * pixels[i + 2]! < 128) count++;
    }
  }
  return count;
}

/** Ink in a rectangle of a PNG file. */
export function pngInk(png: Buffer, box?: Box): number {
  const { pixels, width, height } = pngPixels(png);
  return inkIn(pixels, width, box ?? { x: 0, y: 0, w: width, h: height });
}
