import type { JobMap, JobProcessorHost, MailerPort, SmsCarrier } from '@dutyline/domain';
import type { Metrics } from './ports';

/** `target` with one method replaced; every other member is the target's own (methods bound to it). */
function replacing<T extends object, K extends keyof T>(target: T, name: K, replacement: T[K]): T {
  return new Proxy(target, {
    get(object, property) {
      if (property === name) return replacement;
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

/** Counts each outcome of `work` on `count`, and passes it on. */
async function counting<T>(work: () => Promise<T>, count: (result: 'sent' | 'failed') => void): Promise<T> {
  try {
    const result = await work();
    count('sent');
    return result;
  } catch (error) {
    count('failed');
    throw error;
  }
}

/** The mailer (and whatever else it offers, e.g. `close`), each message counted as sent or failed. */
export function countedMailer<M extends MailerPort>(mailer: M, metrics: Metrics): M {
  return replacing(mailer, 'send', (message) =>
    counting(
      () => mailer.send(message),
      (result) => metrics.messageSent('email', result),
    ),
  );
}

/** The text-message carrier, each message counted as sent or failed. */
export function countedSms<S extends SmsCarrier>(sms: S, metrics: Metrics): S {
  return replacing(sms, 'sendSms', (to, from, text) =>
    counting(
      () => sms.sendSms(to, from, text),
      (result) => metrics.messageSent('sms', result),
    ),
  );
}

/** The host (and whatever else it is, e.g. the in-process queue), each job's run timed by job name; `now` in milliseconds, monotonic. */
export function timedJobHost<Jobs extends JobMap, H extends JobProcessorHost<Jobs>>(
  host: H,
  metrics: Metrics,
  now: () => number = () => performance.now(),
): H {
  const register: JobProcessorHost<Jobs>['register'] = (name, handler) =>
    host.register(name, async (payload, context) => {
      const started = now();
      try {
        await handler(payload, context);
        metrics.jobFinished(name, (now() - started) / 1000, 'completed');
      } catch (error) {
        metrics.jobFinished(name, (now() - started) / 1000, 'failed');
        throw error;
      }
    });
  return replacing(host, 'register', register as H['register']);
}
