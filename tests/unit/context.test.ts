import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContext } from '../../src/data/context-node';
import { loadCheckedLedger } from '../../src/data/load-node';
import { DatasetError } from '../../src/data/validate';
import { inTempFolder } from '../../src/publish/temp-folder';

const raw = loadCheckedLedger().raw;
const SOURCES = JSON.parse(readFileSync('data/sources.json', 'utf8'));
const CONTEXT = JSON.parse(readFileSync('data/context.json', 'utf8'));
const fresh = () => ({ sources: structuredClone(SOURCES), context: structuredClone(CONTEXT) });
const rec = (doc: any, id: string) => doc.records.find((r: any) => r.id === id);

/** Writes copies of sources.json, context.json and the stored texts to a folder, and loads them. */
function loadCopy(edit: (files: { sources: any; context: any }, dir: string) => void): ReturnType<typeof loadContext> {
  return inTempFolder('gaoping-context', (dir) => {
    const sourceDir = join(dir, 'sources');
    const files = fresh();
    mkdirSync(sourceDir);
    for (const name of readdirSync('data/sources')) copyFileSync(join('data/sources', name), join(sourceDir, name));
    edit(files, sourceDir);
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(files.sources));
    writeFileSync(join(dir, 'context.json'), JSON.stringify(files.context));
    return loadContext(raw, { sources: join(dir, 'sources.json'), context: join(dir, 'context.json'), sourceDir });
  });
}

function problemsOf(edit: Parameters<typeof loadCopy>[0]): string {
  try {
    loadCopy(edit);
  } catch (error) {
    if (error instanceof DatasetError) return error.message;
    throw error;
  }
  return '';
}

describe('the committed sources and context records', () => {
  it('load, every quote found verbatim in its own source', () => {
    const context = loadContext(raw);
    expect(context.sources[0]!.id).toBe('gaoping-2025');
    expect(context.sources.map((s) => s.place)).toEqual(expect.arrayContaining(['gaoping', 'sichuan', 'china']));
    const texts = new Map(context.sources.map((s) => [s.id, readFileSync(`data/sources/${s.file}`, 'utf8')]));
    for (const record of context.records) expect(texts.get(record.source), record.id).toContain(record.quote);
  });

  it("mark Nanchong's 2024 growth as derived from Gaoping's own sentence, 6.1 − 1 = 5.1", () => {
    const nanchong = CONTEXT.records.filter((r: any) => r.place === 'nanchong');
    expect(nanchong).toHaveLength(1);
    expect(nanchong[0]).toMatchObject({
      value: 5.1,
      source: 'gaoping-2025',
      derived: { from: ['gdp-growth-2024', 'gdp-growth-above-city-2024'] },
    });
    expect(nanchong[0].quote).toContain('高于全市1个百分点');
  });
});

describe('bad context input stops the build, naming file, record and field', () => {
  it('a quote that is not in its source text names the record and the source file', () => {
    expect(
      problemsOf(({ context }) => {
        rec(context, 'sichuan-gdp-growth-2025-target').quote = '地区生产总值增长6.5%以上';
      }),
    ).toMatch(
      /context\.json: record "sichuan-gdp-growth-2025-target": field "quote": not found verbatim in .*sources\/sichuan-2025\.md/,
    );
  });
  it("a quote from another document is not in this record's source", () => {
    // Sichuan's 2025 target sentence quoted against the national report: the text exists, but not there.
    expect(
      problemsOf(({ context }) => {
        rec(context, 'sichuan-gdp-growth-2025-target').source = 'china-state-council-2025';
      }),
    ).toMatch(
      /record "sichuan-gdp-growth-2025-target": field "quote": not found verbatim in .*china-state-council-2025\.md/,
    );
  });
  it('a record that names a source not in the table', () => {
    expect(
      problemsOf(({ context }) => {
        rec(context, 'china-gdp-growth-2024').source = 'nanchong-2025';
      }),
    ).toMatch(
      /record "china-gdp-growth-2024": field "source": names source "nanchong-2025", which is not in .*sources\.json/,
    );
  });
  it('a source whose stored text is missing', () => {
    expect(
      problemsOf((_files, dir) => {
        rmSync(join(dir, 'sichuan-2026.md'));
      }),
    ).toMatch(/sources\.json: source "sichuan-2026": field "file": the stored text is missing: .*sichuan-2026\.md/);
  });
  it('a value its quote does not state', () => {
    expect(
      problemsOf(({ context }) => {
        rec(context, 'china-gdp-growth-2025').value = 5.2;
      }),
    ).toMatch(/record "china-gdp-growth-2025": field "value": quote does not contain the value 5\.2/);
  });
  it('a fall stored as a rise', () => {
    expect(
      problemsOf(({ context }) => {
        rec(context, 'china-fixed-asset-investment-growth-2025').value = 3.9;
      }),
    ).toMatch(/record "china-fixed-asset-investment-growth-2025": field "value"/);
  });
  it('a derived value that is not the difference it names', () => {
    expect(
      problemsOf(({ context }) => {
        rec(context, 'nanchong-gdp-growth-2024').value = 5;
      }),
    ).toMatch(/record "nanchong-gdp-growth-2024": field "value": derived value must be 5\.1/);
  });
  it('a proxy without a note saying what differs', () => {
    expect(
      problemsOf(({ context }) => {
        delete rec(context, 'china-agri-output-growth-2024').comparabilityNote;
      }),
    ).toMatch(/record "china-agri-output-growth-2024": field "comparabilityNote"/);
  });
  it('a malformed field, by the schema', () => {
    expect(
      problemsOf(({ context }) => {
        rec(context, 'china-gdp-growth-2024').comparability = 'similar';
      }),
    ).toMatch(/context\.json: record "china-gdp-growth-2024": field "comparability"/);
  });
  it("a sources table whose first source is not Gaoping's report", () => {
    expect(
      problemsOf(({ sources }) => {
        sources.sources.reverse();
      }),
    ).toMatch(/sources\.json: document: field "sources": the first source must be Gaoping's report/);
  });
});
