import { readFileSync } from 'node:fs';
import { EmailAddress, MailerPort, RecordingCarrier, SmsCarrier } from '@dutyline/domain';
import { OutboxMailer, smtpMailerFromUrl } from '@dutyline/mail';
import { createDataSource, runMigrations } from '@dutyline/persistence';
import {
  InMemoryRateLimiter,
  VonageRateLimiter,
  VonageSdkModule,
  VonageVoiceApi,
  createVonageVoiceClient,
} from '@dutyline/vonage';
import type { DataSource } from 'typeorm';
import { VonageWorkerConfig, WorkerDatabaseConfig } from '../config/worker-config';
import { recordingsByReference, simulatorRecordings } from './carrier-recordings';

/* Factories that build the adapters from validated settings; the container modules only bind them. */

/** An initialised DataSource with every migration applied (safe when the gateway migrates at once). */
/** `onQuery` hears every statement sent (the worker counts them in its metrics). */
export async function openDatabase(
  database: WorkerDatabaseConfig,
  onQuery?: (sql: string) => void,
): Promise<DataSource> {
  const dataSource = createDataSource(
    database.kind === 'mysql' ? { url: database.url, onQuery } : { sqlitePath: database.file, onQuery },
  );
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

export interface OpenedMailer {
  readonly mailer: MailerPort & { close(): Promise<void> };
  /** Where mail goes, for the start-up log (no password). */
  readonly description: string;
}

/** SMTP when a URL is given, else the outbox folder of `.eml` files. */
export function openMailer(mail: {
  readonly smtpUrl: string | null;
  readonly outboxDir: string;
  readonly from: string;
}): OpenedMailer {
  const mailer = mail.smtpUrl
    ? smtpMailerFromUrl(mail.smtpUrl, 'SMTP_URL')
    : new OutboxMailer({
        directory: mail.outboxDir,
        from: EmailAddress.parse(mail.from, 'MAIL_FROM'),
        fromName: 'Dutyline',
      });
  return { mailer, description: mailer.toString() };
}

export interface OpenedCarrier {
  readonly recordings: Pick<RecordingCarrier, 'fetchRecording'>;
  readonly sms: SmsCarrier | null;
  /** Vonage's REST client (outbound callback calls); null on the simulator. */
  readonly voice: VonageVoiceApi | null;
  readonly description: string;
}

/**
 * Vonage when configured (recordings with the application JWT; SMS when the API key is set), else the
 * simulator's recordings and no SMS. `limiter` keeps the account under Vonage's request rate (pass the
 * one shared by every instance; default: this process's own window). `sdk` lets a Jest test hand in
 * the natively loaded SDK.
 */
export async function openCarrier(
  vonage: VonageWorkerConfig | null,
  options: { readonly sdk?: VonageSdkModule; readonly limiter?: VonageRateLimiter } = {},
): Promise<OpenedCarrier> {
  if (!vonage)
    return {
      recordings: recordingsByReference(null, simulatorRecordings),
      sms: null,
      voice: null,
      description: 'simulator (no SMS)',
    };
  const client = await createVonageVoiceClient(
    {
      applicationId: vonage.applicationId,
      privateKey: vonage.privateKey,
      ...(vonage.apiKey && vonage.apiSecret ? { apiKey: vonage.apiKey, apiSecret: vonage.apiSecret } : {}),
      ...(vonage.apiHost ? { apiHost: vonage.apiHost } : {}),
      ...(vonage.restHost ? { restHost: vonage.restHost } : {}),
    },
    { limiter: options.limiter ?? new InMemoryRateLimiter(), ...(options.sdk ? { sdk: options.sdk } : {}) },
  );
  return {
    recordings: recordingsByReference(client, simulatorRecordings),
    sms: vonage.apiKey ? client : null,
    voice: client,
    description: `vonage application ${vonage.applicationId}${vonage.apiHost ? ` at ${vonage.apiHost}` : ''}${vonage.apiKey ? ' with SMS' : ''}`,
  };
}

export const readTextFile = (file: string): string => readFileSync(file, 'utf8');
