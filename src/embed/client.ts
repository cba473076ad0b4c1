import pym from 'pym.js';
import { initFrame, sendFrameHeight } from '@newswire/frames';
import './embed.css';
import { parseEmbedOptions, type EmbedOptions } from './options';
import { svgToPng, shownTheme } from './png';
import { setupMapPanels } from '../figure/map-panel';
import { setupTooltips } from '../figure/tooltips';
import { setupRovingMarks } from '../figure/roving';
import { setupCiteCopy } from '../figure/cite';

type Teardown = () => void;

function applyOptions(options: EmbedOptions): void {
  document.documentElement.dataset.theme = options.theme;
  document.documentElement.classList.toggle('no-title', !options.showTitle || options.plain);
  document.documentElement.classList.toggle('plain', options.plain);
  document.documentElement.classList.toggle('transparent', options.transparent);
  document.documentElement.classList.toggle('show-print', options.print);
  document.documentElement.classList.toggle('show-cite', options.cite);
  document.documentElement.classList.toggle('show-langlink', options.langLink);
}

/**
 * Chart | Table, as OWID's grapher does: the table is the data details the page carries anyway,
 * opened in the chart's place. Two toggle buttons; the pressed one names the view shown.
 */
function setupTabs(main: HTMLElement): Teardown {
  const tablist = main.querySelector<HTMLElement>('.embed-tabs');
  const details = main.querySelector<HTMLDetailsElement>('details.chart-data');
  if (!tablist || !details) return () => undefined;
  const tabs = Array.from(tablist.querySelectorAll<HTMLButtonElement>('.embed-tab'));
  const show = (view: string) => {
    main.classList.toggle('showing-table', view === 'table');
    for (const tab of tabs) tab.setAttribute('aria-pressed', String(tab.dataset.view === view));
    if (view === 'table') details.open = true;
  };
  const onClick = (event: Event) => {
    const tab = (event.target as Element).closest<HTMLButtonElement>('.embed-tab');
    if (tab) show(tab.dataset.view ?? 'chart');
  };
  // A link to the table or its description (the story's "data table" links) opens the Table tab.
  const onHash = () => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (target && (target === details || details.contains(target))) {
      show('table');
      target.scrollIntoView();
    }
  };
  tablist.hidden = false;
  main.classList.add('has-tabs');
  tablist.addEventListener('click', onClick);
  window.addEventListener('hashchange', onHash);
  onHash();
  return () => {
    tablist.removeEventListener('click', onClick);
    window.removeEventListener('hashchange', onHash);
  };
}

/**
 * Speaks both resizing protocols newsrooms run: pym.js (NPR) and @newswire/frames (AMP
 * embed-size), through their own child sides. A ResizeObserver sends a new height whenever the
 * content's height changes, not only on window resize.
 */
function setupResizing(): Teardown {
  // pym reads its own URL parameters and throws on malformed percent-encoding (a pasted URL can
  // carry any bytes); the frames protocol and the chart must survive that.
  let pymChild: InstanceType<typeof pym.Child> | undefined;
  try {
    pymChild = new pym.Child({ polling: 0 });
  } catch {
    pymChild = undefined;
  }
  initFrame();
  let last = -1;
  const send = () => {
    const height = document.documentElement.offsetHeight;
    if (height === last) return;
    last = height;
    pymChild?.sendHeight();
    sendFrameHeight(height);
  };
  const observer = new ResizeObserver(send);
  observer.observe(document.documentElement);
  observer.observe(document.body);
  return () => {
    observer.disconnect();
    pymChild?.remove();
  };
}

/**
 * The PNG button gives the framed image built with the site (title, subtitle, source, credit,
 * margin) in the theme on screen, at 2×; only if that link is missing does it draw the bare chart.
 */
function setupPngExport(): Teardown {
  const onClick = async (event: Event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('.embed-png');
    if (!button) return;
    const chartId = button.dataset.chart ?? 'chart';
    const link = document.createElement('a');
    link.download = `${chartId}.png`;
    const prebuilt = shownTheme() === 'dark' ? button.dataset.pngDark : button.dataset.pngLight;
    if (prebuilt) {
      link.href = new URL(prebuilt, window.location.href).href;
    } else {
      const svg = document.querySelector<SVGSVGElement>('.chart-svg:not([hidden]) svg:not([aria-hidden])');
      const visible =
        Array.from(document.querySelectorAll<SVGSVGElement>('.chart-svg svg')).find(
          (s) => s.getBoundingClientRect().width > 0,
        ) ?? svg;
      if (!visible) return;
      link.href = URL.createObjectURL(await svgToPng(visible, 2, shownTheme()));
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    }
    document.body.appendChild(link);
    link.click();
    link.remove();
  };
  document.addEventListener('click', onClick);
  return () => document.removeEventListener('click', onClick);
}

export function startEmbed(): Teardown {
  applyOptions(parseEmbedOptions(window.location.search));
  const main = document.getElementById('main')!;
  const teardowns = [
    setupResizing(),
    setupTabs(main),
    setupPngExport(),
    setupMapPanels(main),
    setupTooltips(main),
    setupRovingMarks(main),
    setupCiteCopy(document),
  ];
  return () => teardowns.forEach((teardown) => teardown());
}

startEmbed();
