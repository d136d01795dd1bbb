import { PhoneNumber } from '../shared';
import { allowedCallbackCountries, callbackNumberRules, checkCallbackNumber } from './callback-number-rules';

const paris = PhoneNumber.fromE164('+33140000000');
const frenchOnly = callbackNumberRules(paris, null);
const frenchAndBelgian = callbackNumberRules(paris, ['FR', 'BE']);

describe('callback number rules (toll fraud, F19)', () => {
  it.each([
    ['06 12 34 56 78', frenchOnly, '+33612345678'],
    ['0612345678', frenchOnly, '+33612345678'],
    ['+33 1 40 00 00 01', frenchOnly, '+33140000001'],
    ['0032470123456', frenchAndBelgian, '+32470123456'],
    ['0800123456', frenchOnly, '+33800123456'],
  ])('accepts %s as %s', (input, rules, e164) => {
    const checked = checkCallbackNumber(input, rules);
    expect(checked.ok && checked.value.e164).toBe(e164);
  });

  it.each([
    ['061234', frenchOnly, 'CALLBACK_NUMBER_INVALID'],
    ['', frenchOnly, 'CALLBACK_NUMBER_INVALID'],
    ['12*34#', frenchOnly, 'CALLBACK_NUMBER_INVALID'],
    ['call me', frenchOnly, 'CALLBACK_NUMBER_INVALID'],
    ['0899123456', frenchOnly, 'CALLBACK_NUMBER_PREMIUM_RATE'],
    ['0810123456', frenchOnly, 'CALLBACK_NUMBER_PREMIUM_RATE'],
    ['0032470123456', frenchOnly, 'CALLBACK_NUMBER_COUNTRY_NOT_ALLOWED'],
    ['00442079460958', frenchAndBelgian, 'CALLBACK_NUMBER_COUNTRY_NOT_ALLOWED'],
  ])('refuses %p with %s, naming the field', (input, rules, code) => {
    expect(checkCallbackNumber(input, rules, 'input.number')).toEqual({
      ok: false,
      error: expect.objectContaining({ code, field: 'input.number' }),
    });
  });

  it("allows the hotline's own country when the service names none", () => {
    expect(callbackNumberRules(PhoneNumber.fromE164('+81312345678'), null)).toEqual({
      defaultCountry: 'JP',
      allowedCountries: ['JP'],
    });
    expect(callbackNumberRules(paris, [])).toEqual({ defaultCountry: 'FR', allowedCountries: ['FR'] });
  });

  it.each([
    [[], 'REQUIRED', 'countries'],
    [['FR', 'ZZ'], 'INVALID_COUNTRY', 'countries[1]'],
    [['fr', 'FR'], 'DUPLICATE_COUNTRY', 'countries[1]'],
  ])('refuses the country list %p with %s at %s', (input, code, field) => {
    expect(() => allowedCallbackCountries(input, 'countries')).toThrow(
      expect.objectContaining({ name: 'ValidationError', code, field }),
    );
  });

  it('upper-cases country codes', () => {
    expect(allowedCallbackCountries(['fr', ' be '])).toEqual(['FR', 'BE']);
  });
});
