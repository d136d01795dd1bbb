import {
  CallEntryInput,
  EntryFront,
  EntryRuleInput,
  EntryTarget,
  EntryTargetInput,
  Prompt,
  PromptInput,
  RuleTarget,
  StoredCallEntry,
  callEntry,
} from '@dutyline/domain';
import { CallEntryNumberRow, CallEntryRow } from '../entities';

/** The document stored: rules and front in the shape `callEntry()` takes, so reading validates them again. */
type EntryDocument = Pick<CallEntryInput, 'rules' | 'front'>;

export function callEntryToRows({ accountId, entry, updatedAt }: StoredCallEntry): {
  row: CallEntryRow;
  numbers: CallEntryNumberRow[];
} {
  const document: EntryDocument = {
    rules: entry.rules.map((rule): EntryRuleInput => ({
      dialled: rule.dialled?.e164 ?? null,
      hours: rule.hours
        ? {
            windows: rule.hours.windows.map((w) => ({
              days: w.days.names,
              start: w.start.toString(),
              end: w.end.toString(),
            })),
          }
        : null,
      target: targetInput(rule.target),
    })),
    front: entry.front ? frontInput(entry.front) : null,
  };
  return {
    row: { accountId, hotlineId: entry.hotlineId, document: JSON.stringify(document), updatedAt },
    numbers: entry.extraNumbers.map((number, position) => ({
      number: number.e164,
      accountId,
      hotlineId: entry.hotlineId,
      position,
    })),
  };
}

export function callEntryFromRows(row: CallEntryRow, numbers: readonly CallEntryNumberRow[]): StoredCallEntry {
  const document = JSON.parse(row.document) as EntryDocument;
  const extraNumbers = [...numbers].sort((a, b) => a.position - b.position).map((n) => n.number);
  return {
    accountId: row.accountId,
    entry: callEntry({ hotlineId: row.hotlineId, extraNumbers, ...document }),
    updatedAt: Number(row.updatedAt),
  };
}

function frontInput(front: EntryFront): NonNullable<CallEntryInput['front']> {
  const common = {
    prompt: promptInput(front.prompt),
    defaultTarget: targetInput(front.defaultTarget),
    timeoutSeconds: front.timeoutSeconds,
  };
  if (front.kind === 'menu') {
    const choices = front.choices.map((c) => ({ key: c.key, label: c.label, target: targetInput(c.target) }));
    return { kind: 'menu', ...common, choices };
  }
  const matches = front.matches.map((m) =>
    m.kind === 'prefix'
      ? { prefix: m.prefix, target: targetInput(m.target) }
      : { from: m.from, to: m.to, target: targetInput(m.target) },
  );
  return { kind: 'keyed', ...common, maxDigits: front.maxDigits, matches };
}

const promptInput = (prompt: Prompt): PromptInput =>
  prompt.kind === 'text' ? { text: prompt.text, language: prompt.language } : { audioUrl: prompt.url };

const targetInput = (target: RuleTarget | EntryTarget): EntryTargetInput =>
  target.kind === 'hotline' ? { kind: 'hotline', hotlineId: target.hotlineId } : { kind: target.kind };
