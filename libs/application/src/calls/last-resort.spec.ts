import { apologyPrompt } from './caller-prompts';
import { lastResortFor } from './last-resort';

describe('lastResortFor', () => {
  const settings = {
    emergencyNumbers: { '+33140000000': '+33612345678', '*': '+33600000000' },
    ringTimeoutSeconds: 25,
  };

  it("rings the hotline's own emergency number, for the set time, then apologises in the language", () => {
    expect(lastResortFor('+33140000000', settings, 'fr-FR')).toEqual({
      emergencyNumber: '+33612345678',
      ringTimeoutSeconds: 25,
      apology: apologyPrompt('fr-FR'),
    });
  });

  it('falls back on the `*` number for another hotline or an unknown one', () => {
    expect(lastResortFor('+33149999999', settings, 'en-GB').emergencyNumber).toBe('+33600000000');
    expect(lastResortFor(null, settings, 'en-GB').emergencyNumber).toBe('+33600000000');
  });

  it('has only the apology when no number is set', () => {
    const none = lastResortFor('+33140000000', { emergencyNumbers: {}, ringTimeoutSeconds: 30 }, 'de-DE');
    expect(none.emergencyNumber).toBeNull();
    expect(none.apology).toEqual(apologyPrompt('de-DE'));
  });
});
