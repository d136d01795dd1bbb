// The carrier contract through the SIP proxy: a caller (PBX or trunk) and the trunk's phones are SIP
// endpoints on real UDP sockets; each kit event becomes the SIP message a real network would send.
import { CarrierHarness, NetworkEvent, NetworkReply, carrierContract } from '@dutyline/testkit';
import {
  SipAddress,
  SipMessage,
  SipRequest,
  SipResponse,
  SipRoutingProxy,
  callIdOf,
  cseqOf,
  numberOf,
  parseNameAddress,
  parseUri,
} from './index';
import { SipPeer, answerTo, requestFrom, settled } from './testing/sip-peer';

const PREFIX = 'X-Dutyline-';

/** How a phone behind the trunk ends a leg it does not take, and how a PBX that announced the call reports its verdict. */
const ENDINGS: Readonly<
  Record<
    Extract<NetworkEvent, { kind: 'leg-ended' }>['outcome'] | 'machine' | 'no-key' | 'declined',
    [number, string, string?]
  >
> = {
  busy: [486, 'Busy Here'],
  'no-answer': [480, 'Temporarily Unavailable'],
  failed: [503, 'Service Unavailable'],
  rejected: [603, 'Decline'],
  machine: [480, 'Temporarily Unavailable', 'machine'],
  'no-key': [480, 'Temporarily Unavailable', 'not-confirmed'],
  declined: [603, 'Decline', 'declined'],
};

const SDP = Buffer.from(
  'v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6000 RTP/AVP 0\r\n',
);

/** A message one of the peers sends to an address. */
interface Sent {
  readonly peer: SipPeer;
  readonly message: SipMessage;
  readonly to: SipAddress;
}

/** One call placed through the proxy: the caller's side and the leg the trunk was last asked to ring. */
class SipCallScript {
  private invite: SipRequest | null = null;
  private leg: { readonly invite: SipRequest; readonly from: SipAddress; readonly tag: string } | null = null;
  private final: SipResponse | null = null;
  private lastSent: Sent | null = null;
  private read = { caller: 0, trunk: 0 };
  private readonly branchesRung = new Set<string>();

  constructor(
    private readonly caller: SipPeer,
    private readonly trunk: SipPeer,
    private readonly proxy: SipAddress,
  ) {
    // The phone rings at once, answers CANCEL (200, then 487 to the INVITE) and BYE.
    trunk.onMessage = ({ message, from }) => {
      if (message.kind !== 'request') return;
      if (message.method === 'INVITE') {
        if (this.leg && this.leg.invite.headers.get('Via') === message.headers.get('Via')) return;
        this.leg = { invite: message, from, tag: `leg${trunk.received.length}` };
        trunk.send(answerTo(message, { status: 180, reason: 'Ringing', tag: this.leg.tag }), from);
      } else if (message.method === 'CANCEL' && this.leg) {
        trunk.send(answerTo(message, { status: 200, reason: 'OK', tag: this.leg.tag }), from);
        trunk.send(
          answerTo(this.leg.invite, { status: 487, reason: 'Request Terminated', tag: this.leg.tag }),
          this.leg.from,
        );
      } else if (message.method === 'BYE') {
        trunk.send(answerTo(message, { status: 200, reason: 'OK', tag: 'bye' }), from);
      }
    };
    // The caller acknowledges every final response to its INVITE.
    caller.onMessage = ({ message }) => {
      if (message.kind !== 'response' || cseqOf(message).method !== 'INVITE' || message.status < 200) return;
      this.final ??= message;
      this.acknowledge(message);
    };
  }

  async arrive(to: string, from: string | null): Promise<readonly NetworkReply[]> {
    const fromHeader =
      from === null ? '"Anonymous" <sip:anonymous@anonymous.invalid>;tag=caller' : `<sip:${from}@127.0.0.1>;tag=caller`;
    this.invite = requestFrom(this.caller, {
      method: 'INVITE',
      uri: `sip:${to}@127.0.0.1:${this.proxy.port}`,
      headers: [
        ['From', fromHeader],
        ['To', `<sip:${to}@127.0.0.1>`],
        ['Call-ID', `contract-${this.caller.address.port}`],
        ['CSeq', '1 INVITE'],
        ['Contact', `<sip:caller@127.0.0.1:${this.caller.address.port}>`],
        ['Content-Type', 'application/sdp'],
      ],
    });
    this.invite = { ...this.invite, body: SDP };
    return this.exchange({ peer: this.caller, message: this.invite, to: this.proxy });
  }

  deliver(event: NetworkEvent): Promise<readonly NetworkReply[]> {
    switch (event.kind) {
      case 'picked-up':
        // A leg to confirm is picked up at the PBX, which announces the call: nothing reaches the proxy yet.
        if (this.leg?.invite.headers.has(`${PREFIX}Confirm`))
          return this.nothingSent([{ kind: 'announce', text: this.leg.invite.headers.get(`${PREFIX}Announce`) ?? '' }]);
        return this.legAnswers();
      case 'human':
        return this.nothingSent(); // a 2xx already said "a person"
      case 'keys':
        return event.digits === this.acceptKey() ? this.legAnswers() : this.legEnds(...ENDINGS.declined);
      case 'no-key':
        return this.legEnds(...ENDINGS['no-key']);
      case 'machine':
        return this.legEnds(...ENDINGS.machine);
      case 'leg-ended':
        return this.legEnds(...ENDINGS[event.outcome]);
      case 'recorded':
        return this.reportRecording();
      case 'caller-hung-up':
        return this.hangUp();
      case 'again':
        return this.lastSent ? this.exchange(this.lastSent, false) : this.nothingSent();
      case 'caller-keys':
        // No menu over SIP (gathers: false): nothing to key.
        return this.nothingSent();
    }
  }

  private legAnswers(): Promise<readonly NetworkReply[]> {
    const leg = this.leg!;
    const headers: [string, string][] = [['Contact', `<sip:callee@127.0.0.1:${this.trunk.address.port}>`]];
    for (const route of leg.invite.headers.all('Record-Route')) headers.push(['Record-Route', route]);
    return this.exchange({
      peer: this.trunk,
      message: answerTo(leg.invite, { status: 200, reason: 'OK', tag: leg.tag, headers }),
      to: leg.from,
    });
  }

  private legEnds(status: number, reason: string, outcome?: string): Promise<readonly NetworkReply[]> {
    const leg = this.leg!;
    return this.exchange({
      peer: this.trunk,
      message: answerTo(leg.invite, {
        status,
        reason,
        tag: leg.tag,
        headers: outcome ? [[`${PREFIX}Outcome`, outcome]] : [],
      }),
      to: leg.from,
    });
  }

  /** The voicemail server the caller was redirected to reports the recording, naming the call from the redirect URI. */
  private reportRecording(): Promise<readonly NetworkReply[]> {
    const contact = parseUri(parseNameAddress(this.final?.headers.get('Contact') ?? '')?.uri ?? '');
    const callId = contact?.params['dutyline-call'] ?? '';
    const report = requestFrom(this.trunk, {
      method: 'MESSAGE',
      uri: `sip:recordings@127.0.0.1:${this.proxy.port}`,
      headers: [
        ['From', '<sip:voicemail@127.0.0.1>;tag=vm'],
        ['To', '<sip:dutyline@127.0.0.1>'],
        ['Call-ID', `vm-${callId}`],
        ['CSeq', '1 MESSAGE'],
        [`${PREFIX}Call`, callId],
        [`${PREFIX}Recording`, `sip-vm-${callId}`],
      ],
    });
    return this.exchange({ peer: this.trunk, message: report, to: this.proxy }, false);
  }

  /** CANCEL while nothing answered, BYE (along the Record-Route) once connected; nothing once redirected or refused. */
  private hangUp(): Promise<readonly NetworkReply[]> {
    const invite = this.invite!;
    if (this.final === null) {
      const cancel = requestFrom(this.caller, {
        method: 'CANCEL',
        uri: invite.uri,
        headers: [
          ['From', invite.headers.get('From')!],
          ['To', invite.headers.get('To')!],
          ['Call-ID', callIdOf(invite)],
          ['CSeq', '1 CANCEL'],
        ],
      });
      cancel.headers.replaceFirst('Via', invite.headers.get('Via')!);
      return this.exchange({ peer: this.caller, message: cancel, to: this.proxy });
    }
    if (this.final.status >= 300) return this.nothingSent();
    return this.exchange({ peer: this.caller, message: this.inDialog('BYE', 2, this.final), to: this.proxy });
  }

  private acknowledge(final: SipResponse): void {
    const invite = this.invite!;
    if (final.status >= 300) {
      const ack = requestFrom(this.caller, {
        method: 'ACK',
        uri: invite.uri,
        headers: [
          ['From', invite.headers.get('From')!],
          ['To', final.headers.get('To')!],
          ['Call-ID', callIdOf(invite)],
          ['CSeq', '1 ACK'],
        ],
      });
      ack.headers.replaceFirst('Via', invite.headers.get('Via')!);
      this.caller.send(ack, this.proxy);
    } else {
      this.caller.send(this.inDialog('ACK', 1, final), this.proxy);
    }
  }

  /** A request of the caller in the dialog the 2xx set up: to its Contact, along its Record-Route. */
  private inDialog(method: string, seq: number, answer: SipResponse): SipRequest {
    const invite = this.invite!;
    const target = parseNameAddress(answer.headers.get('Contact') ?? '')?.uri ?? invite.uri;
    return requestFrom(this.caller, {
      method,
      uri: target,
      headers: [
        ...answer.headers
          .all('Record-Route')
          .reverse()
          .map((route): [string, string] => ['Route', route]),
        ['From', invite.headers.get('From')!],
        ['To', answer.headers.get('To')!],
        ['Call-ID', callIdOf(invite)],
        ['CSeq', `${seq} ${method}`],
      ],
    });
  }

  private acceptKey(): string | null {
    return /key=([0-9*#])/.exec(this.leg?.invite.headers.get(`${PREFIX}Confirm`) ?? '')?.[1] ?? null;
  }

  /**
   * Sends `message` and waits for what it causes: an action of the proxy when one must come (a ring, a
   * hang-up, an answer to the caller), else any message (a repeated response, a 200), then quiet.
   */
  private async exchange({ peer, message, to }: Sent, actionExpected = true): Promise<readonly NetworkReply[]> {
    this.lastSent = { peer, message, to };
    const before = this.caller.received.length + this.trunk.received.length;
    peer.send(message, to);
    await until(() =>
      actionExpected ? this.peek().length > 0 : this.caller.received.length + this.trunk.received.length > before,
    );
    await settled([this.caller, this.trunk]);
    return this.decode();
  }

  private async nothingSent(replies: readonly NetworkReply[] = []): Promise<readonly NetworkReply[]> {
    this.lastSent = null;
    await settled([this.caller, this.trunk]);
    return [...replies, ...this.decode().filter((reply) => reply.kind !== 'nothing' || replies.length === 0)];
  }

  /** What the proxy told the network since the last event, in the kit's words. */
  private decode(): NetworkReply[] {
    const replies = this.peek();
    for (const reply of replies) if (reply.kind === 'ring') this.branchesRung.add(reply.via);
    this.read = { caller: this.caller.received.length, trunk: this.trunk.received.length };
    return replies.length > 0 ? replies.map(({ via: _via, ...reply }) => reply as NetworkReply) : [{ kind: 'nothing' }];
  }

  private peek(): (NetworkReply & { readonly via: string })[] {
    const replies: (NetworkReply & { readonly via: string })[] = [];
    for (const { message } of this.trunk.received.slice(this.read.trunk)) {
      if (message.kind !== 'request') continue;
      const via = message.headers.get('Via') ?? '';
      if (message.method === 'INVITE' && !this.branchesRung.has(via) && !replies.some((reply) => reply.via === via))
        replies.push({ ...ringOf(message), via });
      else if (message.method === 'CANCEL' || message.method === 'BYE') replies.push({ kind: 'hang-up-leg', via });
    }
    for (const { message } of this.caller.received.slice(this.read.caller)) {
      if (
        message.kind !== 'response' ||
        cseqOf(message).method !== 'INVITE' ||
        message.status < 200 ||
        message.status === 487
      )
        continue;
      if (message.status < 300) replies.push({ kind: 'connect', via: '' });
      else if (message.status === 302 && (message.headers.get('Contact') ?? '').includes('voicemail'))
        replies.push({ kind: 'record', via: '' });
      else
        replies.push({
          kind: 'say',
          text: /text="([^"]*)"/.exec(message.headers.get('Reason') ?? '')?.[1] ?? message.reason,
          via: '',
        });
    }
    return replies;
  }
}

/** Resolves once `done()` holds, or after `timeoutMs`. */
async function until(done: () => boolean, timeoutMs = 3000): Promise<void> {
  for (const start = Date.now(); !done() && Date.now() - start < timeoutMs;)
    await new Promise((tick) => setTimeout(tick, 10));
}

/** A forwarded INVITE, as the ring it stands for. */
function ringOf(invite: SipRequest): NetworkReply {
  return {
    kind: 'ring',
    to: numberOf(invite.uri) ?? invite.uri,
    callerId: numberOf(invite.headers.get('P-Asserted-Identity')) ?? '',
    ringTimeoutSeconds: Number(/ring=(\d+)/.exec(invite.headers.get(`${PREFIX}Call`) ?? '')?.[1]),
    confirm: invite.headers.has(`${PREFIX}Confirm`),
  };
}

carrierContract(
  'sip',
  async (rig): Promise<CarrierHarness> => {
    const trunk = await SipPeer.open();
    const callers: SipPeer[] = [];
    const proxy = new SipRoutingProxy(
      { inbound: rig.service },
      {
        port: 0,
        targetUri: `sip:{e164}@127.0.0.1:${trunk.address.port}`,
        voicemailUri: 'sip:voicemail-{digits}@127.0.0.1:5070;dutyline-call={callId}',
      },
    );
    const address = await proxy.start();
    return {
      async placeCall({ to, from }) {
        const caller = await SipPeer.open();
        callers.push(caller);
        const call = new SipCallScript(caller, trunk, address);
        const first = await call.arrive(to, from);
        return { first, deliver: (event) => call.deliver(event) };
      },
      async close() {
        await proxy.close();
        await Promise.all([trunk, ...callers].map((peer) => peer.close()));
      },
    };
  },
  { gathers: false },
);
