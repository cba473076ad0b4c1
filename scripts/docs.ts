// Writes the JSON Schema files of data/ (src/data/schema-files.ts) and the generated blocks of the
// Markdown docs (`<!-- generated:NAME -->` … `<!-- /generated:NAME -->`) from the modules the site
// uses (scripts/lib/docs/blocks.ts). `npm run docs -- --check` writes nothing
// and exits non-zero naming each file whose blocks are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docFiles, fillBlocks } from './lib/docs/markers';
import { GENERATORS } from './lib/docs/blocks';
import { SCHEMA_FILES } from '../src/data/schema-files';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const memo = new Map<string, string>();
const generate = (name: string) => {
  const generator = GENERATORS[name];
  if (!generator) return undefined;
  if (!memo.has(name)) memo.set(name, generator());
  return memo.get(name);
};

const stale: string[] = [];
// The JSON Schema files are generated whole, from the declarations of the files' shapes.
for (const [file, make] of Object.entries(SCHEMA_FILES)) {
  const path = `${root}${file}`;
  const next = make();
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // a new schema file: written below
  }
  if (next === text) continue;
  stale.push(file);
  if (!check) writeFileSync(path, next);
}
for (const file of docFiles(root)) {
  const path = `${root}${file}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    continue;
  }
  const next = fillBlocks(text, file, generate);
  if (next === text) continue;
  stale.push(file);
  if (!check) writeFileSync(path, next);
}
if (check) {
  console.log(
    stale.length === 0
      ? 'docs: every generated block is up to date'
      : `docs: stale generated blocks in ${stale.join(', ')}; run npm run docs`,
  );
  process.exitCode = stale.length === 0 ? 0 : 1;
} else {
  console.log(stale.length === 0 ? 'docs: nothing to update' : `docs: updated ${stale.join(', ')}`);
}
