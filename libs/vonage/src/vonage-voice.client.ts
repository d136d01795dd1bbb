import { PhoneNumber, invalid } from '@dutyline/domain';
import {
  VonageApiError,
  type VonageOperation,
  VonageSmsRejectedError,
  asVonageError,
  httpError,
  smsFailure,
} from './vonage-api-errors';
import { AdvancedMachineDetectionOptions } from './vonage-ncco.actions';
import { Ncco } from './vonage-ncco.types';
import { toVonageNumber } from './vonage-number';
import { VonageApplicationToken } from './vonage-application-token';
import { NO_RATE_LIMIT, VonageRateLimiter } from './vonage-rate-limiter';
import { callUuid, httpUrl, integerIn, oneOf } from './vonage-validation';
import {
  type CreateCallRequest,
  type CreatedCall,
  VONAGE_RECORDING_HOSTS,
  type VonageVoiceApi,
  type VonageVoiceSettings,
} from './vonage-voice.api';

const RECORDING_MAX_BYTES = 50 * 1024 * 1024;

const importSdk = () => import('@vonage/server-sdk');

/** The official SDK module (`@vonage/server-sdk`); only its `Vonage` class is used. */
export type VonageSdkModule = Pick<Awaited<ReturnType<typeof importSdk>>, 'Vonage'>;
type VonageSdk = InstanceType<VonageSdkModule['Vonage']>;

export interface VonageVoiceClientDeps {
  /** @defaultValue NO_RATE_LIMIT */
  readonly limiter?: VonageRateLimiter;
  /**
   * The SDK to build on. @defaultValue `import('@vonage/server-sdk')`. Loaded lazily: the SDK requires the
   * ESM-only `node-fetch`, which Node 20.19+ loads natively but Jest's module registry cannot (see
   * `nativeVonageSdk` in the testing entry point).
   */
  readonly sdk?: VonageSdkModule;
}

/** Builds the client from settings the app passes in; nothing is read from the environment here. */
export async function createVonageVoiceClient(
  settings: VonageVoiceSettings,
  deps: VonageVoiceClientDeps = {},
): Promise<VonageVoiceClient> {
  const config = validSettings(settings);
  const { Vonage } = deps.sdk ?? (await importSdk());
  const credentials = {
    applicationId: config.applicationId,
    privateKey: config.privateKey,
    ...(config.apiKey ? { apiKey: config.apiKey, apiSecret: config.apiSecret } : {}),
  };
  const sdk = new Vonage(credentials, {
    apiHost: config.apiHost,
    restHost: config.restHost,
    timeout: config.timeoutMs,
  });
  return new VonageVoiceClient(sdk, config, deps.limiter ?? NO_RATE_LIMIT);
}

type ValidSettings = Required<Omit<VonageVoiceSettings, 'apiKey' | 'apiSecret'>> & {
  apiKey: string | null;
  apiSecret: string | null;
};

function validSettings(settings: VonageVoiceSettings): ValidSettings {
  const field = (name: string) => `vonage.${name}`;
  if (typeof settings.applicationId !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(settings.applicationId)) {
    invalid('INVALID_APPLICATION_ID', field('applicationId'), 'the Vonage application id is required');
  }
  const key = Buffer.isBuffer(settings.privateKey) ? settings.privateKey.toString('utf8') : settings.privateKey;
  if (typeof key !== 'string' || !/-----BEGIN (RSA )?PRIVATE KEY-----/.test(key)) {
    invalid(
      'INVALID_PRIVATE_KEY',
      field('privateKey'),
      "the Vonage application's private key is required, in PEM form",
    );
  }
  if ((settings.apiKey ? 1 : 0) + (settings.apiSecret ? 1 : 0) === 1) {
    invalid(
      'REQUIRED',
      field(settings.apiKey ? 'apiSecret' : 'apiKey'),
      'give both the API key and the API secret, or neither',
    );
  }
  return {
    applicationId: settings.applicationId,
    privateKey: settings.privateKey,
    apiKey: settings.apiKey || null,
    apiSecret: settings.apiSecret || null,
    apiHost: httpUrl(settings.apiHost ?? 'https://api.nexmo.com', field('apiHost')).replace(/\/+$/, ''),
    restHost: httpUrl(settings.restHost ?? 'https://rest.nexmo.com', field('restHost')).replace(/\/+$/, ''),
    timeoutMs: integerIn(settings.timeoutMs ?? 10_000, { min: 1, max: 120_000 }, field('timeoutMs')),
    recordingHosts: (settings.recordingHosts ?? VONAGE_RECORDING_HOSTS).map((host, i) => {
      if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(host))
        invalid('INVALID_HOST', `${field('recordingHosts')}[${i}]`, `"${host}" is not a host name`);
      return host.toLowerCase();
    }),
    recordingMaxBytes: integerIn(
      settings.recordingMaxBytes ?? RECORDING_MAX_BYTES,
      { min: 1, max: 2 ** 31 - 1 },
      field('recordingMaxBytes'),
    ),
  };
}

/** Talks to Vonage through the official SDK, asking the limiter before every request. */
export class VonageVoiceClient implements VonageVoiceApi {
  private readonly token: VonageApplicationToken;

  constructor(
    private readonly sdk: VonageSdk,
    private readonly settings: ValidSettings,
    private readonly limiter: VonageRateLimiter,
  ) {
    this.token = new VonageApplicationToken(settings.applicationId, settings.privateKey);
  }

  async createCall(request: CreateCallRequest): Promise<CreatedCall> {
    if (!Array.isArray(request.ncco) || request.ncco.length === 0)
      invalid('REQUIRED', 'ncco', 'an outbound call needs an NCCO with at least one action');
    const detection = request.machineDetection;
    const call = {
      to: [{ type: 'phone', number: toVonageNumber(request.to) }],
      from: { type: 'phone', number: toVonageNumber(request.from) },
      ncco: request.ncco,
      eventUrl: [httpUrl(request.eventUrl, 'eventUrl')],
      eventMethod: 'POST',
      ...(request.ringingTimer === undefined
        ? {}
        : { ringingTimer: integerIn(request.ringingTimer, { min: 1, max: 120 }, 'ringingTimer') }),
      ...(detection === undefined
        ? {}
        : typeof detection === 'string'
          ? { machineDetection: oneOf(detection, ['continue', 'hangup'], 'machineDetection') }
          : { advancedMachineDetection: advancedMachineDetection(detection) }),
    };
    await this.limiter.acquire('call');
    const result = await this.send('create-call', () =>
      this.sdk.voice.createOutboundCall(call as unknown as Parameters<VonageSdk['voice']['createOutboundCall']>[0]),
    );
    if (typeof result?.uuid !== 'string')
      throw new VonageApiError({
        operation: 'create-call',
        message: 'Vonage answered without a call uuid',
        status: null,
        retryable: true,
      });
    const raw = result as unknown as Record<string, unknown>;
    const conversationUuid = raw['conversationUUID'] ?? raw['conversation_uuid'];
    return {
      uuid: result.uuid,
      conversationUuid: typeof conversationUuid === 'string' ? conversationUuid : null,
      status: String(result.status),
      direction: String(result.direction),
    };
  }

  async hangup(uuid: string): Promise<void> {
    const id = callUuid(uuid);
    await this.send('hangup', () => this.sdk.voice.hangupCall(id));
  }

  async transfer(uuid: string, ncco: Ncco): Promise<void> {
    const id = callUuid(uuid);
    if (!Array.isArray(ncco) || ncco.length === 0)
      invalid('REQUIRED', 'ncco', 'a transfer needs an NCCO with at least one action');
    await this.send('transfer', () =>
      this.sdk.voice.transferCallWithNCCO(
        id,
        ncco as unknown as Parameters<VonageSdk['voice']['transferCallWithNCCO']>[1],
      ),
    );
  }

  /** Through the SMS API (`POST {restHost}/sms/json`); text outside the GSM alphabet is sent as unicode. */
  async sendSms(to: PhoneNumber, from: PhoneNumber, text: string): Promise<{ messageId: string }> {
    if (this.settings.apiKey === null)
      throw new VonageSmsRejectedError(null, 'SMS needs the Vonage API key and secret in the settings');
    if (typeof text !== 'string' || text.trim() === '') invalid('REQUIRED', 'text', 'an SMS needs a text');
    const params = {
      to: toVonageNumber(to),
      from: toVonageNumber(from),
      text,
      type: isGsm7(text) ? 'text' : 'unicode',
    };
    let response;
    try {
      response = await this.send('send-sms', () =>
        this.sdk.sms.send(params as Parameters<VonageSdk['sms']['send']>[0]),
      );
    } catch (error) {
      throw smsFailure(error);
    }
    const sent = (response?.messages ?? []) as unknown as ReadonlyArray<Record<string, unknown>>;
    const messageId = sent[0]?.['messageId'];
    if (typeof messageId !== 'string')
      throw new VonageApiError({
        operation: 'send-sms',
        message: 'the SMS API answered without a message id',
        status: null,
        retryable: true,
      });
    return { messageId };
  }

  /**
   * Downloads a recording (`recording_url` of a record event) with the application's JWT. Only trusted
   * hosts get the token: Vonage's API hosts (https) and the configured `apiHost` (which tests point at a
   * fake). Nothing else is taken for a recording: a redirect (never followed, wherever it points), a
   * type other than `audio/*`, or more than `recordingMaxBytes` is refused for good (`retryable: false`).
   */
  async fetchRecording(recordingUrl: string): Promise<{ audio: Buffer; contentType: string }> {
    const url = this.trustedRecordingUrl(recordingUrl);
    const token = this.token.bearer();
    const response = await this.send('fetch-recording', () =>
      fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      }),
    );
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      throw await refusedRecording(
        response,
        `the recording URL redirects (HTTP ${response.status}${location ? ` to ${location.slice(0, 200)}` : ''}): redirects are not followed`,
      );
    }
    if (!response.ok) {
      const body = await response.text().catch(() => '');
      throw httpError('fetch-recording', response.status, body);
    }
    const contentType = response.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
    if (!/^audio\/[a-z0-9.+-]+$/.test(contentType)) {
      throw await refusedRecording(
        response,
        `the recording is ${contentType ? `of type ${contentType.slice(0, 100)}` : 'of no content type'}, not audio/*`,
      );
    }
    return { audio: await cappedBody(response, this.settings.recordingMaxBytes), contentType };
  }

  private trustedRecordingUrl(recordingUrl: string): string {
    const url = new URL(httpUrl(recordingUrl, 'recordingUrl'));
    const apiHost = new URL(this.settings.apiHost);
    const vonageHost =
      url.protocol === 'https:' && url.port === '' && this.settings.recordingHosts.includes(url.hostname);
    if (url.origin !== apiHost.origin && !vonageHost) {
      invalid(
        'UNTRUSTED_RECORDING_URL',
        'recordingUrl',
        `recordings are downloaded from Vonage's API hosts only, not ${url.host}`,
      );
    }
    if (!url.pathname.startsWith('/v1/files/')) {
      invalid(
        'UNTRUSTED_RECORDING_URL',
        'recordingUrl',
        `a recording URL names a file under /v1/files/, not ${url.pathname.slice(0, 100)}`,
      );
    }
    return url.toString();
  }

  /** One REST request: waits for the limiter, then maps failures to `VonageApiError`. */
  private async send<T>(operation: VonageOperation, request: () => Promise<T>): Promise<T> {
    await this.limiter.acquire('request');
    try {
      return await request();
    } catch (error) {
      throw await asVonageError(operation, error);
    }
  }
}

/** A download refused for what it is, not for a passing failure: no retry will change it. */
async function refusedRecording(response: Response, reason: string): Promise<VonageApiError> {
  await response.body?.cancel().catch(() => undefined);
  return new VonageApiError({
    operation: 'fetch-recording',
    message: `Vonage fetch-recording refused: ${reason}`,
    status: response.status,
    retryable: false,
  });
}

/** The body, read until `maxBytes` and no further (a declared or actual longer body is refused). */
async function cappedBody(response: Response, maxBytes: number): Promise<Buffer> {
  const tooLong = () => refusedRecording(response, `the recording is longer than ${maxBytes} bytes`);
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) throw await tooLong();
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, length);
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw await tooLong();
    }
    chunks.push(value);
  }
}

function advancedMachineDetection(options: AdvancedMachineDetectionOptions) {
  return {
    behavior: oneOf(options.behavior ?? 'continue', ['continue', 'hangup'], 'machineDetection.behavior'),
    mode: oneOf(options.mode ?? 'detect', ['default', 'detect', 'detect_beep'], 'machineDetection.mode'),
    // The SDK snake-cases this to `beep_timeout` in the request body.
    ...(options.beepTimeoutSeconds === undefined
      ? {}
      : { beepTimeout: integerIn(options.beepTimeoutSeconds, { min: 45, max: 120 }, 'machineDetection.beepTimeout') }),
  };
}

const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà' +
    '\f^{}\\[~]|€',
);

/** Whether every character is in the GSM 03.38 alphabet (with its extension table). */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!GSM7.has(char)) return false;
  return true;
}
