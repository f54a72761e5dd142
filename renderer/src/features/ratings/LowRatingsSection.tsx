import { useState } from 'react';
import { LOW_RATING_MAX } from '../../../../shared/schemas/visitRating';
import type { Rating } from '../../../../shared/schemas/visitRating';
import { useDescribeError } from '../../lib/errorText';
import { useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import { useLocale } from '../../state/locale';
import { useLowRatingAlerts } from '../../state/lowRatingAlerts';
import type { ApiOptions } from '../../sync/api';
import { LowRatingTable } from './LowRatingTable';
import { PetitionTextForm } from './PetitionTextForm';
import { prefilledSummary } from './petitionForms';
import { acknowledgeRating, fetchRatingAlertCount, openPetition } from './ratingsApi';
import { useRatingAlerts } from './useRatingAlerts';

interface LowRatingsSectionProps {
  api: ApiOptions;
  /** A line for the screen's status area. */
  say: (message: string) => void;
  /** A complaint was opened: the complaints list reads again. */
  onPetitionOpened: () => void;
}

/**
 * 今日低評分 Low ratings today (or of a chosen day): acknowledge one, or open a complaint (陳情) from
 * it with the citizen's comment as the summary, editable. Each change updates the tab's number.
 */
export function LowRatingsSection({ api, say, onPetitionOpened }: LowRatingsSectionProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const describeError = useDescribeError();
  const [day, setDay] = useState<string>();
  const { alerts, loading, offline, error, reload, replace } = useRatingAlerts(api, day);
  const [busyId, setBusyId] = useState<string>();
  const [opening, setOpening] = useState<Rating>();
  const busy = loading || (day !== undefined && alerts?.day !== day);
  const refreshCount = () => fetchRatingAlertCount(api).then(useLowRatingAlerts.getState().setUnacknowledged, () => undefined);

  async function acknowledge(rating: Rating) {
    setBusyId(rating.id);
    try {
      replace(await acknowledgeRating(api, rating.id));
      say(t('ratings.acknowledgedDone', { caseNo: rating.caseNo }));
      void refreshCount();
    } catch (caught) {
      say(t('ratings.failed', { message: describeError(caught) }));
    } finally {
      setBusyId(undefined);
    }
  }

  async function open(rating: Rating, summary: string) {
    await openPetition(api, rating.id, summary);
    setOpening(undefined);
    say(t('ratings.petitionOpened', { caseNo: rating.caseNo }));
    void reload();
    void refreshCount();
    onPetitionOpened();
  }

  return (
    <section aria-labelledby="low-ratings-heading" aria-busy={busy}>
      <h3 id="low-ratings-heading">{day === undefined ? t('ratings.lowToday') : t('ratings.lowOn', { day })}</h3>
      <p>{t('ratings.lowIntro', { max: LOW_RATING_MAX })}</p>
      <LabelledField id="ratings-day" label={t('ratings.day')} value={day ?? alerts?.day ?? ''} onChange={(value) => setDay(value || undefined)} extra={{ type: 'date' }} />
      <button type="button" onClick={() => void reload()} disabled={busy}>
        {t('ratings.refresh')}
      </button>
      {busy && <p role="status">{t('ratings.loading')}</p>}
      {offline && <p role="alert">{t('ratings.offline')}</p>}
      {error && <p role="alert">{t('ratings.loadFailed', { message: error })}</p>}
      {alerts && !busy && alerts.ratings.length === 0 && <p>{t('ratings.none')}</p>}
      {alerts && alerts.ratings.length > 0 && (
        <LowRatingTable ratings={alerts.ratings} busyId={busyId} onAcknowledge={(rating) => void acknowledge(rating)} onOpenPetition={setOpening} />
      )}
      {opening && (
        <PetitionTextForm
          key={opening.id}
          kind="summary"
          heading={t('ratings.petitionForm', { caseNo: opening.caseNo })}
          initial={prefilledSummary(opening, locale)}
          submitLabel={t('ratings.save')}
          onSubmit={(summary) => open(opening, summary)}
          onCancel={() => setOpening(undefined)}
        />
      )}
    </section>
  );
}
