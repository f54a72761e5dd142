import { useState } from 'react';
import type { Petition } from '../../../../shared/schemas/visitRating';
import { useT } from '../../lib/i18n';
import type { ApiOptions } from '../../sync/api';
import { LowRatingsSection } from './LowRatingsSection';
import { PetitionList } from './PetitionList';
import { PetitionTextForm } from './PetitionTextForm';
import { closePetition } from './ratingsApi';
import { usePetitions } from './usePetitions';

/**
 * 滿意度與陳情 Ratings and complaints: the supervisor's follow-up of the citizens' low ratings and the
 * complaints opened from them (docs/decisions/0037-ratings-reach-the-bureau.md). Online only; every
 * read and change is made and audited by the server.
 */
export function RatingsView({ api }: { api: ApiOptions }) {
  const t = useT();
  const { petitions, offline, error, reload } = usePetitions(api);
  const [closing, setClosing] = useState<Petition>();
  const [messages, setMessages] = useState<string[]>([]);
  const say = (message: string) => setMessages((current) => [message, ...current].slice(0, 5));

  async function close(petition: Petition, resolution: string) {
    await closePetition(api, petition.id, resolution);
    setClosing(undefined);
    say(t('ratings.petitionClosed', { caseNo: petition.caseNo }));
    void reload();
  }

  return (
    <section className="ratings" aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">{t('ratings.heading')}</h2>
      <div role="status" aria-live="polite">
        {messages.map((message, index) => (
          <p key={`${index}-${message}`}>{message}</p>
        ))}
      </div>
      <LowRatingsSection api={api} say={say} onPetitionOpened={() => void reload()} />
      <section aria-labelledby="petitions-heading" aria-busy={!petitions && !error && !offline}>
        <h3 id="petitions-heading">{t('ratings.petitions')}</h3>
        <p>{t('ratings.petitionsIntro')}</p>
        {offline && <p role="alert">{t('ratings.offline')}</p>}
        {error && <p role="alert">{t('ratings.loadFailed', { message: error })}</p>}
        {!petitions && !error && !offline && <p role="status">{t('ratings.loading')}</p>}
        {petitions && <PetitionList petitions={petitions} onClose={setClosing} />}
        {closing && (
          <PetitionTextForm
            key={closing.id}
            kind="resolution"
            heading={t('ratings.closePetitionOf', { caseNo: closing.caseNo })}
            initial=""
            submitLabel={t('ratings.close')}
            onSubmit={(resolution) => close(closing, resolution)}
            onCancel={() => setClosing(undefined)}
          />
        )}
      </section>
    </section>
  );
}
