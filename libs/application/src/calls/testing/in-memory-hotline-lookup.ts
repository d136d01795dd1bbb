import { Hotline } from '@dutyline/domain';
import { HotlineLookup } from '../ports';
import { Outage } from './outage';

/** Hotlines by number; `outage` makes the lookup fail or hang. */
export class InMemoryHotlineLookup implements HotlineLookup {
  readonly outage = new Outage();
  private readonly hotlines = new Map<string, Hotline>();

  constructor(hotlines: Iterable<Hotline> = []) {
    for (const hotline of hotlines) this.put(hotline);
  }

  /** Adds or replaces a hotline (a changed greeting, scenario, …). */
  put(hotline: Hotline): void {
    this.hotlines.set(hotline.number.e164, hotline);
  }

  async byNumber(e164: string): Promise<Hotline | undefined> {
    await this.outage.pass('byNumber');
    return this.hotlines.get(e164);
  }
}
