import { JobContext, JobHandler, JobProcessorHost } from '@dutyline/domain';
import { NotificationJobName, NotificationJobs } from '../notification-jobs';

/** A job host whose jobs a test runs by hand; remembers what happened to it, in order. */
export class ManualJobHost implements JobProcessorHost<NotificationJobs> {
  readonly events: string[] = [];
  private readonly handlers = new Map<string, JobHandler<never>>();
  /** Set to keep `close()` waiting until it resolves. */
  closing: Promise<void> = Promise.resolve();

  register<K extends NotificationJobName>(name: K, handler: JobHandler<NotificationJobs[K]>): void {
    this.events.push(`register ${name}`);
    this.handlers.set(name, handler as JobHandler<never>);
  }

  async start(): Promise<void> {
    this.events.push('start');
  }

  async close(): Promise<void> {
    this.events.push('close');
    await this.closing;
  }

  /** Runs the handler of `name` as the queue would. */
  run<K extends NotificationJobName>(name: K, payload: NotificationJobs[K], context: JobContext): Promise<void> {
    const handler = this.handlers.get(name) as JobHandler<NotificationJobs[K]> | undefined;
    if (!handler) throw new Error(`no handler for ${name}`);
    return handler(payload, context);
  }
}
