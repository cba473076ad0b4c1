import type { Dataset } from './types';

export interface Quote {
  where: string;
  text: string;
}

export function collectQuotes(dataset: Dataset): Quote[] {
  const quotes: Quote[] = [];
  for (const metric of dataset.metrics) {
    if (metric.actual2024) quotes.push({ where: `${metric.id}.actual2024`, text: metric.actual2024.quote });
    if (metric.target2025) quotes.push({ where: `${metric.id}.target2025`, text: metric.target2025.quote });
  }
  for (const project of dataset.projects) quotes.push({ where: `projects.${project.id}`, text: project.quote });
  for (const [index, note] of dataset.source.notes.entries()) {
    quotes.push({ where: `source.notes[${index}].asReceived`, text: note.asReceived });
  }
  return quotes;
}

export function findMissingQuotes(quotes: Quote[], report: string): Quote[] {
  return quotes.filter((quote) => !report.includes(quote.text));
}
