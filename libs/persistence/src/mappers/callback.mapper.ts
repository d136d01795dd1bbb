import {
  CallbackCountry,
  CallbackOffer,
  CallbackRequest,
  CallbackServiceRef,
  Instant,
  allowedCallbackCountries,
  callbackNextAttemptAt,
  callbackNextDueAt,
  callbackOffer,
  closingEvent,
} from '@dutyline/domain';
import { CallbackIntakeSettingsRow, CallbackRequestRow } from '../entities/callback.entities';

/**
 * What the callback store keeps of a request: the domain's request, its service, and the call working on
 * it (only its id is read here). Whatever else the owner puts in the document is stored and read back as is.
 */
export interface CallbackRequestDocument {
  readonly accountId: string;
  readonly service: CallbackServiceRef;
  readonly request: CallbackRequest;
  readonly call: { readonly id: string } | null;
  /** Set by the store: 1 once created, one more on each save. */
  readonly version: number;
}

/** The row for `record` at `version`: the document without its version, and the columns derived from it. */
export function callbackRequestRowOf(record: CallbackRequestDocument, version: number): CallbackRequestRow {
  const { request } = record;
  const { version: _ignored, ...document } = record;
  const closed = closingEvent(request);
  return {
    accountId: record.accountId,
    id: request.id,
    serviceKind: record.service.kind,
    serviceId: record.service.id,
    number: request.number,
    createdAt: request.createdAt,
    expiresAt: request.expiresAt,
    closedStatus: closed?.status ?? null,
    nextAttemptAt: callbackNextAttemptAt(request),
    dialDueAt: request.policy.mode === 'automatic' ? callbackNextDueAt(request) : null,
    activeCallId: record.call?.id ?? null,
    version,
    document: JSON.stringify(document),
  };
}

export function callbackRequestOfRow<D extends CallbackRequestDocument>(row: CallbackRequestRow): D {
  return { ...(JSON.parse(row.document) as Omit<D, 'version'>), version: row.version } as D;
}

/** A service's intake settings (the application's `CallbackIntakeSettings`). */
export interface CallbackIntakeDocument {
  readonly accountId: string;
  readonly service: CallbackServiceRef;
  readonly offer: CallbackOffer | null;
  readonly allowedCountries: readonly CallbackCountry[] | null;
  readonly updatedAt: Instant;
}

export const callbackIntakeRowOf = (settings: CallbackIntakeDocument): CallbackIntakeSettingsRow => ({
  accountId: settings.accountId,
  serviceKind: settings.service.kind,
  serviceId: settings.service.id,
  offerAt: settings.offer?.at ?? null,
  allowedCountries: settings.allowedCountries === null ? null : JSON.stringify(settings.allowedCountries),
  updatedAt: settings.updatedAt,
});

/** Read back through the domain's validation, like every other row. */
export const callbackIntakeOfRow = (row: CallbackIntakeSettingsRow): CallbackIntakeDocument => ({
  accountId: row.accountId,
  service: { kind: row.serviceKind as CallbackServiceRef['kind'], id: row.serviceId },
  offer: callbackOffer(row.offerAt === null ? null : { at: row.offerAt }),
  allowedCountries:
    row.allowedCountries === null ? null : allowedCallbackCountries(JSON.parse(row.allowedCountries) as string[]),
  updatedAt: row.updatedAt,
});
