import { AssigneeRef, Directory, Hotline, Person, membersOf } from '@dutyline/domain';
import { RecipientChoice } from '../shared';

/** Something besides gaps that leaves callers unserved. */
export interface CoverageProblem {
  /** `voicemail-unaddressed`: the voicemail would be e-mailed to nobody the hotline names (the account's admins get it instead). */
  readonly kind: 'voicemail-unaddressed';
  readonly message: string;
}

/**
 * A hotline whose scenario ends in voicemail while its settings name nobody with an e-mail: no extra
 * address, no chosen supervisor and nobody on duty in the range (teams expanded) with one.
 */
export function voicemailProblems(
  hotline: Hotline,
  { email, onDuty, directory }: { email: RecipientChoice; onDuty: readonly AssigneeRef[]; directory: Directory },
): CoverageProblem[] {
  if (!hotline.scenario.some((step) => step.kind === 'voicemail') || email.emails.length > 0) return [];
  const supervisors = hotline.supervisorIds
    .map((id) => directory.person(id))
    .filter((p): p is Person => p !== undefined);
  const chosen = [
    ...(email.onDuty ? onDuty.flatMap((ref) => membersOf(directory, ref)) : []),
    ...(email.supervisors ? supervisors : []),
  ];
  if (chosen.some((person) => person.email !== null)) return [];
  const who =
    [email.onDuty && 'the people on duty', email.supervisors && 'the supervisors'].filter(Boolean).join(' and ') ||
    'nobody';
  return [
    {
      kind: 'voicemail-unaddressed',
      message:
        `A voicemail left on ${hotline.name} reaches nobody it names: its settings send it to ${who}, and none of them has an e-mail address; ` +
        "it goes to the account's admins instead. Give them an e-mail address or add one to the voicemail settings.",
    },
  ];
}
