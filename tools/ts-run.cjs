// Runs the repository's TypeScript directly (scripts, benchmarks, the embedded default):
// `node -r ./tools/ts-run.cjs file.ts`. SWC strips types and keeps decorator metadata, and
// `@dutyline/<lib>` resolves to the library's source.
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
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

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
