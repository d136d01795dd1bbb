import type { CallLogger, CallbackDialler } from '@dutyline/application';
import { parseCallbackCallId } from '@dutyline/application';
import { type CarrierPort, type DialRequest, PhoneNumber } from '@dutyline/domain';
import type { SimulatedCarrier } from '@dutyline/simulator';

/**
 * The embedded default's callback calls: the simulator places no real call and posts no webhook, so
 * this carrier port tells the dialler how each simulated leg ended (the simulator's scripted outcome,
 * `confirmed` by default), as the Vonage webhooks would: an agent leg that is confirmed puts the caller
 * through, whose leg is dialled on the simulator too and decides the attempt.
 */
export function simulatedCallbackCarrier(
  simulator: SimulatedCarrier,
  dialler: () => CallbackDialler,
  logger: CallLogger,
): CarrierPort {
  const outcomeOf = (legId: string) => simulator.legs.find((leg) => leg.legId === legId)?.outcome ?? 'failed';

  const callerLeg = async ({
    callId,
    to,
    from,
    ringTimeoutSeconds,
  }: {
    callId: string;
    to: string;
    from: string;
    ringTimeoutSeconds: number;
  }) => {
    const { legId } = await simulator.dial({
      callId,
      to: PhoneNumber.fromE164(to),
      from: PhoneNumber.fromE164(from),
      ringTimeoutSeconds,
      confirmation: null,
    });
    const outcome = outcomeOf(legId);
    if (outcome === 'confirmed' || outcome === 'answered') await dialler().callerAnswered({ callId });
    else await dialler().callerLegEnded({ callId, outcome });
  };

  const agentLeg = async (request: DialRequest, legId: string) => {
    const outcome = outcomeOf(legId);
    if (outcome !== 'confirmed' && outcome !== 'answered') {
      await dialler().agentLegEnded({ carrierCallId: request.callId, outcome });
      return;
    }
    const next = await dialler().agentConfirmation({ carrierCallId: request.callId, digits: '1' });
    if (next.kind === 'connect-caller') await callerLeg(next);
  };

  return {
    async dial(request) {
      const placed = await simulator.dial(request);
      // Reported after `dial` resolves, as a carrier's webhook would arrive after the REST call returned.
      if (parseCallbackCallId(request.callId).leg !== undefined) {
        setImmediate(
          () =>
            void agentLeg(request, placed.legId).catch((error: unknown) =>
              logger.error('simulated callback leg failed', { callId: request.callId, error: String(error) }),
            ),
        );
      }
      return placed;
    },
    transfer: (callId, to) => simulator.transfer(callId, to),
    hangup: (callId) => simulator.hangup(callId),
  };
}
