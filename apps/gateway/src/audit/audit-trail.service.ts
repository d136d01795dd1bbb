import { Inject, Injectable } from '@nestjs/common';
import { type AuditChange, AuditRecorder } from '@dutyline/application';
import type { AuditEntry, AuditLog, Clock, IdGenerator } from '@dutyline/domain';
import { type Actor, callerOf } from '../auth/actor';
import { AUDIT_LOG } from '../database/repository.tokens';
import { CLOCK, ID_GENERATOR } from '../platform/platform.tokens';

export type { AuditChange };

/**
 * The audit log of schedule and directory changes (F18): who, when, what, before, after.
 * The use cases of @dutyline/application record their own changes; gateway code that writes
 * outside them (users, API keys, anything a feature adds) calls `record(actor, change)` after
 * the write, or passes `entries(actor, changes)` to a repository that writes them in the same
 * transaction (`ScheduleRepository.applyChange(…, { audit })`).
 */
@Injectable()
export class AuditTrail {
  private readonly recorder: AuditRecorder;

  constructor(@Inject(AUDIT_LOG) audit: AuditLog, @Inject(CLOCK) clock: Clock, @Inject(ID_GENERATOR) ids: IdGenerator) {
    this.recorder = new AuditRecorder({ audit, clock, ids });
  }

  /** The entries for these changes, stamped now, not yet written. */
  entries(actor: Actor, changes: readonly AuditChange[]): AuditEntry[] {
    return changes.map((change) => this.recorder.entry(callerOf(actor), change));
  }

  async record(actor: Actor, ...changes: AuditChange[]): Promise<void> {
    for (const change of changes) await this.recorder.record(callerOf(actor), change);
  }
}
