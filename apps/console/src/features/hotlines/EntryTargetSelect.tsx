import { useTranslation } from 'react-i18next';
import { Select } from '@mantine/core';
import { errorAt, type FieldError } from '../../lib/errors';
import type { TargetValue } from './call-entry-draft';

export interface OtherHotline {
  readonly id: string;
  readonly name: string;
}

interface EntryTargetSelectProps {
  readonly label: string;
  readonly value: TargetValue;
  readonly onChange: (value: TargetValue) => void;
  /** The hotlines of the account other than this one. */
  readonly hotlines: readonly OtherHotline[];
  /** Rules may also lead to the menu or keyed number. */
  readonly withFront?: boolean;
  /** The API's path of the target, e.g. `front.choices[0].target`. */
  readonly path: string;
  readonly errors: readonly FieldError[];
  readonly disabled: boolean;
}

/** This hotline's line, (for rules) the menu, or another hotline of the account. */
export function EntryTargetSelect({
  label,
  value,
  onChange,
  hotlines,
  withFront,
  path,
  errors,
  disabled,
}: EntryTargetSelectProps) {
  const { t } = useTranslation('hotlines');
  const data = [
    { value: 'LINE', label: t('entry.targets.LINE') },
    ...(withFront ? [{ value: 'FRONT', label: t('entry.targets.FRONT') }] : []),
    ...hotlines.map((h) => ({ value: `HOTLINE:${h.id}`, label: t('entry.targets.hotline', { name: h.name }) })),
  ];
  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      error={errorAt(errors, path) ?? errorAt(errors, `${path}.kind`) ?? errorAt(errors, `${path}.hotlineId`)}
      disabled={disabled}
    />
  );
}
