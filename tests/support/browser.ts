import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../../scripts/ensure-system-deps.mjs';

/**
 * Debian's Chromium (or GAOPING_CHROMIUM_PATH, the same setting `npm test`'s set-up step checks);
 * the flags keep it off a network this machine does not have.
 */
export const CHROMIUM_PATH = chromiumPath();
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Playwright gives every launch a fresh temporary user-data-dir and removes it on close. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}
