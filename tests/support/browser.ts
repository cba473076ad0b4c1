// The browser set-up lives with the scripts (which never import tests); tests use the same one.
export { CHROMIUM_PATH, CHROMIUM_FLAGS, launchChromium, afterNextFrames, pageReady } from '../../scripts/lib/chromium';
