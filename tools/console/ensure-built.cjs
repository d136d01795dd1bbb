// Builds the web console (apps/console → apps/console/dist) when its build is missing or older than
// any of its sources, so `npm start` on a fresh clone serves it with no other command.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const consoleRoot = path.resolve(__dirname, '..', '..', 'apps', 'console');
const builtIndex = path.join(consoleRoot, 'dist', 'index.html');
const sources = ['src', 'index.html', 'vite.config.mts', 'package.json', 'public'];

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

// The build records the newest source time it started from: a source saved during a build is newer
// than that, so the next run builds again (the build's own file times would hide it).
const stampFile = path.join(consoleRoot, 'dist', '.sources-mtime');

function builtFrom() {
  try {
    return fs.existsSync(builtIndex) ? Number(fs.readFileSync(stampFile, 'utf8')) || 0 : 0;
  } catch {
    return 0;
  }
}

const newestSource = Math.max(...sources.map((name) => newestMtime(path.join(consoleRoot, name))));
// `--force`: build whatever the dates say (the console benchmark measures exactly what ships).
if (!process.argv.includes('--force') && builtFrom() >= newestSource) process.exit(0);

process.stdout.write('Building the web console (apps/console)…\n');
// Built aside, then swapped in, so a gateway serving the old build never sees a half-written folder.
const dist = path.join(consoleRoot, 'dist');
const fresh = path.join(consoleRoot, `dist.building-${process.pid}`);
const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [consoleRoot] })), 'bin', 'vite.js');
const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', fresh, '--emptyOutDir'], {
  cwd: consoleRoot,
  stdio: 'inherit',
});
if (build.status !== 0) {
  fs.rmSync(fresh, { recursive: true, force: true });
  process.stderr.write('The web console did not build (see above); the gateway starts without it.\n');
  process.exit(0);
}
fs.writeFileSync(path.join(fresh, '.sources-mtime'), String(newestSource));
const old = `${dist}.old-${process.pid}`;
if (fs.existsSync(dist)) fs.renameSync(dist, old);
fs.renameSync(fresh, dist);
fs.rmSync(old, { recursive: true, force: true });
