import type { MailMessage, MailerPort } from '@dutyline/domain';
import type { JsonLogger } from '../logging/json-logger';

/**
 * The mailer of sign-up, invitation and reset e-mails (SMTP_URL or the outbox). Failures are logged
 * with what the message was about, never its text: the links in it are secrets.
 */
export class OnboardingMailer {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly mailer: MailerPort & { close(): Promise<void> },
    private readonly logger: JsonLogger,
  ) {}

  /** Sends now; `false` when the mail server refused or did not answer (logged). */
  async send(message: MailMessage, about: string): Promise<boolean> {
    try {
      await this.mailer.send(message);
      return true;
    } catch (error) {
      this.logger.entry('warn', `an e-mail could not be sent: ${about}`, {
        error: { name: (error as Error).name, message: (error as Error).message },
      });
      return false;
    }
  }

  /**
   * Runs `work` after the answer has gone, so a public request answers in the same time whatever it
   * finds; its failures are logged. Shutdown waits for it.
   */
  later(work: () => Promise<void>, about: string): void {
    const running = work().catch((error: unknown) => {
      this.logger.entry('warn', `could not finish: ${about}`, {
        error: { name: (error as Error).name, message: (error as Error).message },
      });
    });
    this.pending.add(running);
    void running.finally(() => this.pending.delete(running));
  }

  /** Waits for the work in progress, then closes the mailer. */
  async close(): Promise<void> {
    await Promise.all([...this.pending]);
    await this.mailer.close();
  }
}
