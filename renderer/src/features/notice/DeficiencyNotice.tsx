import type { NoticeModel } from './noticeModel';

/** The A4 deficiency notice, bilingual, as printed (rendered only inside the print area). */
export function DeficiencyNotice({ model }: { model: NoticeModel }) {
  return (
    <div className="notice" data-testid="notice" data-case-no={model.caseNo}>
      <p className="notice-bureau">基隆市稅務局 Keelung City Tax Bureau</p>
      <h1 className="notice-title">
        退補件一次告知單
        <br />
        <span className="notice-title-en">One-time notice of missing documents</span>
      </h1>
      <table className="notice-facts">
        <tbody>
          <tr>
            <th scope="row">案件編號 Case no.</th>
            <td className="mono">{model.caseNo}</td>
          </tr>
          <tr>
            <th scope="row">申請項目 Service</th>
            <td>
              {model.serviceZh}
              <br />
              {model.serviceEn}
            </td>
          </tr>
          <tr>
            <th scope="row">申請人 Applicant</th>
            <td>
              {model.applicantName} {model.applicantId}
            </td>
          </tr>
          <tr>
            <th scope="row">收件日期 Received</th>
            <td>
              {model.receivedRoc} ({model.receivedIso})
            </td>
          </tr>
        </tbody>
      </table>
      <h2 className="notice-heading">應補正文件 Documents to supplement（共 {model.missing.length} 件 / {model.missing.length} in total）</h2>
      <ol className="notice-missing">
        {model.missing.map((doc) => (
          <li key={doc}>{doc}</li>
        ))}
      </ol>
      <p className="notice-deadline">
        請於 <strong>{model.supplementByRoc}</strong>（{model.supplementByIso}）前補正。
        <br />
        Please supplement the documents by <strong>{model.supplementByIso}</strong>.
      </p>
      <h2 className="notice-heading">處理期限停止計算 The processing clock is paused</h2>
      <p>
        依行政程序法第51條，自{model.pausedFrom === 'receipt' ? '收件日' : '通知日'}（{model.pausedFromRoc}）起至補正完成之日止，不計入處理期限；補正完成後，處理期限自次日起繼續計算。補件期限為通知日起 {model.supplementDays} 日（末日為假日者順延至次一上班日）。逾期未補正者，本局得依法駁回申請。
      </p>
      <p lang="en">
        Under Article 51 of the Administrative Procedure Act, the processing period does not run from the day of {model.pausedFrom === 'receipt' ? 'receipt' : 'this notice'} ({model.pausedFromIso}) until the day the documents are supplied;
        it resumes the day after. You have {model.supplementDays} days from this notice (a last day that falls on a holiday moves to the next working day). If the documents are not
        supplied in time, the bureau may reject the application.
      </p>
      <p className="notice-once">本單一次告知全部應補正文件 · This notice lists every missing document at once.</p>
      <p className="notice-footer">通知日期 Notified: {model.noticedRoc}</p>
    </div>
  );
}
