import { readFileSync } from 'node:fs';
import type { Dataset, Lang } from './types';
import type { CiteText, ShareText } from '../content/types';
import { fillTemplate } from '../content/template';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * This project as a thing to cite: its version is package.json's, its release date is set here
 * when a version is published. CITATION.cff at the repo root is generated from the same values
 * (`citationCff`), and a test keeps the committed file equal to it.
 */
export const PROJECT = {
  version: packageJson.version,
  released: '2026-11-27',
  licence: {
    id: 'CC-BY-4.0',
    title: 'Creative Commons Attribution 4.0 International',
    path: 'https://creativecommons.org/licenses/by/4.0/',
  },
} as const;

const DATE_FORMAT: Record<Lang, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};

/** 2025-02-19 as 2025年2月19日 or 19 February 2025 (the one date formatter: Intl, in UTC). */
export function formatDate(iso: string, lang: Lang): string {
  return DATE_FORMAT[lang].format(new Date(`${iso}T00:00:00Z`));
}

export interface CitationCopy {
  cite: CiteText;
  share: Pick<ShareText, 'projectName'>;
}

/**
 * The citation, in one language: the report first (issuer, title, date, venue), then this
 * project (name, version, release date, URL, licence). Every metadata file carries this text.
 */
export function citationText(dataset: Dataset, lang: Lang, copy: CitationCopy, siteUrl: string): string {
  const values: Record<string, string> = {
    reportAuthor: copy.cite.reportAuthor,
    reportTitle: dataset.source.title[lang],
    reportDate: formatDate(dataset.source.date, lang),
    reportVenue: dataset.source.venue[lang],
    projectName: copy.share.projectName,
    version: PROJECT.version,
    released: formatDate(PROJECT.released, lang),
    url: siteUrl,
    licence: PROJECT.licence.id.replace(/-/g, ' '),
  };
  return fillTemplate(copy.cite.template, values);
}

/** The licence statement: what CC BY 4.0 covers here, and what it does not. */
export function licenceStatement(copy: CitationCopy): string[] {
  return [copy.cite.licenceScope, ...copy.cite.licenceExcludes];
}

const yamlString = (text: string) => JSON.stringify(text);

/** CITATION.cff (Citation File Format 1.2.0), citing the report as the preferred reference's source. */
/** The site's address depends on where it is deployed (SITE_URL), so the file names none. */
export function citationCff(dataset: Dataset, copy: Record<Lang, CitationCopy>): string {
  return [
    'cff-version: 1.2.0',
    `message: ${yamlString('If you use this dataset, please cite the report it is compiled from and this project, as below.')}`,
    'type: dataset',
    `title: ${yamlString(`${copy.en.share.projectName} (${copy.zh.share.projectName})`)}`,
    'authors:',
    `  - name: ${yamlString(copy.en.share.projectName)}`,
    `version: ${yamlString(PROJECT.version)}`,
    `date-released: ${yamlString(PROJECT.released)}`,
    `license: ${PROJECT.licence.id}`,
    `abstract: ${yamlString(licenceStatement(copy.en).join(' '))}`,
    'references:',
    '  - type: report',
    `    title: ${yamlString(dataset.source.title.zh)}`,
    `    abbreviation: ${yamlString(dataset.source.title.en)}`,
    '    authors:',
    `      - name: ${yamlString(copy.zh.cite.reportAuthor)}`,
    `        alias: ${yamlString(copy.en.cite.reportAuthor)}`,
    `    date-published: ${yamlString(dataset.source.date)}`,
    `    conference:`,
    `      name: ${yamlString(dataset.source.venue.zh)}`,
    `      alias: ${yamlString(dataset.source.venue.en)}`,
    `      date-start: ${yamlString(dataset.source.date)}`,
    `      date-end: ${yamlString(dataset.source.date)}`,
    '',
  ].join('\n');
}
