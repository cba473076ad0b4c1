/**
 * The one way this project makes markup: elements are built as DOM nodes (linkedom at build
 * time, the page's own document in a browser) with text set as text, and turned into markup by
 * one serializer with one set of escaping rules. No markup is ever assembled from strings.
 */
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue>;
export type Child = Node | string | null | undefined | false;

export const SVG_NS = 'http://www.w3.org/2000/svg';
const HTML_NS = 'http://www.w3.org/1999/xhtml';

function setAttrs(element: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    // false, null and undefined leave the attribute out; true writes it empty (a boolean attribute).
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(document: Document, element: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** An HTML element with attributes and children; strings become text nodes, never markup. */
export function h<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  attrs?: Attrs,
  ...children: Child[]
): HTMLElementTagNameMap[K];
export function h(document: Document, tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement;
export function h(document: Document, tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  setAttrs(element, attrs);
  append(document, element, children);
  return element;
}

/** An SVG element, in the SVG namespace, with attributes and children. */
export function svg(document: Document, tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const element = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(element, attrs);
  append(document, element, children);
  return element;
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);
const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\u00a0': '&nbsp;',
  '"': '&quot;',
};

export function escapeText(text: string): string {
  return text.replace(/[&<>\u00a0]/g, (char) => TEXT_ESCAPES[char]!);
}

export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\u00a0]/g, (char) => TEXT_ESCAPES[char]!);
}

function isHtmlElement(element: Element): boolean {
  const ns = element.namespaceURI;
  return ns === null || ns === undefined || ns === HTML_NS;
}

function attributes(element: Element): string {
  let out = '';
  for (const attribute of Array.from(element.attributes))
    out += ` ${attribute.name}="${escapeAttribute(attribute.value)}"`;
  return out;
}

function serialize(node: Node, xml: boolean): string {
  switch (node.nodeType) {
    case 1: {
      const element = node as Element;
      const html = !xml && isHtmlElement(element);
      const name = html ? element.localName.toLowerCase() : element.localName;
      const open = `<${name}${attributes(element)}`;
      if (html && VOID_ELEMENTS.has(name)) return `${open}>`;
      if (html && RAW_TEXT_ELEMENTS.has(name)) {
        // Script and style text is not escaped by HTML parsers; only our own CSS and JS go there.
        const raw = element.textContent ?? '';
        if (new RegExp(`</${name}`, 'i').test(raw)) throw new Error(`<${name}> text may not contain "</${name}"`);
        return `${open}>${raw}</${name}>`;
      }
      if (xml && element.childNodes.length === 0) return `${open}/>`;
      let inner = '';
      for (const child of Array.from(element.childNodes)) inner += serialize(child, xml);
      return `${open}>${inner}</${name}>`;
    }
    case 3:
      return escapeText(node.nodeValue ?? '');
    case 8: {
      const data = node.nodeValue ?? '';
      if (data.includes('--')) throw new Error('a comment may not contain "--"');
      return `<!--${data}-->`;
    }
    case 9:
      return `<!doctype html>\n${serialize((node as Document).documentElement, xml)}\n`;
    case 10:
      return '';
    case 11: {
      let out = '';
      for (const child of Array.from(node.childNodes)) out += serialize(child, xml);
      return out;
    }
    default:
      return '';
  }
}

/** Markup for a node, a fragment or a whole document (with its doctype), in HTML syntax. */
export function toHtml(node: Node): string {
  return serialize(node, false);
}

/** Markup for an SVG element as a standalone XML file. */
export function toXml(node: Node): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(node, true)}\n`;
}
