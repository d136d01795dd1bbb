// BullMQ refuses custom job ids that contain ':' or read as an integer ("42", "-7"). Job ids here are
// often built like `voicemail:rec-1`, so they are escaped, reversibly and without collisions:
// '%' → %25 and ':' → %3A everywhere, then an id that still reads as an integer gets its first
// character escaped too ("42" → "%342"). A bare '%' never survives escaping, so decoding is exact.

const escapeChar = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** The id BullMQ stores for a job id of ours. */
export function toBullMqJobId(jobId: string): string {
  const escaped = jobId.replace(/[%:]/g, escapeChar);
  return `${parseInt(escaped, 10)}` === escaped ? escapeChar(escaped[0]) + escaped.slice(1) : escaped;
}

/** Our job id back from the id BullMQ stores. */
export function fromBullMqJobId(stored: string): string {
  return stored.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
