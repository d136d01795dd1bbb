import { ASTNode, BREAK, DocumentNode, GraphQLError, Kind, ValueNode, parse, visit } from 'graphql';

const VALUE_KINDS = new Set<string>([
  Kind.INT,
  Kind.FLOAT,
  Kind.STRING,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
  Kind.OBJECT_FIELD,
]);

/**
 * Where in the arguments an input error of graphql-js points, as a field path
 * (`input.contactNumbers[1].number`, `id`); undefined when the error is not about an input value.
 * Variables: `Variable "$input" got invalid value … at "input.x[0]"`. Literals: the argument
 * holding the offending value node. Missing arguments: the argument's name.
 */
export function inputErrorPath(error: GraphQLError): string | undefined {
  const variable =
    /^Variable "\$([^"]+)" (?:got invalid value .*? at "([^"]+)"|got invalid value|of required type .* was not provided|of non-null type)/s.exec(
      error.message,
    );
  if (variable) return variable[2] ?? variable[1];
  const missingArgument =
    /^Field "[^"]+" argument "([^"]+)" of type "[^"]+" is required/.exec(error.message) ??
    /^Directive "@[^"]+" argument "([^"]+)" of type "[^"]+" is required/.exec(error.message);
  if (missingArgument) return missingArgument[1];
  const node = error.nodes?.[0];
  if (!node || !VALUE_KINDS.has(node.kind) || !node.loc) return undefined;
  const path = argumentPathAt(documentOf(error), node);
  const missingField = /^Field "[^".]+\.([^"]+)" of required type "[^"]+" was not provided/.exec(error.message);
  return path && missingField ? `${path}.${missingField[1]}` : path;
}

function documentOf(error: GraphQLError): DocumentNode | undefined {
  const body = error.source?.body;
  if (body === undefined) return undefined;
  try {
    return parse(body, { noLocation: false });
  } catch {
    return undefined;
  }
}

function argumentPathAt(document: DocumentNode | undefined, target: ASTNode): string | undefined {
  if (!document) return undefined;
  let found: string | undefined;
  visit(document, {
    Argument(argument) {
      if (!contains(argument.value, target)) return undefined;
      found = valuePath(argument.value, argument.name.value, target);
      return BREAK;
    },
  });
  return found;
}

function valuePath(value: ValueNode, path: string, target: ASTNode): string {
  if (value.kind === Kind.OBJECT) {
    const field = value.fields.find((f) => contains(f, target));
    return field ? valuePath(field.value, `${path}.${field.name.value}`, target) : path;
  }
  if (value.kind === Kind.LIST) {
    const index = value.values.findIndex((v) => contains(v, target));
    return index >= 0 ? valuePath(value.values[index], `${path}[${index}]`, target) : path;
  }
  return path;
}

const contains = (outer: ASTNode, inner: ASTNode): boolean =>
  !!outer.loc && !!inner.loc && outer.loc.start <= inner.loc.start && inner.loc.end <= outer.loc.end;
