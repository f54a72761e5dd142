import { useEffect, useState } from 'react';
import { getCustomerDisplay, type CustomerMessage } from '../../lib/customerDisplay';
import { translate } from '../../lib/i18n';
import type { Locale } from '../../state/locale';

type Screen = Extract<CustomerMessage, { type: 'idle' | 'confirm' | 'feedback' }>;


/**
 * The screen turned towards the citizen: large type, what the clerk entered (to confirm), then the
 * 1–5 satisfaction rating after the receipt prints (the bureau's instant feedback). It holds no data
 * of its own: everything arrives from the clerk's window and the rating goes back to it.
 */
export function CustomerDisplay() {
  const [screen, setScreen] = useState<Screen>({ type: 'idle' });
  const [score, setScore] = useState<number>();
  const [comment, setComment] = useState('');
  const [thanked, setThanked] = useState(false);

  useEffect(() => {
    const link = getCustomerDisplay();
    const unsubscribe = link.subscribe((message) => {
      if (message.type === 'idle' || message.type === 'confirm' || message.type === 'feedback') {
        setScreen(message);
        if (message.type === 'feedback') {
          setScore(undefined);
          setComment('');
          setThanked(false);
        }
      }
    });
    link.send({ type: 'hello' });
    return unsubscribe;
  }, []);

  const locale: Locale = screen.type === 'idle' ? 'zh-TW' : screen.locale;
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-Hant-TW';
  }, [locale]);

  return (
    <main className="customer-display" aria-live="polite">
      <h1>{translate(locale, 'customer.welcome')}</h1>
      {screen.type === 'confirm' && (
        <section aria-labelledby="customer-confirm">
          <h2 id="customer-confirm">{translate(locale, 'customer.confirm')}</h2>
          <dl className="customer-lines">
            {screen.lines.map((line) => (
              <div key={line.label}>
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
          {screen.documents.length > 0 && (
            <>
              <h2>{translate(locale, 'documents')}</h2>
              <ul className="customer-docs">
                {screen.documents.map((d) => (
                  <li key={d.document} data-state={d.state}>
                    <span className={`badge badge-${d.state}`}>{translate(locale, `docState.${d.state}`)}</span> {d.document}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {screen.type === 'feedback' &&
        (thanked ? (
          <p className="customer-thanks" role="status">
            {translate(locale, 'customer.thanks')}
          </p>
        ) : (
          <form
            className="customer-rating"
            onSubmit={(e) => {
              e.preventDefault();
              if (!score) return;
              getCustomerDisplay().send({
                type: 'rating',
                ratingId: crypto.randomUUID(),
                caseId: screen.caseId,
                caseNo: screen.caseNo,
                score,
                ratedAt: new Date().toISOString(),
                ...(comment.trim() ? { comment: comment.trim() } : {}),
              });
              setThanked(true);
            }}
          >
            <fieldset>
              <legend>
                {translate(locale, 'customer.rate')} <span className="mono">{screen.caseNo}</span>
              </legend>
              <div className="rating-buttons">
                {[1, 2, 3, 4, 5].map((n) => (
                  <span key={n} className="rating">
                    <input id={`rating-${n}`} type="radio" name="rating" value={n} checked={score === n} onChange={() => setScore(n)} />
                    <label htmlFor={`rating-${n}`}>
                      {n} {translate(locale, 'customer.stars')}
                    </label>
                  </span>
                ))}
              </div>
            </fieldset>
            <label htmlFor="rating-comment">{translate(locale, 'customer.comment')}</label>
            <textarea id="rating-comment" maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
            <button type="submit" disabled={!score}>
              {translate(locale, 'customer.send')}
            </button>
          </form>
        ))}
    </main>
  );
}
