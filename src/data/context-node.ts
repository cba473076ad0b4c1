import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetError, type DataProblem } from './validate';
import type { RawDataset } from './types';
import {
  findContextProblems,
  findSourceProblems,
  type ContextFile,
  type ContextSet,
  type SourcesFile,
} from './context';

const DEFAULT_SOURCES_PATH = fileURLToPath(new URL('../../data/sources.json', import.meta.url));
const DEFAULT_CONTEXT_PATH = fileURLToPath(new URL('../../data/context.json', import.meta.url));
const DEFAULT_SOURCE_DIR = fileURLToPath(new URL('../../data/sources/', import.meta.url));

export interface ContextPaths {
  sources?: string;
  context?: string;
  /** The folder of stored texts; each source's `file` is looked for here. */
  sourceDir?: string;
}

/**
 * SOURCES_FILE, CONTEXT_FILE and SOURCE_DIR let a test build from copies: adding a source and its
 * records (Gaoping's 2026 report, say) is a data change, never a code change.
 */
export function contextPaths(paths: ContextPaths = {}): Required<ContextPaths> {
  const fromEnv = (name: string) => (process.env[name] ? resolve(process.cwd(), process.env[name]!) : undefined);
  const sourceDir = paths.sourceDir ?? fromEnv('SOURCE_DIR') ?? DEFAULT_SOURCE_DIR;
  return {
    sources: paths.sources ?? fromEnv('SOURCES_FILE') ?? DEFAULT_SOURCES_PATH,
    context: paths.context ?? fromEnv('CONTEXT_FILE') ?? DEFAULT_CONTEXT_PATH,
    sourceDir: sourceDir.endsWith('/') ? sourceDir : `${sourceDir}/`,
  };
}

function readJson(path: string, file: string): unknown {
  if (!existsSync(path))
    throw new DatasetError([{ file, record: 'document', field: '(file)', message: 'file is missing' }]);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DatasetError([{ file, record: 'document', field: '(json)', message: (error as Error).message }]);
  }
}

/**
 * Read and check the sources table, every stored text and the context records (build time only).
 * A quote not in its source, or a source whose text is missing, stops the build naming the record
 * and the file.
 */
export function loadContext(gaoping: RawDataset, paths: ContextPaths = {}): ContextSet {
  const at = contextPaths(paths);
  const files = {
    sources: displayPath(at.sources),
    context: displayPath(at.context),
    sourceDir: displayPath(at.sourceDir),
  };
  const sourcesDoc = readJson(at.sources, files.sources);
  const sourceProblems = findSourceProblems(sourcesDoc, files.sources);
  if (sourceProblems.length > 0) throw new DatasetError(sourceProblems);
  const { sources } = sourcesDoc as SourcesFile;
  const missing: DataProblem[] = [];
  const texts = new Map<string, string | undefined>();
  for (const source of sources) {
    const path = `${at.sourceDir}${source.file}`;
    const present = existsSync(path);
    if (!present)
      missing.push({
        file: files.sources,
        record: `source "${source.id}"`,
        field: 'file',
        message: `the stored text is missing: ${files.sourceDir}${source.file}`,
      });
    texts.set(source.id, present ? readFileSync(path, 'utf8') : undefined);
  }
  if (missing.length > 0) throw new DatasetError(missing);
  const contextDoc = readJson(at.context, files.context);
  const problems = findContextProblems(contextDoc, sources, texts, gaoping, files);
  if (problems.length > 0) throw new DatasetError(problems);
  const { indicators, records } = contextDoc as ContextFile;
  return { sources, indicators, records };
}

/** The stored text of one source, for its annotated page. */
export function loadSourceText(file: string, paths: ContextPaths = {}): string {
  return readFileSync(`${contextPaths(paths).sourceDir}${file}`, 'utf8');
}

function displayPath(path: string): string {
  const cwd = process.cwd() + '/';
  return path.startsWith(cwd) ? path.slice(cwd.length) : path;
}
