// Prints the figures issue #13 tracks: the names each library's index exports, the source files over
// 400 lines, and the import cycles between source files. `npm run measure` (add `-- --json` for JSON).
// `-- --check` (run by `npm test`) fails on an `export *` in a library index, a file over the limit, an
// import cycle (type imports included, which ESLint's import-x/no-cycle skips) or a deep feature import.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const lineLimit = 400;

/** Specs, benchmarks, browser tests and the shared contract suites adapters run. */
const isTestFile = (file: string): boolean =>
  /\.(spec|e2e-spec|bench|contract)\.tsx?$/.test(file) || file.includes('/e2e/');
const isGenerated = (file: string): boolean => file.includes('/src/gql/');

function sourceProgram(): ts.Program {
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

function ownSourceFiles(program: ts.Program): ts.SourceFile[] {
  return program
    .getSourceFiles()
    .filter((file) => !file.fileName.includes('/node_modules/') && file.fileName.startsWith(root));
}

function exportedNames(program: ts.Program, indexFile: string): number {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path.join(root, indexFile));
  const symbol = source && checker.getSymbolAtLocation(source);
  return symbol ? checker.getExportsOfModule(symbol).length : 0;
}

function starExports(indexFile: string): number {
  const text = fs.readFileSync(path.join(root, indexFile), 'utf8');
  return (text.match(/^export \* from /gm) ?? []).length;
}

/** Every `index.ts` of the libraries, folder indexes included. */
function libraryIndexFiles(): string[] {
  return listFiles(path.join(root, 'libs'))
    .filter((file) => file.endsWith('/index.ts') && file.includes('/src/') && !file.includes('/node_modules/'))
    .map((file) => path.relative(root, file));
}

function longFiles(program: ts.Program): { file: string; lines: number }[] {
  const consoleSources = listFiles(path.join(root, 'apps/console/src')).filter((file) => /\.tsx?$/.test(file));
  const files = [...ownSourceFiles(program).map((file) => file.fileName), ...consoleSources];
  return [...new Set(files)]
    .filter((file) => !isTestFile(file) && !isGenerated(file))
    .map((file) => ({ file: path.relative(root, file), lines: fs.readFileSync(file, 'utf8').split('\n').length }))
    .filter(({ lines }) => lines > lineLimit)
    .sort((a, b) => b.lines - a.lines);
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** Value and type imports alike: a cycle of type imports still ties the files together for a reader. */
function importGraph(program: ts.Program): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const options = program.getCompilerOptions();
  for (const source of ownSourceFiles(program)) {
    if (isTestFile(source.fileName)) continue;
    const targets: string[] = [];
    for (const statement of source.statements) {
      const specifier =
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier)) continue;
      const resolved = ts.resolveModuleName(specifier.text, source.fileName, options, ts.sys).resolvedModule;
      const target = resolved?.resolvedFileName;
      if (target && !target.includes('/node_modules/') && target.startsWith(root) && !isTestFile(target)) {
        targets.push(path.relative(root, target));
      }
    }
    graph.set(path.relative(root, source.fileName), targets);
  }
  return graph;
}

const applicationSource = 'libs/application/src/';
const featureOf = (file: string): string | undefined =>
  file.startsWith(applicationSource) ? file.slice(applicationSource.length).split('/').slice(0, -1)[0] : undefined;

/** An application file importing a file of another feature other than its `index.ts` (or `testing/index.ts`). */
function deepFeatureImports(graph: Map<string, string[]>): string[] {
  const deep: string[] = [];
  for (const [file, targets] of graph) {
    const feature = featureOf(file);
    if (!feature) continue;
    for (const target of targets) {
      const other = featureOf(target);
      const entries = [`${applicationSource}${other}/index.ts`, `${applicationSource}${other}/testing/index.ts`];
      if (other && other !== feature && !entries.includes(target)) {
        deep.push(`${file} → ${target}`);
      }
    }
  }
  return deep;
}

/** Tarjan's strongly connected components: each component of more than one file is one cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

function main(): void {
  const program = sourceProgram();
  const libraries = fs
    .readdirSync(path.join(root, 'libs'))
    .filter((lib) => fs.existsSync(path.join(root, 'libs', lib, 'src/index.ts')))
    .map((lib) => `libs/${lib}/src/index.ts`);
  const indexes = libraries.map((index) => ({
    index,
    exportedNames: exportedNames(program, index),
    starExports: starExports(index),
  }));
  const long = longFiles(program);
  const graph = importGraph(program);
  const found = cycles(graph);
  const deep = deepFeatureImports(graph);
  const figures = { indexes, filesOverLimit: long, importCycles: found, deepFeatureImports: deep };
  if (process.argv.includes('--check')) {
    const problems = [
      ...libraryIndexFiles()
        .filter((index) => starExports(index) > 0)
        .map((index) => `${index} has \`export *\` lines`),
      ...long.map(({ file, lines }) => `${file} has ${lines} lines (at most ${lineLimit})`),
      ...found.map((component) => `import cycle: ${component.join(' → ')}`),
      ...deep.map((line) => `past a feature's index: ${line}`),
    ];
    for (const problem of problems) console.error(problem);
    if (problems.length > 0) process.exit(1);
    console.log('architecture: library indexes name their exports; no file over 400 lines, no cycle, no deep import');
    return;
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(figures, null, 2));
    return;
  }
  console.log('Library indexes (exported names, `export *` lines):');
  for (const { index, exportedNames: names, starExports: stars } of indexes) {
    console.log(`  ${index.padEnd(36)} ${String(names).padStart(4)} names  ${String(stars).padStart(3)} export *`);
  }
  console.log(`\nSource files over ${lineLimit} lines (tests and generated code aside): ${long.length}`);
  for (const { file, lines } of long) console.log(`  ${String(lines).padStart(5)}  ${file}`);
  console.log(`\nImports reaching past another application feature's index: ${deep.length}`);
  for (const line of deep) console.log(`  ${line}`);
  console.log(`\nImport cycles: ${found.length}`);
  for (const component of found) console.log(`  ${component.length} files: ${component.join(' → ')}`);
}

main();
