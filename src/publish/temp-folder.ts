import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A folder of one's own under the system's temporary folder, and the teardown that removes it. */
export interface TempFolder {
  path: string;
  remove: () => void;
}

/**
 * Makes a fresh folder named `<prefix>-XXXXXX` in the temporary folder (TMPDIR). Whoever makes one
 * removes it: a build or a test run leaves nothing behind, even when it fails.
 */
export function tempFolder(prefix: string): TempFolder {
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Runs `use` with a fresh temporary folder and removes the folder afterwards, returned or thrown. */
export function inTempFolder<T>(prefix: string, use: (path: string) => T): T {
  const folder = tempFolder(prefix);
  try {
    return use(folder.path);
  } finally {
    folder.remove();
  }
}
