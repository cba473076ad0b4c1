import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentByLang } from '../../src/content';
import { escapeAttribute, escapeText } from '../../src/dom/html';
import { loadDataset } from '../../src/data/load-node';
import { fillCopy } from '../../src/story/fill';
import { tokensCss } from '../../src/site/html-document';

/** Where the floor page is served, beside the site. */
export const FLOOR_PREFIX = '/__floor/';

export interface FloorPage {
  dir: string;
  teardown: () => Promise<void>;
}

/**
 * The floor (issue 23): the story's own title and first paragraph as bare HTML, with the site's
 * fonts and colours and nothing else. No page of the story can be faster than this on the same
 * server and the same run, so each page is reported as a ratio to it. Written to a temporary
 * folder; the teardown removes it.
 */
export function buildFloorPage(): FloorPage {
  const content = contentByLang.zh;
  const hero = content.blocks.find((block) => block.type === 'hero');
  if (!hero || hero.type !== 'hero') throw new Error('the story has no hero block to build the floor page from');
  const dek = fillCopy(hero.dek, loadDataset(), 'zh');
  const dir = mkdtempSync(join(tmpdir(), 'gaoping-floor-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(hero.title)}</title><meta name="description" content="${escapeAttribute(dek)}"><link rel="icon" href="data:,">
<style>${tokensCss()} body{margin:0 auto;padding:16px;max-width:40rem;font-family:var(--font-stack);color:var(--c-ink);background:var(--c-background);line-height:1.75}</style>
</head><body><main><h1>${escapeText(hero.title)}</h1><p>${escapeText(dek)}</p></main></body></html>
`,
  );
  return { dir, teardown: async () => rmSync(dir, { recursive: true, force: true }) };
}
