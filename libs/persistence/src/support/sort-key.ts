/**
 * What names sort by, the same on MariaDB and SQLite (both compare it in code point order):
 * lower case, accents and control characters dropped, white space collapsed.
 * `Élodie  Martin` → `elodie martin`.
 */
export function sortKey(name: string, maxLength = 120): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim()
    .slice(0, maxLength);
}
