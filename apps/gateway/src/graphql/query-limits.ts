import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isObjectType,
  getNamedType,
  getNullableType,
  Kind,
  OperationDefinitionNode,
  SchemaMetaFieldDef,
  SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  ValidationContext,
  ValidationRule,
} from 'graphql';

/**
 * Walks every selection of an operation, fragments inlined. A fragment's measure is computed once
 * (`memo`), so fragments spread many times cannot make the walk exponential; a fragment cycle stops
 * the walk (graphql-js reports it).
 */
interface Walk {
  readonly fragment: (name: string) => FragmentDefinitionNode | undefined;
  readonly visiting: ReadonlySet<string>;
  readonly memo: Map<string, number>;
}

const newWalk = (context: ValidationContext): Walk => ({
  fragment: (name) => context.getFragment(name) ?? undefined,
  visiting: new Set(),
  memo: new Map(),
});

/** Measures a fragment spread or inline fragment, once per fragment name. */
function measureInner(
  selection: Exclude<SelectionSetNode['selections'][number], FieldNode>,
  { walk, variant }: { readonly walk: Walk; readonly variant?: number },
  measure: (selectionSet: SelectionSetNode, typeCondition: string | undefined, walk: Walk) => number,
): number {
  if (selection.kind === Kind.INLINE_FRAGMENT)
    return measure(selection.selectionSet, selection.typeCondition?.name.value, walk);
  const name = selection.name.value;
  const key = `${name}@${variant ?? ''}`;
  const known = walk.memo.get(key);
  if (known !== undefined) return known;
  const fragment = walk.visiting.has(name) ? undefined : walk.fragment(name);
  if (!fragment) return 0;
  const value = measure(fragment.selectionSet, fragment.typeCondition.name.value, {
    ...walk,
    visiting: new Set([...walk.visiting, name]),
  });
  walk.memo.set(key, value);
  return value;
}

/**
 * Refuses operations nested deeper than `maxDepth` fields (`{ a { b } }` has depth 2). Introspection
 * fields (`__schema`, `__typename`) count like any other. Error code: `QUERY_TOO_DEEP`.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const depth = depthOf(operation.selectionSet, newWalk(context));
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(`The operation is nested ${depth} levels deep; at most ${maxDepth} are allowed.`, {
            nodes: [operation],
            extensions: { code: 'QUERY_TOO_DEEP', depth, maxDepth },
          }),
        );
      }
    },
  });
}

function depthOf(selectionSet: SelectionSetNode, walk: Walk): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, walk) : 0));
    } else {
      deepest = Math.max(
        deepest,
        measureInner(selection, { walk }, (set, _type, inner) => depthOf(set, inner)),
      );
    }
  }
  return deepest;
}

export interface ComplexityOptions {
  readonly maxComplexity: number;
  /** What `first: $var` costs when the variable has no default: the largest page. */
  readonly maxPageSize: number;
  /** Assumed length of a list field without `first` (contact numbers, members, slots). @defaultValue 10 */
  readonly assumedListSize?: number;
}

/**
 * Refuses operations whose estimated cost exceeds `maxComplexity`. Cost: every field counts 1; what
 * is asked below a list is multiplied by its length: the `first` argument (a literal, the variable's
 * default, or `maxPageSize`) of the list or of the connection holding it (`edges`, `nodes`), else
 * `assumedListSize`. Introspection fields cost like any other. Example:
 * `people(first: 50) { edges { node { name contactNumbers { number } } } }` costs
 * 1 + 1 + 50 × (1 + 1 + 1 + 10 × 1) = 652. Error code: `QUERY_TOO_COMPLEX`.
 */
export function complexityLimitRule(options: ComplexityOptions): ValidationRule {
  const listSize = options.assumedListSize ?? 10;
  return (context: ValidationContext) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const defaults = new Map<string, number>();
      for (const definition of operation.variableDefinitions ?? []) {
        const value = definition.defaultValue;
        if (value?.kind === Kind.INT) defaults.set(definition.variable.name.value, Number(value.value));
      }
      const pageSize = (field: FieldNode): number | undefined => {
        const first = field.arguments?.find((a) => a.name.value === 'first')?.value;
        if (!first) return undefined;
        if (first.kind === Kind.INT) return Math.max(0, Number(first.value));
        if (first.kind === Kind.VARIABLE) return defaults.get(first.name.value) ?? options.maxPageSize;
        return undefined;
      };
      const schema = context.getSchema();
      const root = schema.getRootType(operation.operation) ?? undefined;
      const cost = costOf(operation.selectionSet, {
        parent: root,
        walk: newWalk(context),
        pricing: { schema, pageSize, listSize },
      });
      if (cost > options.maxComplexity) {
        context.reportError(
          new GraphQLError(
            `The operation would cost ${cost}; at most ${options.maxComplexity} is allowed. Ask for smaller pages or fewer fields.`,
            {
              nodes: [operation],
              extensions: { code: 'QUERY_TOO_COMPLEX', complexity: cost, maxComplexity: options.maxComplexity },
            },
          ),
        );
      }
    },
  });
}

interface Pricing {
  readonly schema: GraphQLSchema;
  readonly pageSize: (field: FieldNode) => number | undefined;
  readonly listSize: number;
}

/** A field of `parent`, the introspection fields (`__schema`, `__type`, `__typename`) included. */
function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name && parent === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name && parent === schema.getQueryType()) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function costOf(
  selectionSet: SelectionSetNode,
  {
    parent,
    walk,
    pricing,
    page,
  }: {
    readonly parent: GraphQLNamedType | undefined;
    readonly walk: Walk;
    readonly pricing: Pricing;
    readonly page?: number;
  },
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const definition = fieldDefinition(pricing.schema, parent, selection.name.value);
      total += 1;
      if (!selection.selectionSet) continue;
      const isList = definition ? isListType(getNullableType(definition.type)) : false;
      const first = pricing.pageSize(selection);
      // A paged field returning a connection passes its page size down to the connection's list (`edges`, `nodes`).
      const times = isList ? (first ?? page ?? pricing.listSize) : 1;
      const childPage = !isList ? first : undefined;
      const child = definition ? getNamedType(definition.type) : undefined;
      total += times * costOf(selection.selectionSet, { parent: child, walk, pricing, page: childPage });
    } else {
      total += measureInner(selection, { walk, variant: page }, (set, type, inner) =>
        costOf(set, {
          parent: type ? (pricing.schema.getType(type) ?? undefined) : parent,
          walk: inner,
          pricing,
          page,
        }),
      );
    }
  }
  return total;
}

export interface SelectionLimits {
  readonly maxAliases: number;
  readonly maxFields: number;
}

/**
 * Refuses operations asking more than `maxFields` fields or `maxAliases` aliases (`__typename`
 * included; a fragment counts once per spread). Error codes: `QUERY_TOO_MANY_FIELDS`, `QUERY_TOO_MANY_ALIASES`.
 */
export function selectionLimitRule(limits: SelectionLimits): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const fields = countOf(operation.selectionSet, newWalk(context), () => true);
      const aliases = countOf(operation.selectionSet, newWalk(context), (field) => field.alias !== undefined);
      if (fields > limits.maxFields) {
        context.reportError(
          new GraphQLError(`The operation asks for ${fields} fields; at most ${limits.maxFields} are allowed.`, {
            nodes: [operation],
            extensions: { code: 'QUERY_TOO_MANY_FIELDS', fields, maxFields: limits.maxFields },
          }),
        );
      }
      if (aliases > limits.maxAliases) {
        context.reportError(
          new GraphQLError(`The operation uses ${aliases} aliases; at most ${limits.maxAliases} are allowed.`, {
            nodes: [operation],
            extensions: { code: 'QUERY_TOO_MANY_ALIASES', aliases, maxAliases: limits.maxAliases },
          }),
        );
      }
    },
  });
}

function countOf(selectionSet: SelectionSetNode, walk: Walk, counts: (field: FieldNode) => boolean): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      total +=
        (counts(selection) ? 1 : 0) + (selection.selectionSet ? countOf(selection.selectionSet, walk, counts) : 0);
    } else {
      total += measureInner(selection, { walk }, (set, _type, inner) => countOf(set, inner, counts));
    }
  }
  return total;
}

/**
 * Refuses the schema's introspection (`__schema`, `__type`) when it is off, once per document;
 * `__typename` stays. Error code: `INTROSPECTION_DISABLED`.
 */
export function introspectionDisabledRule(): ValidationRule {
  return (context: ValidationContext) => {
    let reported = false;
    return {
      Field(field: FieldNode) {
        const type = context.getType();
        if (reported || !type || !isIntrospectionType(getNamedType(type))) return;
        reported = true;
        context.reportError(
          new GraphQLError(
            `Introspection is disabled: \`${field.name.value}\` cannot be asked. The schema is published as schema.graphql.`,
            {
              nodes: [field],
              extensions: { code: 'INTROSPECTION_DISABLED' },
            },
          ),
        );
      },
    };
  };
}
