import type { RawDataset } from './types';

export interface Quote {
  where: string;
  text: string;
}

/** Every quote in the dataset that must be found verbatim in the report (records are also pinned by the ledger). */
export function collectQuotes(dataset: Pick<RawDataset, 'records' | 'projects' | 'source'>): Quote[] {
  const quotes: Quote[] = [];
  for (const record of dataset.records) quotes.push({ where: `records.${record.id}`, text: record.quote });
  for (const project of dataset.projects) quotes.push({ where: `projects.${project.id}`, text: project.quote });
  for (const [index, note] of dataset.source.notes.entries()) {
    quotes.push({ where: `source.notes[${index}].asReceived`, text: note.asReceived });
  }
  return quotes;
}

export function findMissingQuotes(quotes: Quote[], report: string): Quote[] {
  return quotes.filter((quote) => !report.includes(quote.text));
}
