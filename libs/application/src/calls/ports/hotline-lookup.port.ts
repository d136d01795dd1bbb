import { Hotline } from '@dutyline/domain';

/**
 * Finds the hotline answering an inbound call. Asked on every call, so implementations cache
 * (`CachingHotlineLookup` wraps a repository).
 * Failure contract: `undefined` is an answer — no hotline owns this number (the caller hears a polite
 * message); a rejection means the lookup cannot tell now (store unreachable), and the call falls back.
 */
export interface HotlineLookup {
  /** `e164`: the number called, in E.164 (`+33140000000`). */
  byNumber(e164: string): Promise<Hotline | undefined>;
}
