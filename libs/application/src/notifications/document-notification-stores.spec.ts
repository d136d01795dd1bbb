import { ValidationError, VersionConflictError, parseInstant } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import {
  DocumentGapAlertStates,
  DocumentNotificationSettings,
  NOTIFICATION_DOCUMENTS,
} from './document-notification-stores';
import { EMPTY_GAP_ALERT_STATE, GapNotice } from './ports';
import { InMemoryHotlineDocuments } from './testing';
import { notificationSettings } from '../shared';

const HL = { accountId: 'acct-a', hotlineId: 'hl-1' };
const OTHER = { accountId: 'acct-b', hotlineId: 'hl-1' };
const AT = parseInstant('2027-10-31T01:30:00Z');

const notice = (id: string): GapNotice => ({
  id,
  kind: 'new',
  previous: null,
  at: AT,
  gap: {
    key: id,
    start: AT,
    end: AT + 3_600_000,
    open: false,
    seenUntil: AT + 14 * 86_400_000,
    reason: 'nobody-scheduled',
    announcedAt: AT,
  },
});

function stores() {
  const documents = new InMemoryHotlineDocuments();
  documents.hotlines.push(HL, OTHER);
  return {
    documents,
    gaps: new DocumentGapAlertStates(documents),
    settings: new DocumentNotificationSettings(documents, new ManualClock(AT)),
  };
}

describe('notification stores on hotline documents', () => {
  it('keeps the gap state of each hotline as a versioned document whose unsent notices count as pending', async () => {
    const { gaps } = stores();
    expect(await gaps.gapAlertState(HL)).toEqual(EMPTY_GAP_ALERT_STATE);
    const version = await gaps.saveGapAlertState(
      HL,
      { version: 0, announced: [], outbox: [notice('g-1'), notice('g-2')], checkedAt: AT },
      AT,
    );
    expect(version).toBe(1);
    expect(await gaps.gapAlertState(HL)).toEqual({
      version: 1,
      announced: [],
      outbox: [notice('g-1'), notice('g-2')],
      checkedAt: AT,
    });
    expect(await gaps.gapAlertState(OTHER)).toEqual(EMPTY_GAP_ALERT_STATE);
    expect(await gaps.hotlinesWithPendingGapNotices()).toEqual([HL]);

    await gaps.saveGapAlertState(HL, { version: 1, announced: [], outbox: [], checkedAt: AT }, AT);
    expect(await gaps.hotlinesWithPendingGapNotices()).toEqual([]);
  });

  it.each([
    ['a stale version', HL, 0, VersionConflictError],
    ['a hotline that is not there', { accountId: 'acct-a', hotlineId: 'gone' }, 0, ValidationError],
  ])('refuses a save over %s', async (_, hotline, version, refusal) => {
    const { gaps } = stores();
    await gaps.saveGapAlertState(HL, EMPTY_GAP_ALERT_STATE, AT);
    await expect(gaps.saveGapAlertState(hotline, { ...EMPTY_GAP_ALERT_STATE, version }, AT)).rejects.toBeInstanceOf(
      refusal,
    );
  });

  it('watches every hotline of every account', async () => {
    expect(await stores().gaps.watchedHotlines()).toEqual([HL, OTHER]);
  });

  it('stores settings as plain JSON, replaces them, and validates them again when read', async () => {
    const { documents, settings } = stores();
    expect(await settings.notificationSettings('acct-a', 'hl-1')).toBeUndefined();
    await settings.saveNotificationSettings(
      'acct-a',
      'hl-1',
      notificationSettings({ gapAlerts: { lookAheadDays: 30 } }),
    );
    await settings.saveNotificationSettings(
      'acct-a',
      'hl-1',
      notificationSettings({ gapAlerts: { lookAheadDays: 7, emails: ['desk@example.org'] } }),
    );
    const read = await settings.notificationSettings('acct-a', 'hl-1');
    expect(read?.gapAlerts.lookAheadDays).toBe(7);
    expect(read?.gapAlerts.emails.map((e) => e.value)).toEqual(['desk@example.org']);
    expect(await documents.document(HL, NOTIFICATION_DOCUMENTS.settings)).toMatchObject({ version: 2, updatedAt: AT });

    const current = await documents.document(HL, NOTIFICATION_DOCUMENTS.settings);
    await documents.saveDocument(HL, NOTIFICATION_DOCUMENTS.settings, {
      expectedVersion: current!.version,
      body: { gapAlerts: { lookAheadDays: 365 } },
      at: AT,
    });
    await expect(settings.notificationSettings('acct-a', 'hl-1')).rejects.toMatchObject({
      code: 'OUT_OF_RANGE',
      field: 'gapAlerts.lookAheadDays',
    });
  });
});
