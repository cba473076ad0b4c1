import { describe, expect, it } from 'vitest';
import { h, svg, toHtml, toXml } from '../../src/dom/html';
import { newDocument } from '../../src/site/html-document';
import { fillTemplate } from '../../src/content/template';

const HOSTILE = `US$' $& $\` $$ </title></script><img src=x onerror=alert(1)> & "quoted" \u00a0`;

describe('the one serializer', () => {
  it('escapes text and attribute values, whatever they hold', () => {
    const document = newDocument();
    const html = toHtml(h(document, 'p', { title: HOSTILE }, HOSTILE));
    expect(html).toBe(
      '<p title="US$\' $&amp; $` $$ &lt;/title&gt;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &nbsp;">' +
        'US$\' $&amp; $` $$ &lt;/title&gt;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; "quoted" &nbsp;</p>',
    );
    const parsed = newDocument(`<!doctype html><html><body>${html}</body></html>`);
    expect(parsed.querySelector('p')?.textContent).toBe(HOSTILE);
    expect(parsed.querySelector('p')?.getAttribute('title')).toBe(HOSTILE);
    expect(parsed.querySelector('img')).toBeNull();
  });

  it('keeps a title a title: RCDATA text is escaped, so "</title>" cannot close it', () => {
    const document = newDocument();
    document.head.appendChild(h(document, 'title', {}, HOSTILE));
    const html = toHtml(document);
    expect(html.match(/<\/title>/g)).toHaveLength(1);
    expect(html.match(/<\/html>/g)).toHaveLength(1);
  });

  it('refuses script or style text that would end its own element', () => {
    const document = newDocument();
    expect(() => toHtml(h(document, 'style', {}, 'a{}</style><script>x()</script>'))).toThrow(
      '<style> text may not contain "</style"',
    );
    expect(toHtml(h(document, 'style', {}, 'a > b{content:"&"}'))).toBe('<style>a > b{content:"&"}</style>');
  });

  it('writes void elements without end tags, boolean attributes empty, and skips false ones', () => {
    const document = newDocument();
    expect(toHtml(h(document, 'input', { type: 'radio', checked: true, disabled: false }))).toMatch(
      /^<input( \w+="[^"]*")+>$/,
    );
    expect(toHtml(h(document, 'input', { checked: true }))).toBe('<input checked="">');
    expect(toHtml(h(document, 'input', { checked: false }))).toBe('<input>');
  });

  it('writes SVG as XML for standalone files, escaping text there too', () => {
    const document = newDocument();
    const node = svg(
      document,
      'svg',
      { viewBox: '0 0 10 10' },
      svg(document, 'text', {}, 'a < b & c'),
      svg(document, 'rect', { width: 1 }),
    );
    expect(toXml(node)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg viewBox="0 0 10 10"><text>a &lt; b &amp; c</text><rect width="1"/></svg>\n',
    );
  });
});

describe('templates', () => {
  it('insert values literally: "$" patterns are not replacement patterns', () => {
    expect(fillTemplate('{a} and {b}', { a: "US$'", b: '$& $` $$' })).toBe("US$' and $& $` $$");
  });

  it('refuse a placeholder without a value', () => {
    expect(() => fillTemplate('{missing}', {})).toThrow('needs a value for {missing}');
  });
});
