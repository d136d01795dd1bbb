import { DateTime } from 'luxon';

/** Every IANA zone the browser knows (plus UTC, which Chromium leaves out), for a searchable select. */
export function timeZoneNames(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

let options: { value: string; label: string }[] | null = null;

/** `Europe/Paris (UTC+01:00)`: the zone with its offset now, in that zone (luxon, never the browser's own zone). */
export function timeZoneOptions(): { value: string; label: string }[] {
  if (!options) {
    const now = DateTime.now();
    options = timeZoneNames().map((zone) => ({
      value: zone,
      label: `${zone} (UTC${now.setZone(zone).toFormat('ZZ')})`,
    }));
  }
  return options;
}

/** Languages offered for spoken prompts; any BCP-47 tag may be typed. */
export const PROMPT_LANGUAGES = [
  'fr-FR',
  'en-GB',
  'en-US',
  'fr-BE',
  'fr-CH',
  'fr-CA',
  'de-DE',
  'es-ES',
  'it-IT',
  'nl-NL',
  'pt-PT',
];
