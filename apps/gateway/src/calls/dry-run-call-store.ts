import { VersionConflictError } from '@dutyline/domain';
import type { CallStore, StoredCall } from '@dutyline/application';

/**
 * Where a simulated call lives (GraphQL `simulateCall`): in memory for the length of one simulation,
 * so a supervisor's dry run never reaches the call log, its statistics or the notifications. Keeps
 * each call as JSON text, as the database would.
 */
export class DryRunCallStore implements CallStore {
  private readonly calls = new Map<string, string>();

  async create(call: StoredCall): Promise<{ created: boolean; call: StoredCall }> {
    const existing = await this.findByCarrierCall(call.carrier, call.carrierCallId);
    if (existing) return { created: false, call: existing };
    const stored = { ...call, version: 1 };
    this.calls.set(call.id, JSON.stringify(stored));
    return { created: true, call: stored };
  }

  async load(callId: string): Promise<StoredCall | undefined> {
    const text = this.calls.get(callId);
    return text === undefined ? undefined : (JSON.parse(text) as StoredCall);
  }

  async findByCarrierCall(carrier: string, carrierCallId: string): Promise<StoredCall | undefined> {
    for (const id of this.calls.keys()) {
      const call = await this.load(id);
      if (call?.carrier === carrier && call.carrierCallId === carrierCallId) return call;
    }
    return undefined;
  }

  async save(call: StoredCall): Promise<number> {
    const current = await this.load(call.id);
    if (!current || current.version !== call.version)
      throw new VersionConflictError(`call ${call.id} is not at version ${call.version}`);
    this.calls.set(call.id, JSON.stringify({ ...call, version: call.version + 1 }));
    return call.version + 1;
  }
}
