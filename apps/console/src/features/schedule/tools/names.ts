import type { ToolAssigneeFragment } from '../../../gql/graphql';

/** The name of a person or team on duty, as the API gives it. */
export function assigneeName(assignee: Pick<ToolAssigneeFragment, 'person' | 'team'>): string {
  return assignee.person?.name ?? assignee.team?.name ?? '?';
}

export function assigneeColour(assignee: Pick<ToolAssigneeFragment, 'person' | 'team'>): string | undefined {
  return assignee.person?.colour ?? assignee.team?.colour;
}

/**
 * An E.164 number grouped for reading (`+33 6 78 90 12 04`, `+1 212 555 0100`); other countries in
 * groups of three after the country code. Display only: the number dialled is the E.164 text.
 */
export function readableNumber(e164: string): string {
  const digits = e164.replace(/^\+/, '');
  if (!/^\d+$/.test(digits)) return e164;
  const groups = (rest: string, sizes: number[]) => {
    const out: string[] = [];
    let i = 0;
    for (const size of sizes) {
      if (i >= rest.length) break;
      out.push(rest.slice(i, i + size));
      i += size;
    }
    if (i < rest.length) out.push(rest.slice(i));
    return out.join(' ');
  };
  if (digits.startsWith('33') && digits.length === 11) return `+33 ${groups(digits.slice(2), [1, 2, 2, 2, 2])}`;
  if (digits.startsWith('1') && digits.length === 11) return `+1 ${groups(digits.slice(1), [3, 3, 4])}`;
  if (digits.startsWith('44')) return `+44 ${groups(digits.slice(2), [4, 6])}`;
  const cc = digits.length > 10 ? 2 : 1;
  return `+${digits.slice(0, cc)} ${groups(digits.slice(cc), [3, 3, 3, 3])}`;
}
