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
    const prebuilt = document.querySelector<HTMLAnchorElement>(`.print-images a[data-print-theme="${shownTheme()}"][data-print-scale="2"]`);
    if (prebuilt) {
      link.href = prebuilt.href;
    } else {
      const svg = document.querySelector<SVGSVGElement>('.chart-svg:not([hidden]) svg:not([aria-hidden])');
      const visible = Array.from(document.querySelectorAll<SVGSVGElement>('.chart-svg svg')).find((s) => s.getBoundingClientRect().width > 0) ?? svg;
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
  const teardowns = [setupResizing(), setupPngExport(), setupMapPanels(main), setupTooltips(main), setupRovingMarks(main), setupCiteCopy(document)];
  return () => teardowns.forEach((teardown) => teardown());
}

startEmbed();
