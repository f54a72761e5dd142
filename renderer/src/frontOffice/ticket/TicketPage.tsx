import { instantText } from '../../features/admin/instantText';
import { LanguageToggle } from '../LanguageToggle';
import { groupName } from '../groupName';
import { preferredLocale, usePageLanguage, type Translate } from '../pageLanguage';
import type { PublicTicket } from '../../../../shared/schemas/ticketQueue';
import type { Locale } from '../../state/locale';
import { usePublicTicket, type TicketState } from './usePublicTicket';
import { ticketView } from './ticketView';

/** The ticket's id and verifier from the page's address, /t/<id>?v=<verifier> (the printed QR code). */
export function ticketAddress(location: Pick<Location, 'pathname' | 'search'>): { id: string; verifier: string } {
  const id = decodeURIComponent(location.pathname.replace(/^\/t\//, '').split('/')[0] ?? '');
  return { id, verifier: new URLSearchParams(location.search).get('v') ?? '' };
}

/**
 * The citizen's phone (/t/<id>?v=): the number, what to do now, how many are ahead and about how long
 * the wait is, asked again every 15 s. Nothing personal: the ticket holds no name.
 */
export function TicketPage({ origin, location }: { origin: string; location: Pick<Location, 'pathname' | 'search'> }) {
  const { locale, setLocale, t } = usePageLanguage(preferredLocale(navigator.languages));
  const { id, verifier } = ticketAddress(location);
  const state = usePublicTicket(origin, id, verifier);
  return (
    <div className="phone">
      <header className="fo-header">
        <p className="fo-bureau">{t('bureau')}</p>
        <LanguageToggle locale={locale} onChange={setLocale} />
      </header>
      <main className="phone-main" aria-labelledby="phone-title">
        <h1 id="phone-title">{t('ticketPage.title')}</h1>
        <TicketBody t={t} locale={locale} state={state} />
      </main>
    </div>
  );
}

function TicketBody({ t, locale, state }: { t: Translate; locale: Locale; state: TicketState }) {
  if (state.kind === 'loading') return <p role="status">{t('ticketPage.loading')}</p>;
  if (state.kind === 'not-found') return <p className="phone-card">{t('ticketPage.notFound')}</p>;
  const shown = state.kind === 'found' ? state : state.last;
  const note = state.kind === 'limited' ? t('ticketPage.limited') : state.kind === 'unreachable' ? t('ticketPage.unreachable') : undefined;
  return (
    <>
      {note && (
        <p className="phone-note" role="status">
          {note}
        </p>
      )}
      {shown && <TicketFacts t={t} locale={locale} ticket={shown.ticket} at={shown.at} />}
    </>
  );
}

function TicketFacts({ t, locale, ticket, at }: { t: Translate; locale: Locale; ticket: PublicTicket; at: Date }) {
  const view = ticketView(ticket);
  return (
    <section className="phone-card" aria-label={t('ticketPage.number')}>
      <p className="phone-number">{ticket.number}</p>
      <p className="phone-group">{groupName(ticket.group, locale)}</p>
      <p className={view.urgent ? 'phone-headline phone-urgent' : 'phone-headline'} role="status" aria-live="polite">
        {t(view.headline.key, view.headline.params)}
      </p>
      <dl>
        {view.ahead && (
          <div>
            <dt>{t('ticketPage.ahead')}</dt>
            <dd>{t(view.ahead.key, view.ahead.params)}</dd>
          </div>
        )}
        {view.wait && (
          <div>
            <dt>{t('ticketPage.wait')}</dt>
            <dd>{t(view.wait.key, view.wait.params)}</dd>
          </div>
        )}
        <div>
          <dt>{t('ticketPage.issued')}</dt>
          <dd>{instantText(ticket.issuedAt)}</dd>
        </div>
      </dl>
      <p className="phone-updated">{t('ticketPage.updated', { time: instantText(at.toISOString()) })}</p>
    </section>
  );
}
