import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tempFolder } from './temp-folder';

/**
 * The one font every build-time image is drawn in. resvg does no CSS font fallback, so every text
 * element names this family explicitly, and only this font is loaded (no system scan).
 */
export const IMAGE_FONT_FAMILY = 'Noto Sans CJK SC';
const FONT_PACKAGE = 'fonts-noto-cjk';

export class FontError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FontError';
  }
}

interface FontFace {
  file: string;
  /** Index of the face inside a .ttc collection. */
  index: number;
}

export interface CjkFonts {
  regular: FontFace;
  bold: FontFace;
}

/** Runs `fc-list` and returns its output; injectable so the missing-font path can be tested. */
export type FcList = (args: string[]) => string;

const systemFcList: FcList = (args) => execFileSync('fc-list', args, { encoding: 'utf8' });

/**
 * Finds Noto Sans CJK SC regular and bold through fontconfig. Missing font, missing fontconfig:
 * the build stops and says which Debian package to install.
 */
export function findCjkFonts(fcList: FcList = systemFcList): CjkFonts {
  const install = `Install Debian's ${FONT_PACKAGE} (apt-get install -y ${FONT_PACKAGE}) and build again.`;
  let listing: string;
  try {
    listing = fcList(['-f', '%{file}|%{index}|%{style}\n', `:family=${IMAGE_FONT_FAMILY}`]);
  } catch (error) {
    throw new FontError(
      `Share and print images need the font "${IMAGE_FONT_FAMILY}", but fc-list could not be run (${(error as Error).message}). ${install}`,
    );
  }
  const faces = listing
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [file = '', index = '0', style = ''] = line.split('|');
      return { file, index: Number(index), styles: style.split(',').map((s) => s.trim().toLowerCase()) };
    })
    .filter((face) => face.file && existsSync(face.file));
  const pick = (style: string): FontFace => {
    const face = faces.find((f) => f.styles.includes(style));
    if (!face)
      throw new FontError(
        `Share and print images need the font "${IMAGE_FONT_FAMILY}" (${style}), which is not installed. ${install}`,
      );
    return { file: face.file, index: face.index };
  };
  return { regular: pick('regular'), bold: pick('bold') };
}

interface HarfbuzzSubset {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_destroy(input: number): void;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

let harfbuzz: HarfbuzzSubset | undefined;

function loadHarfbuzz(): HarfbuzzSubset {
  if (harfbuzz) return harfbuzz;
  const wasmPath = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {});
  harfbuzz = instance.exports as unknown as HarfbuzzSubset;
  return harfbuzz;
}

/**
 * The face cut down to the given characters (hb-subset). resvg re-reads the font tables for every
 * text element it lays out; with the 20 MB CJK collection that costs tens of milliseconds per
 * label, with a subset well under one.
 */
function subsetFace(face: FontFace, characters: Iterable<string>): Buffer {
  const hb = loadHarfbuzz();
  const font = readFileSync(face.file);
  const fontPointer = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, fontPointer);
  const blob = hb.hb_blob_create(fontPointer, font.byteLength, 2 /* writable */, 0, 0);
  const hbFace = hb.hb_face_create(blob, face.index);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const character of characters) hb.hb_set_add(unicodes, character.codePointAt(0)!);
  const subset = hb.hb_subset_or_fail(hbFace, input);
  hb.hb_subset_input_destroy(input);
  try {
    if (!subset) throw new FontError(`could not subset ${face.file} (face ${face.index})`);
    const result = hb.hb_face_reference_blob(subset);
    const offset = hb.hb_blob_get_data(result, 0);
    const length = hb.hb_blob_get_length(result);
    const bytes = Buffer.from(new Uint8Array(hb.memory.buffer).slice(offset, offset + length));
    hb.hb_blob_destroy(result);
    return bytes;
  } finally {
    if (subset) hb.hb_face_destroy(subset);
    hb.hb_face_destroy(hbFace);
    hb.free(fontPointer);
  }
}

/** Every character of some texts (an image's textContent), plus printable ASCII. */
export function charactersOf(texts: Iterable<string>): Set<string> {
  const characters = new Set<string>();
  for (let code = 0x20; code < 0x7f; code++) characters.add(String.fromCharCode(code));
  for (const text of texts) for (const character of text) characters.add(character);
  return characters;
}

/** Subset font files ready for resvg's fontFiles, and the teardown that removes their folder. */
export interface FontSubsets {
  files: string[];
  remove: () => void;
}

/** Subsets of regular and bold written to a temporary folder of their own; the caller calls `remove` when rendering ends. */
export function subsetFontFiles(fonts: CjkFonts, characters: Set<string>): FontSubsets {
  const folder = tempFolder('gaoping-fonts');
  try {
    const files = (['regular', 'bold'] as const).map((weight) => {
      const file = join(folder.path, `noto-sans-cjk-sc-${weight}.otf`);
      writeFileSync(file, subsetFace(fonts[weight], characters));
      return file;
    });
    return { files, remove: folder.remove };
  } catch (error) {
    folder.remove();
    throw error;
  }
}
