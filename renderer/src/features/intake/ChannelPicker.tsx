import { opensBureauCases } from '../../../../shared/domain/intakeChannel';
import type { Role } from '../../../../shared/schemas/auth';
import type { Channel } from '../../../../shared/schemas/case';
import { useT, type MessageKey } from '../../lib/i18n';
import type { FieldProps } from './IntakeTextField';
import { IntakeTextField } from './IntakeTextField';
import type { IntakeErrors, IntakeFieldName } from './validateIntake';

/** The channels the counter's form offers; the lane and field visits have their own. */
export function counterChannels(roles: readonly Role[]): Channel[] {
  return ['counter', 'phone', 'referral', ...(opensBureauCases(roles) ? (['bureau'] as const) : [])];
}

const channelHints: Partial<Record<Channel, MessageKey>> = {
  phone: 'intake.channelHint.phone',
  referral: 'intake.channelHint.referral',
  bureau: 'intake.channelHint.bureau',
};

interface Props {
  channel: Channel;
  roles: readonly Role[];
  errors: IntakeErrors;
  fieldProps: (field: IntakeFieldName) => FieldProps;
  onChannel: (channel: Channel) => void;
}

/**
 * How the application reached the counter: in person (the default), by phone, referred by a village
 * chief (who is named), or opened by the bureau itself. The choice is off the Enter path, which starts
 * at the service: most cases are the counter's, and the clerk's Enter keys must not land here.
 */
export function ChannelPicker({ channel, roles, errors, fieldProps, onChannel }: Props) {
  const t = useT();
  return (
    <>
      <fieldset className="channel-group" data-no-enter aria-describedby="intake-channel-hint">
        <legend>{t('intake.channel')}</legend>
        {counterChannels(roles).map((option) => (
          <span key={option} className="radio">
            <input id={`intake-channel-${option}`} type="radio" name="channel" value={option} checked={channel === option} onChange={() => onChannel(option)} />
            <label htmlFor={`intake-channel-${option}`}>{t(`channel.${option}`)}</label>
          </span>
        ))}
        <p id="intake-channel-hint" className="hint small">
          {t(channelHints[channel] ?? 'intake.channelHint.counter')}
        </p>
      </fieldset>
      {channel === 'referral' && (
        <>
          <IntakeTextField props={fieldProps('referrerName')} label={t('intake.referrerName')} error={errors.referrerName} />
          <IntakeTextField props={fieldProps('referrerVillage')} label={t('intake.referrerVillage')} error={errors.referrerVillage} />
        </>
      )}
    </>
  );
}
