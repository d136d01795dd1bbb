import {
  EMPTY_GAP_ALERT_STATE, GapAlertState, GapAlertStateStore, HotlineKey, NotificationSettings, NotificationSettingsInput, NotificationSettingsStore,
  WatchedHotlines, notificationSettings, notificationSettingsInput,
} from '../notifications-api';
import { Id, Instant } from '@dutyline/domain';
import { SqlHotlineDocuments } from '@dutyline/persistence';

const GAP_ALERTS = 'gap-alerts';
const SETTINGS = 'notification-settings';

type GapStateBody = Omit<GapAlertState, 'version'>;

/** The gap-alert state of each hotline as one versioned document; its unsent notices are the document's `pending`. */
export class DocumentGapAlertStates implements GapAlertStateStore, WatchedHotlines {
  constructor(private readonly documents: SqlHotlineDocuments) {}

  async gapAlertState(hotline: HotlineKey): Promise<GapAlertState> {
    const document = await this.documents.document<GapStateBody>(hotline, GAP_ALERTS);
    return document ? { ...document.body, version: document.version } : EMPTY_GAP_ALERT_STATE;
  }

  saveGapAlertState(hotline: HotlineKey, state: GapAlertState, at: Instant): Promise<number> {
    const body: GapStateBody = { announced: state.announced, outbox: state.outbox, checkedAt: state.checkedAt };
    return this.documents.saveDocument(hotline, GAP_ALERTS, state.version, body, { at, pending: state.outbox.length });
  }

  hotlinesWithPendingGapNotices(): Promise<HotlineKey[]> {
    return this.documents.pendingDocuments(GAP_ALERTS);
  }

  watchedHotlines(): Promise<HotlineKey[]> {
    return this.documents.allHotlines();
  }
}

/** Per-hotline notification settings as a document (validated again when read). */
export class DocumentNotificationSettings implements NotificationSettingsStore {
  constructor(
    private readonly documents: SqlHotlineDocuments,
    private readonly clock: { now(): Instant },
  ) {}

  async notificationSettings(accountId: Id, hotlineId: Id): Promise<NotificationSettings | undefined> {
    const document = await this.documents.document<NotificationSettingsInput>({ accountId, hotlineId }, SETTINGS);
    return document && notificationSettings(document.body);
  }

  async saveNotificationSettings(accountId: Id, hotlineId: Id, settings: NotificationSettings): Promise<void> {
    const hotline = { accountId, hotlineId };
    const current = await this.documents.document(hotline, SETTINGS);
    await this.documents.saveDocument(hotline, SETTINGS, current?.version ?? 0, notificationSettingsInput(settings), { at: this.clock.now() });
  }
}
