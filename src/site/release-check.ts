import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';

/** Every file under dir as text (Latin-1 for bytes), and each entry of each ZIP as its own file. */
export function outputTexts(dir: string): Array<{ fileName: string; text: string }> {
  const files: Array<{ fileName: string; text: string }> = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = resolve(entry.parentPath, entry.name);
    const fileName = path.slice(dir.length + 1);
    const bytes = readFileSync(path);
    if (fileName.endsWith('.zip')) {
      for (const [name, content] of Object.entries(unzipSync(bytes)))
        files.push({ fileName: `${fileName}/${name}`, text: Buffer.from(content).toString('utf8') });
    } else {
      files.push({ fileName, text: bytes.toString(/\.(png|jpe?g|woff2?)$/.test(fileName) ? 'latin1' : 'utf8') });
    }
  }
  return files;
}
