import { CallbackPolicyInput, CallbackServiceRef } from '@dutyline/domain';
import { ManualClock, SequentialIds } from '@dutyline/domain/testing';
import { InMemoryDutyline, aCaller, inboundCallRig, seedSampleDirectory } from '../../testing';
import { CallbackAgent } from '../callback-agent';
import { createCallbacks } from '../callbacks';
import {
  InMemoryCallbackIntakeStore,
  InMemoryCallbackRequestStore,
  RecordingCallbackJobs,
  RecordingCarrier,
} from './in-memory-callback-stores';

export interface CallbackWorldOptions {
  /** @defaultValue '2027-03-20T09:00:00Z' */
  readonly now?: string;
  /** The sample hotline's zone. @defaultValue 'Europe/Paris' */
  readonly timeZone?: string;
  /** Saved as the hotline's callback settings before anything else. */
  readonly policy?: CallbackPolicyInput;
}

/**
 * The callback use cases over in-memory fakes and the sample directory (Alice supervises the hotline,
 * Bob and Carol make up the crew), with a manual clock, a recording carrier and job queue, and an
 * inbound call rig over the same hotline for capture.
 */
export async function callbackWorld(options: CallbackWorldOptions = {}) {
  const clock = new ManualClock(options.now ?? '2027-03-20T09:00:00Z');
  const dutyline = new InMemoryDutyline(clock, new SequentialIds('id'));
  const app = dutyline.application();
  const caller = aCaller('acct-a', 'user-a');
  const directory = await seedSampleDirectory(app, caller, { timeZone: options.timeZone });
  const hotline: CallbackServiceRef = { kind: 'hotline', id: directory.hotline.id };
  const crew: CallbackServiceRef = { kind: 'team', id: directory.crew.id };
  if (options.policy) await app.callbackSettings.updateSettings(caller, hotline, options.policy);
  const store = new InMemoryCallbackRequestStore();
  const intake = new InMemoryCallbackIntakeStore();
  const carrier = new RecordingCarrier();
  const jobs = new RecordingCallbackJobs();
  const rig = inboundCallRig(
    { hotlines: [directory.hotline], people: [directory.alice, directory.bob, directory.carol] },
    { now: options.now ?? '2027-03-20T09:00:00Z' },
  );
  const callbacks = createCallbacks({
    store,
    intake,
    settings: dutyline.callbackSettings,
    hotlines: dutyline.hotlines,
    teams: dutyline.teams,
    people: dutyline.people,
    routing: app.routing,
    carrier,
    jobs,
    calls: rig.store,
    recentCall: (callId) => rig.service.recentCall(callId),
    audit: dutyline.audit,
    clock,
    ids: new SequentialIds('cb'),
  });
  const agent = (
    agentId: string,
    scope: CallbackAgent['scope'] = { all: true },
    personId: string | null = null,
  ): CallbackAgent => ({ ...caller, agentId, scope, personId });
  return {
    clock,
    dutyline,
    app,
    caller,
    ...directory,
    hotlineRef: hotline,
    crewRef: crew,
    store,
    intake,
    carrier,
    jobs,
    rig,
    callbacks,
    agent,
    admin: agent('user-a'),
  };
}

export type CallbackWorld = Awaited<ReturnType<typeof callbackWorld>>;
