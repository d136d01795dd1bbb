import { useTranslation } from 'react-i18next';
import { Checkbox, Group, NumberInput, Stack, Switch } from '@mantine/core';
import { errorAt, type FieldError } from '../../lib/errors';
import { CHANNELS, type ShiftAlertDraft } from './shift-alert-draft';

interface MinutesInputProps {
  readonly label: string;
  readonly description?: string;
  readonly value: number | string;
  readonly onChange: (value: number | string) => void;
  readonly max: number;
  readonly error?: string;
  readonly disabled: boolean;
}

/** Whole minutes; out-of-range values go to the server, which names the field in its refusal. */
function MinutesInput({ max, ...props }: MinutesInputProps) {
  return (
    <NumberInput
      {...props}
      min={1}
      max={max}
      clampBehavior="none"
      allowDecimal={false}
      allowNegative={false}
      suffix=" min"
      maw={260}
    />
  );
}

interface ShiftAlertsFieldProps {
  readonly draft: ShiftAlertDraft;
  readonly onChange: (patch: Partial<ShiftAlertDraft>) => void;
  readonly errors: readonly FieldError[];
  readonly disabled: boolean;
}

/** On/off, minutes before the duty, SMS and/or e-mail, and an optional acknowledgement within N minutes. */
export function ShiftAlertsField({ draft, onChange, errors, disabled }: ShiftAlertsFieldProps) {
  const { t } = useTranslation('hotlines');
  const channelError =
    errorAt(errors, 'channels') ?? CHANNELS.map((_, i) => errorAt(errors, `channels[${i}]`)).find(Boolean);
  return (
    <Stack gap="sm">
      <Switch
        label={t('alerts.enabled')}
        checked={draft.enabled}
        onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
        error={errorAt(errors, 'enabled')}
        disabled={disabled}
      />
      {draft.enabled && (
        <>
          <MinutesInput
            label={t('alerts.minutesBefore')}
            description={t('alerts.minutesBeforeHint')}
            value={draft.minutesBefore}
            onChange={(minutesBefore) => onChange({ minutesBefore })}
            max={1440}
            error={errorAt(errors, 'minutesBefore')}
            disabled={disabled}
          />
          <Checkbox.Group
            label={t('alerts.channels')}
            value={draft.channels}
            onChange={(channels) => onChange({ channels: CHANNELS.filter((c) => channels.includes(c)) })}
            error={channelError}
          >
            <Group gap="lg" mt={6}>
              {CHANNELS.map((channel) => (
                <Checkbox key={channel} value={channel} label={t(`alerts.channel.${channel}`)} disabled={disabled} />
              ))}
            </Group>
          </Checkbox.Group>
          <Switch
            label={t('alerts.acknowledge')}
            description={t('alerts.acknowledgeHint')}
            checked={draft.acknowledge}
            onChange={(e) => onChange({ acknowledge: e.currentTarget.checked })}
            error={errorAt(errors, 'acknowledge')}
            disabled={disabled}
          />
          {draft.acknowledge && (
            <MinutesInput
              label={t('alerts.withinMinutes')}
              value={draft.withinMinutes}
              onChange={(withinMinutes) => onChange({ withinMinutes })}
              max={240}
              error={errorAt(errors, 'acknowledge.withinMinutes')}
              disabled={disabled}
            />
          )}
        </>
      )}
    </Stack>
  );
}
