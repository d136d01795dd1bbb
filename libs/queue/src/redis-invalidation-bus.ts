import { randomBytes } from 'node:crypto';
import { invalid } from '@dutyline/domain';
import { Redis } from 'ioredis';
import { OpenedRedis, RedisConnection, closeRedis, openRedis } from './redis-client';
import { keyPrefix } from './redis-key-prefix';

/** Delivered to every subscriber when messages may have been missed: drop everything cached. */
export const EVERYTHING = '*';

export interface RedisInvalidationBusSettings {
  /** A `redis://` URL, or a client to publish with (not closed here); the subscriber connection is always a copy of it. */
  readonly connection: RedisConnection;
  /** The pub/sub channel is `<prefix>:invalidate`. @defaultValue `'dutyline'` */
  readonly prefix?: string;
  /** Told about connection errors and unreadable messages. @defaultValue writes to `console.error` */
  readonly onError?: (error: Error) => void;
}

interface Envelope {
  /** The publishing bus, which delivered the topic to its own subscribers already. */
  readonly o: string;
  readonly t: string;
}

/**
 * "This changed, forget what you cached of it" between processes, over Redis pub/sub. `publish`
 * delivers the topic to this process's handlers at once, then to every other bus on the channel.
 *
 * Pub/sub keeps nothing for a subscriber that is away, so whenever the subscriber connection is lost
 * and when it is back (ioredis reconnects and subscribes again by itself) handlers get `EVERYTHING`;
 * `live` is false in between, and caches that rely on these messages must not serve then.
 * Failure contract: `publish` rejects when Redis cannot take the message (the local handlers got it).
 */
export class RedisInvalidationBus {
  readonly channel: string;
  private readonly publisher: OpenedRedis;
  private readonly subscriber: Redis;
  private readonly handlers = new Set<(topic: string) => void>();
  private readonly origin = randomBytes(8).toString('hex');
  private readonly onError: (error: Error) => void;
  private started = false;
  /** A message could not be sent: the others get `EVERYTHING` once the publisher is connected again. */
  private owesEverything = false;
  private listening = false;
  private closed = false;

  constructor(settings: RedisInvalidationBusSettings) {
    this.channel = `${keyPrefix(settings.prefix)}:invalidate`;
    this.onError = settings.onError ?? ((error) => console.error('[invalidation]', error));
    this.publisher = openRedis(settings.connection, false);
    this.publisher.client.on('error', this.onError);
    this.publisher.client.on('ready', () => this.settleDebt());
    // A subscriber retries for as long as Redis is away; its commands wait in the offline queue.
    this.subscriber = this.publisher.client.duplicate({
      maxRetriesPerRequest: null,
      lazyConnect: true,
      connectionName: `${this.channel}:${this.origin}`,
    });
    this.subscriber.on('error', this.onError);
    this.subscriber.on('message', (channel: string, text: string) => this.received(channel, text));
    this.subscriber.on('close', () => this.lost());
    this.subscriber.on('ready', () => this.resubscribed());
  }

  /**
   * Connects the subscriber and listens; resolves once messages from other processes arrive, which
   * waits for as long as Redis is unreachable (race it with a timeout to start without Redis).
   */
  async start(): Promise<void> {
    const client = this.publisher.client;
    const publisherReady =
      client.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve) => client.once('ready', () => resolve()));
    if (client.status === 'wait') client.connect().catch(() => undefined);
    await Promise.all([this.subscriber.subscribe(this.channel), publisherReady]);
    this.started = true;
    this.listening = true;
  }

  /** True while messages from other processes are being received. */
  get live(): boolean {
    return this.listening && this.subscriber.status === 'ready';
  }

  /** Calls `handler` with every topic published here or elsewhere, and `EVERYTHING` after an outage; returns the unsubscribe. */
  subscribe(handler: (topic: string) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /**
   * Delivers `topic` here at once, then to the other processes. While the publishing connection is
   * down it rejects at once (a write must not wait for Redis) and owes the others `EVERYTHING`, sent
   * as soon as the connection is back.
   */
  async publish(topic: string): Promise<void> {
    if (typeof topic !== 'string' || topic === '') invalid('REQUIRED', 'topic', 'an invalidation names what changed');
    this.deliver(topic);
    if (this.publisher.client.status !== 'ready') {
      this.owesEverything = true;
      throw new Error(
        `Redis is not connected: "${topic}" will reach the other instances as "${EVERYTHING}" once it is`,
      );
    }
    try {
      await this.send(topic);
    } catch (error) {
      this.owesEverything = true;
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
    await closeRedis(this.subscriber);
    await this.publisher.release();
  }

  private send(topic: string): Promise<number> {
    const envelope: Envelope = { o: this.origin, t: topic };
    return this.publisher.client.publish(this.channel, JSON.stringify(envelope));
  }

  private settleDebt(): void {
    if (!this.owesEverything || this.closed) return;
    this.owesEverything = false;
    this.send(EVERYTHING).catch((error: Error) => {
      this.owesEverything = true;
      this.onError(error);
    });
  }

  private received(channel: string, text: string): void {
    if (channel !== this.channel) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      this.onError(new Error(`unreadable invalidation message on ${channel}: dropping every cache`));
      return this.deliver(EVERYTHING);
    }
    if (typeof envelope?.t !== 'string') return this.deliver(EVERYTHING);
    if (envelope.o !== this.origin) this.deliver(envelope.t);
  }

  private lost(): void {
    if (this.closed || !this.listening) return;
    this.listening = false;
    this.deliver(EVERYTHING);
  }

  /** Back after an outage: once subscribed again (ioredis does it too; twice is harmless), whatever was published meanwhile is forgotten. */
  private resubscribed(): void {
    if (this.closed || !this.started || this.listening) return;
    this.subscriber.subscribe(this.channel).then(
      () => {
        if (this.closed) return;
        this.listening = true;
        this.deliver(EVERYTHING);
      },
      (error: Error) => this.onError(error),
    );
  }

  private deliver(topic: string): void {
    for (const handler of [...this.handlers]) {
      try {
        handler(topic);
      } catch (error) {
        this.onError(error as Error);
      }
    }
  }
}
