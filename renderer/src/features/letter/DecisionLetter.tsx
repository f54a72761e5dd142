import type { DecisionLetterModel, LetterWords } from './decisionLetterModel';

/** A heading or label: the Chinese, and beside it the English on a bilingual letter. */
function Label({ text }: { text: LetterWords }) {
  return (
    <>
      {text.zh}
      {text.en !== undefined && (
        <>
          {' '}
          <span lang="en">{text.en}</span>
        </>
      )}
    </>
  );
}

/** A value: the Chinese, and under it the English on a bilingual letter. */
function Value({ text }: { text: LetterWords }) {
  return (
    <>
      {text.zh}
      {text.en !== undefined && (
        <>
          <br />
          <span lang="en">{text.en}</span>
        </>
      )}
    </>
  );
}

/**
 * The A4 decision notice as printed (rendered only inside the print area). The QR code sits at the top,
 * so it is on the first page however long the reasons run.
 */
export function DecisionLetter({ model, qrDataUrl }: { model: DecisionLetterModel; qrDataUrl: string | undefined }) {
  return (
    <div className="notice letter" data-testid="decision-letter" data-case-no={model.caseNo} data-outcome={model.outcome}>
      {qrDataUrl && <img className="letter-qr" src={qrDataUrl} alt={model.progressUrl} width={110} height={110} />}
      <p className="notice-bureau">
        <Label text={model.bureau} />
      </p>
      <h1 className="notice-title">
        {model.title.zh}
        {model.title.en !== undefined && (
          <>
            <br />
            <span className="notice-title-en" lang="en">
              {model.title.en}
            </span>
          </>
        )}
      </h1>
      <table className="notice-facts">
        <tbody>
          {model.rows.map((row) => (
            <tr key={row.id} data-row={row.id}>
              <th scope="row">
                <Label text={row.label} />
              </th>
              <td className={row.id === 'caseNo' ? 'mono' : row.id === 'decision' ? 'letter-decision' : undefined}>
                <Value text={row.value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="notice-heading">
        <Label text={model.reasonsHeading} />
      </h2>
      <p className="letter-reasons">{model.reasons}</p>
      <h2 className="notice-heading">
        <Label text={model.remedyHeading} />
      </h2>
      {model.remedyText.map((text, index) => (
        <div key={index} className={index > 0 && model.lastDay ? 'notice-deadline' : undefined}>
          <p>{text.zh}</p>
          {text.en !== undefined && <p lang="en">{text.en}</p>}
        </div>
      ))}
      <p className="notice-footer">
        <Label text={model.qrHint} />
      </p>
    </div>
  );
}
