// Dutyline's own lint rules.
// feature-entry: a feature folder of a layered library is entered through its index only.
// `libs/application/src/calls/x.ts` may import `../callbacks` or `../callbacks/testing`,
// never `../callbacks/callback-dialler`. Files directly in `src/` (the root index, the composition root) count
// as a feature of their own.
import path from 'node:path';

const entryPaths = new Set(['', 'index', 'index.ts', 'testing', 'testing/index', 'testing/index.ts']);

function featureOf(file, sourceRoot) {
  const relative = path.relative(sourceRoot, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const parts = relative.split(path.sep);
  return { feature: parts.length > 1 ? parts[0] : '', inside: parts.slice(1).join('/') };
}

export const featureEntry = {
  meta: {
    type: 'problem',
    docs: { description: 'Features use each other only through their index (or their testing index).' },
    schema: [{ type: 'object', properties: { roots: { type: 'array', items: { type: 'string' } } } }],
    messages: {
      deep: "'{{source}}' reaches into the {{feature}} feature past its index: import '{{entry}}' and export the name there.",
    },
  },
  create(context) {
    const roots = (context.options[0]?.roots ?? []).map((root) => path.resolve(context.cwd, root));
    const filename = context.filename;
    const sourceRoot = roots.find((root) => featureOf(filename, root) !== null);
    if (!sourceRoot) return {};
    const own = featureOf(filename, sourceRoot);
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = featureOf(path.resolve(path.dirname(filename), source), sourceRoot);
      if (!target || target.feature === own.feature || target.feature === '') return;
      if (entryPaths.has(target.inside)) return;
      const entry = path.relative(path.dirname(filename), path.join(sourceRoot, target.feature)) || '.';
      context.report({
        node: node.source,
        messageId: 'deep',
        data: { source, feature: target.feature, entry: entry.startsWith('.') ? entry : `./${entry}` },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const maxPositional = 3;

/** A DI factory: Nest's `useFactory`, or the last argument of a `provideFactory(token, [deps], factory)`-style call. */
function isDependencyFactory(node) {
  const parent = node.parent;
  if (parent?.type === 'Property' && parent.key?.name === 'useFactory') return true;
  return (
    parent?.type === 'CallExpression' &&
    parent.arguments.at(-1) === node &&
    parent.arguments.some((argument) => argument.type === 'ArrayExpression') &&
    /factory/i.test(parent.callee.name ?? parent.callee.property?.name ?? '')
  );
}

/**
 * A callback whose arity its caller fixes: `it.each(table)(name, (a, b, c, d) => …)` takes the table's row,
 * `text.replace(pattern, (match, a, b, c) => …)` the pattern's groups.
 */
function isFixedArityCallback(node) {
  const callee = node.parent?.type === 'CallExpression' ? node.parent.callee : null;
  if (callee?.type === 'CallExpression' && callee.callee.property?.name === 'each') return true;
  return ['replace', 'replaceAll'].includes(callee?.property?.name);
}

export const optionsObject = {
  meta: {
    type: 'suggestion',
    docs: { description: 'A function taking four or more positional arguments takes an options object instead.' },
    schema: [],
    messages: {
      many: '{{count}} positional parameters: take one options object (constructors of injected dependencies aside).',
    },
  },
  create(context) {
    const check = (node) => {
      if (node.params.length <= maxPositional) return;
      if (node.parent?.type === 'MethodDefinition' && node.parent.kind === 'constructor') return;
      if (node.params.every((param) => param.decorators?.length)) return; // framework-injected (@Args, @Inject)
      if (isDependencyFactory(node) || isFixedArityCallback(node)) return;
      context.report({ node, messageId: 'many', data: { count: String(node.params.length) } });
    };
    return { FunctionDeclaration: check, FunctionExpression: check, ArrowFunctionExpression: check };
  },
};

export default { rules: { 'feature-entry': featureEntry, 'options-object': optionsObject } };
