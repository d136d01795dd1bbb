/**
 * The carrier test kit (`@dutyline/testkit`) run against the Vonage adapter: every network event of the
 * kit is delivered as the webhook Vonage would send (fields as on the wire, to the URL the last NCCO
 * named), and every NCCO the adapter answers is decoded back into the kit's words. Where Vonage itself
 * would act on a reply — run the `notify` after a connect whose leg was hung up — the harness does too.
 */
import { silentCallLogger } from '@dutyline/application';
import {
  type CarrierHarness,
  type CarrierRig,
  type NetworkEvent,
  type NetworkReply,
  carrierContract,
} from '@dutyline/testkit';
import type { Ncco, NccoAction } from '@dutyline/vonage';
import {
  answerPayload,
  callEventPayload,
  inputEventPayload,
  machineEventPayload,
  recordEventPayload,
} from '@dutyline/vonage/testing';
import { VonageCallAdapter } from './vonage-call-adapter';
import { vonageWebhookUrls } from './vonage-webhook-urls';

/** What the last caller-side NCCO told Vonage to do, kept to deliver the next events where Vonage would. */
interface Leg {
  readonly callId: string;
  readonly step: number;
  readonly confirm: boolean;
  readonly uuid: string;
}

type Request = {
  readonly route: 'leg' | 'confirm' | 'input' | 'after' | 'recording' | 'event' | 'keys';
  readonly leg: Leg | null;
  readonly fields: Record<string, unknown>;
};

function vonageHarness(rig: CarrierRig): CarrierHarness {
  const hungUp: string[] = [];
  const adapter = new VonageCallAdapter(
    {
      inbound: rig.service,
      calls: rig.store,
      logger: silentCallLogger,
      hangups: { hangup: async (uuid) => void hungUp.push(uuid) },
    },
    {
      urls: vonageWebhookUrls('https://gw.example.com'),
      render: {},
      lastResort: { emergencyNumbers: {}, ringTimeoutSeconds: 30 },
    },
  );
  let calls = 0;

  return {
    async placeCall({ to, from }) {
      const callerLeg = `caller-${++calls}`;
      let legs = 0;
      let leg: Leg | null = null;
      let recordingCallId: string | null = null;
      /** The caller's menu `input` event URL (F25), while the caller is asked for keys. */
      let keysUrl: string | null = null;
      let previous: Request | null = null;
      const at = () => new Date(rig.clock.now()).toISOString();

      /** Reads the caller's NCCO: the leg it rings becomes the one events are about. */
      const callerSide = (ncco: Ncco | null): NetworkReply[] => {
        const connect = ncco?.find((a) => a.action === 'connect');
        if (connect?.action === 'connect' && connect.endpoint[0].type === 'phone') {
          const endpoint = connect.endpoint[0];
          const route = /\/legs\/([^/]+)\/(\d+)\/event$/.exec(connect.eventUrl?.[0] ?? '');
          leg = route
            ? {
                callId: route[1],
                step: Number(route[2]),
                confirm: endpoint.onAnswer !== undefined,
                uuid: `callee-${calls}-${++legs}`,
              }
            : null;
          return [
            {
              kind: 'ring',
              to: `+${endpoint.number}`,
              callerId: `+${connect.from}`,
              ringTimeoutSeconds: connect.timeout ?? 60,
              confirm: leg?.confirm ?? false,
            },
          ];
        }
        const input = ncco?.find((a) => a.action === 'input');
        if (input?.action === 'input') {
          keysUrl = input.eventUrl?.[0] ?? null;
          const prompt = ncco?.find((a) => a.action === 'talk');
          const text = prompt?.action === 'talk' ? prompt.text : '';
          return [{ kind: 'menu', text, maxDigits: input.dtmf?.maxDigits ?? 1 }];
        }
        const record = ncco?.find((a) => a.action === 'record');
        if (record?.action === 'record') {
          recordingCallId = /\/calls\/([^/]+)\/recording$/.exec(record.eventUrl?.[0] ?? '')?.[1] ?? null;
          return [{ kind: 'record' }];
        }
        const said = ncco?.find((a): a is Extract<NccoAction, { action: 'talk' }> => a.action === 'talk');
        return said ? [{ kind: 'say', text: said.text }] : [{ kind: 'nothing' }];
      };

      /** Reads the callee's NCCO; a released callee is hung up, and Vonage then runs the caller's notify. */
      const calleeSide = async (ncco: Ncco, about: Leg): Promise<NetworkReply[]> => {
        if (ncco.some((a) => a.action === 'input')) {
          const talk = ncco.find((a) => a.action === 'talk');
          return [{ kind: 'announce', text: talk?.action === 'talk' ? talk.text : '' }];
        }
        if (ncco.length === 0) return [{ kind: 'connect' }];
        expect(hungUp).toContain(about.uuid);
        return [{ kind: 'hang-up-leg' }, ...callerSide(await adapter.afterLeg(about.callId, about.step))];
      };

      const send = async (request: Request): Promise<NetworkReply[]> => {
        previous = request;
        const { leg: about, fields } = request;
        hungUp.length = 0;
        switch (request.route) {
          case 'leg':
            return callerSide(await adapter.legEvent(about!.callId, about!.step, fields));
          case 'confirm':
            return calleeSide(await adapter.confirmation(about!.callId, about!.step, fields), about!);
          case 'input':
            return calleeSide(await adapter.confirmationInput(about!.callId, about!.step, fields), about!);
          case 'after':
            return callerSide(await adapter.afterLeg(about!.callId, about!.step));
          case 'recording':
            await adapter.recording(recordingCallId!, fields);
            return [{ kind: 'nothing' }];
          case 'keys':
            return callerSide(await adapter.keys(new URL(keysUrl!).searchParams.get('stage'), fields));
          case 'event':
            await adapter.callEvent(fields);
            return hungUp.length > 0 ? [{ kind: 'hang-up-leg' }] : [{ kind: 'nothing' }];
        }
      };

      const legEvent = (status: string, extra: Record<string, unknown> = {}) =>
        send({ route: 'leg', leg, fields: callEventPayload(status, { uuid: leg!.uuid, timestamp: at(), ...extra }) });

      const deliver = async (event: NetworkEvent): Promise<NetworkReply[]> => {
        rig.clock.advance(5000);
        switch (event.kind) {
          case 'picked-up': {
            const answered = await legEvent('answered');
            if (!leg!.confirm) return answered;
            return [
              ...answered,
              ...(await send({ route: 'confirm', leg, fields: { uuid: leg!.uuid, to: '', from: '' } })),
            ];
          }
          case 'human':
          case 'machine':
            return send({
              route: 'leg',
              leg,
              fields: machineEventPayload(event.kind, { call_uuid: leg!.uuid, timestamp: at() }),
            });
          case 'leg-ended':
            return legEvent(
              ({ busy: 'busy', 'no-answer': 'timeout', failed: 'failed', rejected: 'rejected' } as const)[
                event.outcome
              ],
            );
          case 'keys':
          case 'no-key':
            return send({
              route: 'input',
              leg,
              fields: inputEventPayload(event.kind === 'keys' ? event.digits : '', {
                uuid: leg!.uuid,
                timestamp: at(),
              }),
            });
          case 'recorded':
            return send({
              route: 'recording',
              leg,
              fields: recordEventPayload('https://api.nexmo.com/v1/files/contract-recording', { timestamp: at() }),
            });
          case 'caller-hung-up':
            return send({
              route: 'event',
              leg,
              fields: callEventPayload('completed', { uuid: callerLeg, direction: 'inbound', timestamp: at() }),
            });
          case 'caller-keys':
            return send({
              route: 'keys',
              leg,
              fields: inputEventPayload(event.digits, {
                uuid: callerLeg,
                to: to.replace(/^\+/, ''),
                from: from?.replace(/^\+/, '') ?? '',
                timestamp: at(),
              }),
            });
          case 'again':
            return previous ? send(previous) : [{ kind: 'nothing' }];
        }
      };

      const answer = await adapter.answer(
        answerPayload({ to: to.replace(/^\+/, ''), from: from?.replace(/^\+/, '') ?? '', uuid: callerLeg }),
      );
      return { first: callerSide(answer), deliver };
    },
  };
}

carrierContract('vonage', vonageHarness);
