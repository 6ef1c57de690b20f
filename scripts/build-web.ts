/**
 * Builds the web app into web/dist with Vite. With `--if-stale` it does nothing when the build is newer than
 * every source file, so `npm start` only pays for a build after a change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const webRoot = path.resolve(import.meta.dirname, '../web');
const built = path.join(webRoot, 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < newestSource(webRoot);
if (process.argv.includes('--if-stale') && !stale) {
  process.stdout.write('Web app is up to date.\n');
} else {
  process.stdout.write('Building the web app…\n');
  await build({ configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
}
