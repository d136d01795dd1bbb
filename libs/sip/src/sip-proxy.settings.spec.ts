import { ValidationError } from '@dutyline/domain';
import { SipProxySettings, expandUri, resolveSipProxySettings, targetTemplateFor } from './sip-proxy.settings';

const TRUNK = 'sip:{e164}@trunk.example.net:5060';

describe('resolveSipProxySettings', () => {
  it('fills the documented defaults', () => {
    expect(resolveSipProxySettings({ targetUri: TRUNK })).toEqual({
      bindAddress: '127.0.0.1',
      port: 5060,
      advertisedHost: '127.0.0.1',
      transport: 'udp',
      targetUri: TRUNK,
      targetUriByPrefix: {},
      voicemailUri: null,
      announcementUri: null,
      unknownNumberStatus: 404,
      recordRoute: true,
      allowFrom: null,
      carrier: 'sip',
      headerPrefix: 'X-Dutyline-',
      cancelGraceMs: 4000,
      timers: { t1Ms: 500, t2Ms: 4000, t4Ms: 5000 },
      dialogTtlSeconds: 43_200,
    });
  });

  it('writes number prefixes in E.164', () => {
    expect(
      resolveSipProxySettings({ targetUri: TRUNK, targetUriByPrefix: { '3314': 'sip:{digits}@pbx' } })
        .targetUriByPrefix,
    ).toEqual({ '+3314': 'sip:{digits}@pbx' });
  });

  it.each<[string, Partial<SipProxySettings>, string]>([
    ['a target without the number', { targetUri: 'sip:trunk.example.net' }, 'sip.targetUri'],
    ['a target that is no SIP URI', { targetUri: 'https://{e164}.example' }, 'sip.targetUri'],
    ['an unknown placeholder', { targetUri: 'sip:{number}@trunk' }, 'sip.targetUri'],
    ['a bad prefix', { targetUriByPrefix: { abc: 'sip:{e164}@pbx' } }, 'sip.targetUriByPrefix.abc'],
    ['a voicemail URI that is no SIP URI', { voicemailUri: 'voicemail' }, 'sip.voicemailUri'],
    ['a wildcard bind without an advertised host', { bindAddress: '0.0.0.0' }, 'sip.advertisedHost'],
    ['a host name to bind', { bindAddress: 'localhost' }, 'sip.bindAddress'],
    ['a port out of range', { port: 70_000 }, 'sip.port'],
    ['TCP', { transport: 'tcp' as 'udp' }, 'sip.transport'],
    ['another unknown-number status', { unknownNumberStatus: 410 as 404 }, 'sip.unknownNumberStatus'],
    ['an allowed source that is no address', { allowFrom: ['pbx.local'] }, 'sip.allowFrom[0]'],
    ['a zero T1', { timers: { t1Ms: 0 } }, 'sip.timers.t1Ms'],
    ['answered calls remembered for a month', { dialogTtlSeconds: 2_592_000 }, 'sip.dialogTtlSeconds'],
    ['a header prefix without its dash', { headerPrefix: 'X-Dutyline' }, 'sip.headerPrefix'],
  ])('refuses %s', (_name, change, field) => {
    expect(() => resolveSipProxySettings({ targetUri: TRUNK, ...change })).toThrow(
      expect.objectContaining({ name: 'ValidationError', code: 'INVALID_SIP_SETTING', field }),
    );
    expect(() => resolveSipProxySettings({ targetUri: TRUNK, ...change })).toThrow(ValidationError);
  });
});

describe('targets', () => {
  const settings = resolveSipProxySettings({
    targetUri: TRUNK,
    targetUriByPrefix: { '+3314': 'sip:{digits}@pbx.local', '+331420': 'sip:{digits}@annex.local' },
  });

  it.each([
    ['+33611111111', 'sip:+33611111111@trunk.example.net:5060'],
    ['+33140000001', 'sip:33140000001@pbx.local'],
    ['+33142000001', 'sip:33142000001@annex.local'],
  ])('%s is sent to %s (longest prefix first)', (number, uri) => {
    expect(expandUri(targetTemplateFor(settings, number), { number })).toBe(uri);
  });

  it('fills the call id, empty when none is known', () => {
    expect(expandUri('sip:vm-{digits}@pbx;call={callId}', { number: '33140000000', callId: 'c-1' })).toBe(
      'sip:vm-33140000000@pbx;call=c-1',
    );
    expect(expandUri('sip:vm@pbx;call={callId}', { number: '+33140000000' })).toBe('sip:vm@pbx;call=');
  });
});
