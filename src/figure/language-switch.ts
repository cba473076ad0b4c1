import { HTML_LANG, type StoryContent } from '../content/types';
import { h } from '../dom/html';
import { href, inLang, otherLang } from '../routes/routes';

/**
 * The link to the same page in the other language, on every page: its address from the routes
 * (`page` is the page's path in Chinese, e.g. "data/explore/"), its label from the copy.
 */
export function languageSwitch(
  document: Document,
  content: StoryContent,
  page: string,
  className?: string,
): HTMLElement {
  const other = otherLang(content.lang);
  return h(
    document,
    'a',
    {
      href: href(inLang(page, content.lang), inLang(page, other)),
      lang: HTML_LANG[other],
      hreflang: HTML_LANG[other],
      class: className ?? null,
    },
    content.page.languageSwitch,
  );
}
