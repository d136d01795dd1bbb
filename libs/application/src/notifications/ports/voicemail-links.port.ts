import { Id, Instant } from '@dutyline/domain';

export interface VoicemailLinkRequest {
  readonly accountId: Id;
  readonly callId: Id;
  /** The carrier's reference of the recording (`RecordingCarrier.fetchRecording`). */
  readonly recording: string;
  readonly expiresAt: Instant;
}

/** What a link opens, as long as it has not expired. */
export interface VoicemailLinkTarget {
  readonly accountId: Id;
  readonly callId: Id;
  readonly recording: string;
  readonly expiresAt: Instant;
}

/**
 * Links that play a voicemail without logging in, for an SMS (F13). A link carries a random token of
 * at least 128 bits; only its hash is stored, so a database leak gives no usable link. The gateway
 * serves `GET <publicUrl>/voicemail/<token>`: it resolves the token and streams the recording.
 * Failure contract: a rejection means the store is unreachable; nothing was written.
 */
export interface VoicemailLinks {
  issueVoicemailLink(request: VoicemailLinkRequest): Promise<{ readonly url: string }>;
  /** Deletes the links expired at `at`; resolves with how many. */
  purgeExpired(at: Instant): Promise<number>;
}

/** The gateway's side: `undefined` for an unknown, tampered or expired token (answer 404 alike). */
export interface VoicemailLinkResolver {
  resolveVoicemailLink(token: string, at: Instant): Promise<VoicemailLinkTarget | undefined>;
}
