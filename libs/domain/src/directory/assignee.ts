import { Id, assertId, invalid } from '../shared';

/** Who can be put on a slot: a person or a team (a team rings its members in order). */
export type AssigneeRef = { readonly kind: 'person'; readonly id: Id } | { readonly kind: 'team'; readonly id: Id };

export function assigneeRef(input: { kind: string; id: string }, field = 'assignee'): AssigneeRef {
  if (input?.kind !== 'person' && input?.kind !== 'team') {
    invalid('INVALID_ASSIGNEE', `${field}.kind`, 'an assignee is a "person" or a "team"');
  }
  return { kind: input.kind, id: assertId(input.id, `${field}.id`) };
}

export const sameAssignee = (a: AssigneeRef, b: AssigneeRef): boolean => a.kind === b.kind && a.id === b.id;

/** Escalation levels in order; the same assignee may not appear twice. */
export function assigneeList(input: readonly { kind: string; id: string }[], field = 'assignees'): AssigneeRef[] {
  if (!Array.isArray(input) || input.length === 0) invalid('REQUIRED', field, 'name at least one assignee');
  if (input.length > 20) invalid('TOO_MANY', field, 'at most 20 escalation levels');
  const list = input.map((a, i) => assigneeRef(a, `${field}[${i}]`));
  list.forEach((a, i) => {
    if (list.findIndex((b) => sameAssignee(a, b)) !== i) {
      invalid('DUPLICATE_ASSIGNEE', `${field}[${i}]`, `${a.kind} ${a.id} is already an earlier level`);
    }
  });
  return list;
}
