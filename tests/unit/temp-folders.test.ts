/**
 * Builds and tests leave nothing in the system's temporary folder: every setup that makes a folder
 * there removes it, or returns the teardown that does. Each test points TMPDIR at a fresh folder
 * of its own and checks that it is empty afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { charactersOf, findCjkFonts, subsetFontFiles } from '../../src/publish/fonts';
import { inTempFolder, tempFolder } from '../../src/publish/temp-folder';
import { datasetWithGaoping2026 } from '../support/gaoping-2026';

let scratch: string;
let savedTmpdir: string | undefined;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'gaoping-tmpdir-test-'));
  savedTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
});

afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(scratch, { recursive: true, force: true });
});

const leftovers = () => readdirSync(scratch);

describe('temporary folders', () => {
  it('are made under TMPDIR and removed by their teardown', () => {
    const folder = tempFolder('gaoping-check');
    expect(leftovers()).toEqual([folder.path.split('/').pop()]);
    folder.remove();
    expect(leftovers()).toEqual([]);
  });

  it('are removed when the work in them throws', () => {
    expect(() =>
      inTempFolder('gaoping-check', () => {
        throw new Error('failed on purpose');
      }),
    ).toThrow('failed on purpose');
    expect(leftovers()).toEqual([]);
  });

  it("hold the images' font subsets while they render, and none after", () => {
    const subsets = subsetFontFiles(findCjkFonts(), charactersOf(['高坪区']));
    expect(subsets.files.every((file) => existsSync(file) && file.startsWith(scratch))).toBe(true);
    subsets.remove();
    expect(leftovers()).toEqual([]);
  });

  it("leave nothing after the Gaoping 2026 fixture's dataset has loaded", () => {
    const dataset = datasetWithGaoping2026();
    expect(dataset.context?.sources.some((source) => source.file === 'gaoping-2026-fixture.txt')).toBe(true);
    expect(leftovers()).toEqual([]);
  });
});
