import { HOTLINE_NUMBER, boilerRoomRig } from './testing/boiler-room';
import { createCalls } from './create-calls';

describe('inbound calls: what a carrier sent never reaches an error line', () => {
  it("logs a failed answer as an error without the carrier's text, and that text in a warning", async () => {
    const rig = boilerRoomRig();
    const service = createCalls({
      store: rig.store,
      hotlines: rig.hotlines,
      clock: rig.clock,
      ids: { next: () => 'call-1' },
      logger: rig.logger,
      planner: { planFor: async (hotline, when) => ({ ...(await rig.planner.planFor(hotline, when)), steps: [] }) },
    });
    const forged = `carrier-${'<script>'.repeat(500)}`;
    await service.answer({ carrier: 'test', hotlineNumber: HOTLINE_NUMBER, caller: null, carrierCallId: forged });
    const errors = rig.logger.lines.filter((line) => line.level === 'error');
    expect(errors.map((line) => line.message)).toEqual(['answer failed: answering with a fallback']);
    expect(JSON.stringify(errors)).not.toContain('<script>');
    expect(errors[0].context).toEqual({ operation: 'answer', errorName: 'ValidationError' });
    expect(
      rig.logger.lines.find((line) => line.level === 'warn' && line.message === 'answer failed: what it was given')
        ?.context,
    ).toMatchObject({ carrierCallId: forged });
  });
});
