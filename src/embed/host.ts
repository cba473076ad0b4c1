/**
 * The host side of our embed code: resizes iframes marked data-gaoping-embed when they report
 * their height in the AMP "embed-size" format that @newswire/frames' child side sends.
 * Messages are accepted only from those iframes' own windows, and only in that exact shape.
 */
export const EMBED_ATTRIBUTE = 'data-gaoping-embed';
const MAX_HEIGHT = 20000;

export interface EmbedSizeMessage {
  sentinel: 'amp';
  type: 'embed-size';
  height: number;
}

export function isEmbedSizeMessage(data: unknown): data is EmbedSizeMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message.sentinel === 'amp' &&
    message.type === 'embed-size' &&
    typeof message.height === 'number' &&
    Number.isFinite(message.height) &&
    message.height >= 0 &&
    message.height <= MAX_HEIGHT
  );
}

function observeEmbed(iframe: HTMLIFrameElement): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.source === null || event.source !== iframe.contentWindow) return;
    if (!isEmbedSizeMessage(event.data)) return;
    iframe.setAttribute('height', String(Math.ceil(event.data.height)));
  };
  window.addEventListener('message', onMessage);
  iframe.contentWindow?.postMessage({ sentinel: 'amp', type: 'frames-init' }, '*');
  return () => window.removeEventListener('message', onMessage);
}

/** Observe every embed on the page, now and as more are added; returns the teardown. */
export function observeAllEmbeds(root: ParentNode = document): () => void {
  const teardowns = new Map<HTMLIFrameElement, () => void>();
  const scan = () => {
    for (const iframe of Array.from(root.querySelectorAll<HTMLIFrameElement>(`iframe[${EMBED_ATTRIBUTE}]`))) {
      if (!teardowns.has(iframe)) teardowns.set(iframe, observeEmbed(iframe));
    }
  };
  scan();
  const mutations = new MutationObserver(scan);
  mutations.observe(document.documentElement, { childList: true, subtree: true });
  return () => {
    mutations.disconnect();
    teardowns.forEach((teardown) => teardown());
  };
}
