import {
  AccountRepository,
  CallRecord,
  EmailAddress,
  Hotline,
  Id,
  MAX_PAGE_SIZE,
  Person,
  PersonRepository,
  PhoneNumber,
} from '@dutyline/domain';

/** The people chosen for a message, and the addresses and mobiles to use. */
export interface Recipients {
  readonly people: readonly Person[];
  /** The people's e-mails then the extra ones, each once. */
  readonly emails: readonly EmailAddress[];
  /** The first mobile of each person who has one, each once. */
  readonly mobiles: readonly PhoneNumber[];
}

export const NO_RECIPIENTS: Recipients = { people: [], emails: [], mobiles: [] };

/** The on-call people of a call: those its plan rang as on duty, in the order they were rung. */
export function onDutyPersonIds(record: CallRecord): Id[] {
  return unique(record.legs.filter((leg) => leg.via === 'on-call').map((leg) => leg.personId));
}

/** The hotline's supervisors; when the hotline is gone, those the call rang as supervisors. */
export function supervisorIds(record: CallRecord, hotline: Hotline | undefined): Id[] {
  if (hotline) return [...hotline.supervisorIds];
  return unique(record.legs.filter((leg) => leg.via === 'supervisor').map((leg) => leg.personId));
}

/** Reads the people named (one batch) and collects their addresses, plus `extraEmails`. */
export async function recipientsOf(
  people: PersonRepository,
  {
    accountId,
    personIds,
    extraEmails = [],
  }: { accountId: Id; personIds: readonly Id[]; extraEmails?: readonly EmailAddress[] },
): Promise<Recipients> {
  const ids = unique(personIds);
  return recipientsAmong(ids.length > 0 ? await people.peopleByIds(accountId, ids) : [], extraEmails);
}

/** The addresses and mobiles of people already read, plus `extraEmails`. */
export function recipientsAmong(found: readonly Person[], extraEmails: readonly EmailAddress[] = []): Recipients {
  const emails = [...found.map((p) => p.email).filter((e): e is EmailAddress => e !== null), ...extraEmails];
  const mobiles = found.map(firstMobile).filter((n): n is PhoneNumber => n !== undefined);
  return {
    people: found,
    emails: emails.filter((e, i) => emails.findIndex((f) => f.value === e.value) === i),
    mobiles: mobiles.filter((n, i) => mobiles.findIndex((m) => m.e164 === n.e164) === i),
  };
}

/** The e-mails of the account's admins, each once: who hears of a voicemail nobody else would. */
export async function accountAdminEmails(
  accounts: Pick<AccountRepository, 'listUsers'>,
  accountId: Id,
): Promise<EmailAddress[]> {
  const emails = new Map<string, EmailAddress>();
  let after: string | null = null;
  do {
    const page = await accounts.listUsers(accountId, { first: MAX_PAGE_SIZE, after });
    for (const user of page.items) if (user.role === 'admin') emails.set(user.email.value.toLowerCase(), user.email);
    after = page.nextCursor;
  } while (after !== null);
  return [...emails.values()];
}

/** The first enabled number that can take a text message. */
export function firstMobile(person: Person): PhoneNumber | undefined {
  return person.contactNumbers.find(
    (c) => c.enabled && (c.number.type === 'MOBILE' || c.number.type === 'FIXED_LINE_OR_MOBILE'),
  )?.number;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
