/**
 * Generated blocks in the Markdown docs: the text between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->` is written by `npm run docs` (scripts/docs.ts) and checked equal to
 * what the generators make by tests/unit/docs.test.ts. Everything outside the markers is prose.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const BLOCK = /<!-- generated:([a-z0-9-]+) -->\n([\s\S]*?)<!-- \/generated:\1 -->/g;
const OPENING = /<!-- generated:([a-z0-9-]+) -->/g;

export interface Block {
  name: string;
  body: string;
}

/** Every generated block of a Markdown text, in order. An opening marker without its closing one is an error. */
export function blocksOf(text: string, file: string): Block[] {
  const blocks = [...text.matchAll(BLOCK)].map((m) => ({ name: m[1]!, body: m[2]! }));
  const opened = [...text.matchAll(OPENING)].map((m) => m[1]!);
  if (opened.length !== blocks.length) {
    const unclosed = opened.filter((name) => !blocks.some((block) => block.name === name));
    throw new Error(
      `${file}: <!-- generated:${unclosed[0] ?? opened[0]} --> has no matching <!-- /generated:… --> marker`,
    );
  }
  return blocks;
}

/** The text with every generated block replaced by what its generator makes; an unknown name is an error. */
export function fillBlocks(text: string, file: string, generate: (name: string) => string | undefined): string {
  blocksOf(text, file);
  return text.replace(BLOCK, (_match, name: string) => {
    const body = generate(name);
    if (body === undefined)
      throw new Error(`${file}: no generator for <!-- generated:${name} --> (see scripts/lib/docs/blocks.ts)`);
    return `<!-- generated:${name} -->\n${body.endsWith('\n') ? body : `${body}\n`}<!-- /generated:${name} -->`;
  });
}

/** The Markdown files that may hold generated blocks: README, CONTRIBUTING, CHANGELOG and docs/. */
export function docFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : name.endsWith('.md') ? [path] : [];
    });
  return [
    'README.md',
    'CONTRIBUTING.md',
    'CHANGELOG.md',
    ...walk(join(root, 'docs'))
      .map((path) => relative(root, path))
      .sort(),
  ];
}

/** A Markdown table cell: pipes escaped, newlines folded. */
const cell = (value: unknown) =>
  String(value ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

export function table(head: string[], rows: unknown[][]): string {
  return (
    [
      `| ${head.join(' | ')} |`,
      `|${head.map(() => '---').join('|')}|`,
      ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    ].join('\n') + '\n'
  );
}

/** A code span that survives backticks inside it. */
export const code = (value: string) => (value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``);
