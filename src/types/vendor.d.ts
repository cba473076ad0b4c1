// Minimal types for the parts of these untyped packages that this project uses.
declare module 'pym.js' {
  interface ChildOptions {
    polling?: number;
    id?: string;
    renderCallback?: (width: number) => void;
  }
  interface ParentOptions {
    title?: string;
    name?: string;
    id?: string;
    allowfullscreen?: boolean;
    sandbox?: string;
  }
  export class Child {
    constructor(options?: ChildOptions);
    sendHeight(): void;
    remove(): void;
  }
  export class Parent {
    constructor(id: string, url: string, options?: ParentOptions);
    iframe: HTMLIFrameElement;
    remove(): void;
  }
  const pym: { Child: typeof Child; Parent: typeof Parent };
  export default pym;
}

declare module '@newswire/frames' {
  export function initFrame(): void;
  export function initFrameAndPoll(interval?: number): void;
  export function sendFrameHeight(height?: number): void;
  export function observeIframe(iframe: HTMLIFrameElement): () => void;
  export class Framer {
    constructor(container: Element, options: { src: string; attributes?: Record<string, string> });
    remove(): void;
  }
}
