import {
  ApiKey,
  CallbackPolicy,
  Hotline,
  Id,
  Instant,
  LocalDateTime,
  Override,
  PatternWindowInput,
  Person,
  Prompt,
  ServiceHours,
  Slot,
  StoredPattern,
  Team,
  User,
  assertId,
  err,
  formatInstant,
  ok,
  Result,
} from '@dutyline/domain';
import { patternInput } from '../patterns';
import { NotFoundRefusal, allItems, notFound } from '../shared';
import { AccountExportDeps } from './ports';

/** Raise it when a field changes meaning or goes; adding a field keeps it. */
export const ACCOUNT_EXPORT_VERSION = 1;

/** An instant as ISO-8601 UTC, e.g. `2027-03-28T01:00:00.000Z`. */
type Iso = string;

/**
 * An account's data for moving it elsewhere, as JSON. Instants are ISO-8601 UTC; slot times are
 * wall-clock `YYYY-MM-DDTHH:MM` in their hotline's `timeZone`; numbers are E.164. Users come without
 * password hashes and API keys without their secret (only the public prefix), so nothing here signs in.
 */
export interface AccountExport {
  readonly version: typeof ACCOUNT_EXPORT_VERSION;
  readonly exportedAt: Iso;
  readonly account: {
    readonly id: Id;
    readonly name: string;
    readonly createdAt: Iso;
    readonly disabledAt: Iso | null;
  };
  readonly users: readonly {
    readonly id: Id;
    readonly email: string;
    readonly name: string;
    readonly role: string;
    readonly createdAt: Iso;
  }[];
  readonly apiKeys: readonly {
    readonly id: Id;
    readonly name: string;
    readonly prefix: string;
    readonly role: string;
    readonly createdAt: Iso;
    readonly revokedAt: Iso | null;
    readonly lastUsedAt: Iso | null;
  }[];
  /** Contact numbers in the order they are rung. */
  readonly people: readonly {
    readonly id: Id;
    readonly name: string;
    readonly colour: string;
    readonly email: string | null;
    /** How many Dutyline calls the person takes at once. */
    readonly maxSimultaneousCalls: number;
    readonly contactNumbers: readonly {
      readonly number: string;
      readonly label: string;
      readonly ringTimeoutSeconds: number;
      readonly enabled: boolean;
    }[];
  }[];
  /** Members in the order they are rung. */
  readonly teams: readonly {
    readonly id: Id;
    readonly name: string;
    readonly colour: string;
    readonly memberIds: readonly Id[];
    readonly callbackSettings: ExportedCallbackSettings | null;
  }[];
  readonly hotlines: readonly ExportedHotline[];
  /** The account's predefined on-call periods (the built-in presets are not included). */
  readonly patterns: readonly {
    readonly id: Id;
    readonly name: string;
    readonly windows: readonly PatternWindowInput[];
  }[];
}

export interface ExportedHotline {
  readonly id: Id;
  readonly name: string;
  readonly number: string;
  readonly timeZone: string;
  readonly language: string;
  readonly supervisorIds: readonly Id[];
  readonly serviceHours: ServiceHours;
  readonly scenario: Hotline['scenario'];
  readonly greeting: Prompt | null;
  readonly requireAnswerConfirmation: boolean;
  readonly callerIdMode: string;
  /** How each on-call level is rung (F26). */
  readonly levelStrategies: readonly string[];
  /** Every slot, ordered by start, with the schedule's version. */
  readonly schedule: {
    readonly version: number;
    readonly slots: readonly {
      readonly id: Id;
      readonly start: string;
      readonly end: string;
      readonly assignees: Slot['assignees'];
    }[];
  };
  /** Every override, past ones too, in creation order. */
  readonly overrides: readonly {
    readonly id: Id;
    readonly start: Iso;
    readonly end: Iso;
    readonly assignees: Override['assignees'];
    readonly level: number | null;
    readonly createdAt: Iso;
    readonly reason: string | null;
  }[];
  readonly callbackSettings: ExportedCallbackSettings | null;
}

export interface ExportedCallbackSettings {
  readonly policy: CallbackPolicy;
  readonly updatedAt: Iso;
}

/** Every slot whatever its date (local date-times run from 1900 to 2999). */
const ALL_TIME = {
  start: LocalDateTime.of({ year: 1900, month: 1, day: 1 }),
  end: LocalDateTime.of({ year: 2999, month: 12, day: 31, hour: 23, minute: 59 }),
};
const END_OF_TIME = Date.UTC(3000, 0, 1);

const iso = (at: Instant | null | undefined): Iso | null => (at == null ? null : formatInstant(at));

/** Reads an account whole, through the same repositories as the use cases. */
export async function exportAccount(
  deps: AccountExportDeps,
  accountId: Id,
): Promise<Result<AccountExport, NotFoundRefusal>> {
  const id = assertId(accountId, 'accountId');
  const account = await deps.accounts.account(id);
  if (!account) return err(notFound('account', id, 'accountId'));
  const [users, apiKeys, people, teams, hotlines, patterns] = [
    await allItems((page) => deps.accounts.listUsers(id, page)),
    await deps.apiKeys.apiKeys(id),
    await allItems((page) => deps.people.listPeople(id, page)),
    await allItems((page) => deps.teams.listTeams(id, page)),
    await allItems((page) => deps.hotlines.list(id, page)),
    await allItems((page) => deps.patterns.listPatterns(id, page)),
  ];
  const callbackSettings = async (
    kind: 'hotline' | 'team',
    serviceId: Id,
  ): Promise<ExportedCallbackSettings | null> => {
    const settings = await deps.callbackSettings.callbackSettings(id, { kind, id: serviceId });
    return settings ? { policy: settings.policy, updatedAt: formatInstant(settings.updatedAt) } : null;
  };
  const exportedHotlines: ExportedHotline[] = [];
  for (const hotline of hotlines) {
    const schedule = await deps.schedules.slots(id, hotline.id, ALL_TIME);
    const overrides = await deps.schedules.overrides(id, hotline.id, { from: 0, to: END_OF_TIME });
    exportedHotlines.push(
      exportedHotline(hotline, {
        version: schedule?.version ?? 0,
        slots: schedule?.slots ?? [],
        overrides,
        callbackSettings: await callbackSettings('hotline', hotline.id),
      }),
    );
  }
  const exportedTeams = [];
  for (const team of teams)
    exportedTeams.push({ ...exportedTeam(team), callbackSettings: await callbackSettings('team', team.id) });
  return ok({
    version: ACCOUNT_EXPORT_VERSION,
    exportedAt: formatInstant(deps.clock.now()),
    account: {
      id: account.id,
      name: account.name,
      createdAt: formatInstant(account.createdAt),
      disabledAt: iso(account.disabledAt),
    },
    users: users.map(exportedUser),
    apiKeys: apiKeys.map(exportedApiKey),
    people: people.map(exportedPerson),
    teams: exportedTeams,
    hotlines: exportedHotlines,
    patterns: patterns.map(exportedPattern),
  });
}

const exportedUser = (u: User) => ({
  id: u.id,
  email: u.email.value,
  name: u.name,
  role: u.role,
  createdAt: formatInstant(u.createdAt),
});

const exportedApiKey = (k: ApiKey) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  role: k.role,
  createdAt: formatInstant(k.createdAt),
  revokedAt: iso(k.revokedAt),
  lastUsedAt: iso(k.lastUsedAt),
});

const exportedPerson = (p: Person) => ({
  id: p.id,
  name: p.name,
  colour: p.colour.toString(),
  email: p.email?.value ?? null,
  maxSimultaneousCalls: p.maxSimultaneousCalls,
  contactNumbers: p.contactNumbers.map((n) => ({
    number: n.number.e164,
    label: n.label,
    ringTimeoutSeconds: n.ringTimeout.seconds,
    enabled: n.enabled,
  })),
});

const exportedTeam = (t: Team) => ({
  id: t.id,
  name: t.name,
  colour: t.colour.toString(),
  memberIds: [...t.memberIds],
});

const exportedPattern = (p: StoredPattern) => ({ id: p.id, ...patternInput(p) });

/** What the export holds of a hotline beside the hotline itself. */
interface HotlineExtras {
  readonly version: number;
  readonly slots: readonly Slot[];
  readonly overrides: readonly Override[];
  readonly callbackSettings: ExportedCallbackSettings | null;
}

function exportedHotline(h: Hotline, { version, slots, overrides, callbackSettings }: HotlineExtras): ExportedHotline {
  return {
    id: h.id,
    name: h.name,
    number: h.number.e164,
    timeZone: h.timeZone.toString(),
    language: h.language,
    supervisorIds: [...h.supervisorIds],
    serviceHours: h.serviceHours,
    scenario: h.scenario,
    greeting: h.greeting,
    requireAnswerConfirmation: h.requireAnswerConfirmation,
    callerIdMode: h.callerIdMode,
    levelStrategies: [...h.levelStrategies],
    schedule: {
      version,
      slots: slots.map((s) => ({ id: s.id, start: s.start.toString(), end: s.end.toString(), assignees: s.assignees })),
    },
    overrides: overrides.map((o) => ({
      id: o.id,
      start: formatInstant(o.start),
      end: formatInstant(o.end),
      assignees: o.assignees,
      level: o.level,
      createdAt: formatInstant(o.createdAt),
      reason: o.reason,
    })),
    callbackSettings,
  };
}
