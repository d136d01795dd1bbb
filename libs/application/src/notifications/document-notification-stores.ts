import { Clock, Id, Instant } from '@dutyline/domain';
import {
  EMPTY_GAP_ALERT_STATE,
  GapAlertState,
  GapAlertStateStore,
  HotlineDocumentStore,
  HotlineKey,
  WatchedHotlines,
} from './ports';
import {
  NotificationSettingsStore,
  NotificationSettings,
  NotificationSettingsInput,
  notificationSettings,
  notificationSettingsInput,
} from '../shared';

/** The document kinds the notification stores keep per hotline. */
export const NOTIFICATION_DOCUMENTS = { gapAlerts: 'gap-alerts', settings: 'notification-settings' } as const;

type GapStateBody = Omit<GapAlertState, 'version'>;

/** The gap-alert state of each hotline as one versioned document; its unsent notices are the document's `pending`. */
export class DocumentGapAlertStates implements GapAlertStateStore, WatchedHotlines {
  constructor(private readonly documents: HotlineDocumentStore) {}

  async gapAlertState(hotline: HotlineKey): Promise<GapAlertState> {
    const document = await this.documents.document<GapStateBody>(hotline, NOTIFICATION_DOCUMENTS.gapAlerts);
    return document ? { ...document.body, version: document.version } : EMPTY_GAP_ALERT_STATE;
  }

  saveGapAlertState(hotline: HotlineKey, state: GapAlertState, at: Instant): Promise<number> {
    const body: GapStateBody = { announced: state.announced, outbox: state.outbox, checkedAt: state.checkedAt };
    return this.documents.saveDocument(hotline, NOTIFICATION_DOCUMENTS.gapAlerts, {
      expectedVersion: state.version,
      body,
      at,
      pending: state.outbox.length,
    });
  }

  hotlinesWithPendingGapNotices(): Promise<HotlineKey[]> {
    return this.documents.pendingDocuments(NOTIFICATION_DOCUMENTS.gapAlerts);
  }

  watchedHotlines(): Promise<HotlineKey[]> {
    return this.documents.allHotlines();
  }
}

/** Per-hotline notification settings as a document (validated again when read). */
export class DocumentNotificationSettings implements NotificationSettingsStore {
  constructor(
    private readonly documents: HotlineDocumentStore,
    private readonly clock: Clock,
  ) {}

  async notificationSettings(accountId: Id, hotlineId: Id): Promise<NotificationSettings | undefined> {
    const document = await this.documents.document<NotificationSettingsInput>(
      { accountId, hotlineId },
      NOTIFICATION_DOCUMENTS.settings,
    );
    return document && notificationSettings(document.body);
  }

  async saveNotificationSettings(accountId: Id, hotlineId: Id, settings: NotificationSettings): Promise<void> {
    const hotline = { accountId, hotlineId };
    const current = await this.documents.document(hotline, NOTIFICATION_DOCUMENTS.settings);
    await this.documents.saveDocument(hotline, NOTIFICATION_DOCUMENTS.settings, {
      expectedVersion: current?.version ?? 0,
      body: notificationSettingsInput(settings),
      at: this.clock.now(),
    });
  }
}
