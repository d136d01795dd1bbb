/** The signed-in session kept across reloads: the login token and when it expires. */
export interface StoredSession {
  readonly token: string;
  readonly expiresAt: string;
}

const KEY = 'dutyline.session';

export function readSession(now: Date = new Date()): StoredSession | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    if (typeof session.token !== 'string' || Date.parse(session.expiresAt) <= now.getTime()) return null;
    return session;
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession | null): void {
  if (session) window.localStorage.setItem(KEY, JSON.stringify(session));
  else window.localStorage.removeItem(KEY);
}
