import { Timer } from '@dutyline/application';
import { parseSipMessage } from './sip-codec';
import { SipAddress, SipMessage, SipRequest, SipResponse } from './sip-message';
import { localResponse } from './proxy-messages';
import { InviteServerTransaction } from './sip-server-transactions';
import { TransactionLayer } from './sip-transactions';

/** A timer moved by hand: `advance(ms)` runs what falls due, in order. */
class ManualTimer implements Timer {
  now = 0;
  private tasks: { at: number; callback: () => void }[] = [];

  schedule(ms: number, callback: () => void): () => void {
    const task = { at: this.now + ms, callback };
    this.tasks.push(task);
    return () => {
      this.tasks = this.tasks.filter((t) => t !== task);
    };
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.tasks.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.tasks = this.tasks.filter((t) => t !== due);
      this.now = due.at;
      due.callback();
    }
    this.now = end;
  }
}

const CALLEE: SipAddress = { address: '127.0.0.1', port: 5070 };
const CALLER: SipAddress = { address: '127.0.0.1', port: 5080 };

const invite = (branch: string) =>
  parseSipMessage(
    Buffer.from(
      [
        'INVITE sip:+33611111111@127.0.0.1:5070 SIP/2.0',
        `Via: SIP/2.0/UDP 127.0.0.1:5060;branch=${branch}`,
        'From: <sip:+33612345678@h>;tag=caller',
        'To: <sip:+33611111111@h>',
        'Call-ID: call-1',
        'CSeq: 5 INVITE',
        '',
        '',
      ].join('\r\n'),
    ),
  ) as SipRequest;

function world() {
  const timer = new ManualTimer();
  const sent: { message: SipMessage; at: number; to: SipAddress }[] = [];
  const layer = new TransactionLayer({
    send: (message, to) => sent.push({ message, at: timer.now, to }),
    timer,
    timers: { t1Ms: 500, t2Ms: 4000, t4Ms: 5000 },
  });
  const times = (what: (m: SipMessage) => boolean) => sent.filter((s) => what(s.message)).map((s) => s.at);
  return { timer, sent, layer, times };
}

const isStatus = (status: number) => (m: SipMessage) => m.kind === 'response' && m.status === status;
const isMethod = (method: string) => (m: SipMessage) => m.kind === 'request' && m.method === method;

describe('INVITE server transaction', () => {
  it('repeats a failure response (timer G, up to T2) until the ACK, and the last response to a repeated INVITE', () => {
    const { timer, layer, times } = world();
    const request = invite('z9hG4bKcaller');
    const transaction = layer.inviteServer(request, CALLER);
    transaction.respond(localResponse(request, { status: 100, reason: 'Trying' }));
    transaction.onRetransmission();
    expect(times(isStatus(100))).toEqual([0, 0]);

    transaction.respond(localResponse(request, { status: 486, reason: 'Busy Here', toTag: 't' }));
    timer.advance(12_000);
    expect(times(isStatus(486))).toEqual([0, 500, 1500, 3500, 7500, 11_500]);

    expect(layer.serverFor({ ...request, method: 'ACK' })).toBe(transaction);
    (transaction as InviteServerTransaction).onAck();
    timer.advance(10_000);
    expect(times(isStatus(486))).toHaveLength(6);
    expect(layer.serverFor(request)).toBeUndefined(); // timer I let it go
  });

  it('gives up waiting for the ACK after 64·T1 (timer H)', () => {
    const { timer, layer } = world();
    const request = invite('z9hG4bKcaller');
    layer.inviteServer(request, CALLER).respond(localResponse(request, { status: 404, reason: 'Not Found' }));
    timer.advance(31_999);
    expect(layer.serverFor(request)).toBeDefined();
    timer.advance(1);
    expect(layer.serverFor(request)).toBeUndefined();
  });
});

describe('INVITE client transaction', () => {
  const handler = () => {
    const got: { responses: SipResponse[]; timeouts: number } = { responses: [], timeouts: 0 };
    return {
      got,
      handler: {
        onResponse: (r: SipResponse) => got.responses.push(r),
        onTimeout: () => {
          got.timeouts += 1;
        },
      },
    };
  };
  const reply = (request: SipRequest, status: number) =>
    localResponse(request, { status, reason: 'x', toTag: 'callee' });

  it('retransmits until a provisional response; CANCEL waits for it; a failure is ACKed on each repeat but passed up once', () => {
    const { timer, layer, times, sent } = world();
    const { got, handler: h } = handler();
    const request = invite('z9hG4bKproxy1');
    const transaction = layer.sendInvite(request, CALLEE, h);
    timer.advance(1600);
    expect(times(isMethod('INVITE'))).toEqual([0, 500, 1500]);

    transaction.cancel();
    expect(times(isMethod('CANCEL'))).toEqual([]);
    layer.clientFor(reply(request, 180))!.receive(reply(request, 180));
    expect(times(isMethod('CANCEL'))).toEqual([1600]);
    timer.advance(5000);
    expect(times(isMethod('INVITE'))).toHaveLength(3);

    transaction.receive(reply(request, 487));
    transaction.receive(reply(request, 487));
    expect(got.responses.map((r) => r.status)).toEqual([180, 487]);
    const acks = sent.filter((s) => isMethod('ACK')(s.message)).map((s) => s.message as SipRequest);
    expect(acks).toHaveLength(2);
    expect(acks[0].uri).toBe(request.uri);
    expect(acks[0].headers.get('Via')).toBe(request.headers.get('Via'));
    expect(acks[0].headers.get('To')).toBe('<sip:+33611111111@h>;tag=callee');
    expect(acks[0].headers.get('CSeq')).toBe('5 ACK');
  });

  it('passes every 2xx up (a proxy forwards them all) and sends no ACK for them', () => {
    const { layer, times } = world();
    const { got, handler: h } = handler();
    const request = invite('z9hG4bKproxy2');
    const transaction = layer.sendInvite(request, CALLEE, h);
    transaction.receive(reply(request, 200));
    transaction.receive(reply(request, 200));
    expect(got.responses.map((r) => r.status)).toEqual([200, 200]);
    expect(times(isMethod('ACK'))).toEqual([]);
  });

  it('times out after 64·T1 without any response (timer B)', () => {
    const { timer, layer } = world();
    const { got, handler: h } = handler();
    layer.sendInvite(invite('z9hG4bKproxy3'), CALLEE, h);
    timer.advance(32_000);
    expect(got.timeouts).toBe(1);
  });
});

describe('non-INVITE client transaction', () => {
  it('retransmits at T1 doubling up to T2 until the final response, passed up once', () => {
    const { timer, layer, times } = world();
    const responses: number[] = [];
    const bye = { ...invite('z9hG4bKbye'), method: 'BYE' };
    bye.headers.set('CSeq', '6 BYE');
    const transaction = layer.sendNonInvite(bye, CALLEE, {
      onResponse: (r) => responses.push(r.status),
      onTimeout: () => undefined,
    });
    timer.advance(16_000);
    expect(times(isMethod('BYE'))).toEqual([0, 500, 1500, 3500, 7500, 11_500, 15_500]);
    transaction.receive(localResponse(bye, { status: 200, reason: 'OK' }));
    transaction.receive(localResponse(bye, { status: 200, reason: 'OK' }));
    timer.advance(10_000);
    expect(responses).toEqual([200]);
    expect(times(isMethod('BYE'))).toHaveLength(7);
  });
});
