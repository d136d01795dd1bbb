// Runs the repository's TypeScript directly (scripts, benchmarks, the embedded default):
// `node -r ./tools/ts-run.cjs file.ts`. SWC strips types and keeps decorator metadata, and
// `@dutyline/<lib>` resolves to the library's source.
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const crypto = require('node:crypto');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const m = /^@dutyline\/([a-z-]+)(\/testing)?$/.exec(request);
  if (m) {
    const lib = fs.existsSync(path.join(root, 'libs', m[1]))
      ? path.join(root, 'libs', m[1])
      : path.join(root, 'apps', m[1]);
    request = path.join(lib, 'src', m[2] ? 'testing/index.ts' : 'index.ts');
  }
  return resolveFilename.call(this, request, parent, ...rest);
};

const options = {
  sourceMaps: 'inline',
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};

// Compiled files are kept by content under node_modules/.cache (each process started by a test or a benchmark
// compiles the same few hundred files otherwise); TS_RUN_CACHE=false turns the cache off.
const cacheDir =
  process.env.TS_RUN_CACHE === 'false' ? null : path.join(root, 'node_modules', '.cache', 'dutyline-ts-run');
const cacheKey = `${require('@swc/core/package.json').version}:${JSON.stringify(options)}`;

function compiled(source, filename) {
  const hash = cacheDir && crypto.createHash('sha1').update(cacheKey).update(filename).update(source).digest('hex');
  const file = hash && path.join(cacheDir, `${hash}.js`);
  if (file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      // not compiled yet
    }
  }
  const { code } = transformSync(source, { ...options, filename });
  if (file) {
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(partial, code);
      fs.renameSync(partial, file);
    } catch {
      // a read-only tree runs uncached
    }
  }
  return code;
}

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  module._compile(compiled(fs.readFileSync(filename, 'utf8'), filename), filename);
};
