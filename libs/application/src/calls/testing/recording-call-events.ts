import { CallEvents, CallNotice } from '../ports';

/** Keeps every notice, in order; `failing` makes each one reject after being kept. */
export class RecordingCallEvents implements CallEvents {
  readonly notices: { kind: 'unanswered' | 'voicemail'; notice: CallNotice }[] = [];
  readonly unknownNumbers: { number: string; caller: string | null; carrier: string; at: number }[] = [];
  failing = false;

  async callUnanswered(notice: CallNotice): Promise<void> {
    this.keep({ kind: 'unanswered', notice });
  }

  async voicemailRecorded(notice: CallNotice): Promise<void> {
    this.keep({ kind: 'voicemail', notice });
  }

  async unknownNumber(notice: { number: string; caller: string | null; carrier: string; at: number }): Promise<void> {
    this.unknownNumbers.push(notice);
  }

  private keep(entry: RecordingCallEvents['notices'][number]): void {
    this.notices.push(entry);
    if (this.failing) throw new Error('queue unreachable');
  }
}
