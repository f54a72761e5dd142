/**
 * The bureau's one-page application layout (A4, millimetres from the top left): the title, the
 * applicant's rows, the service's own rows, the declaration, the signature and the date. Each form
 * names its title and its three service rows; everything else is this one layout, so the forms stay
 * alike and a change to the applicant's block is made once. The result is plain template data, parsed
 * by formTemplateSchema (shared/domain/formTemplate.ts) like any published template.
 */
interface Row {
  zh: string;
  en: string;
  field: string;
  wrap?: boolean;
}

interface ApplicationForm {
  id: string;
  titleZh: string;
  titleEn: string;
  /** The three rows under the applicant's, in order. */
  rows: readonly [Row, Row, Row];
}

const LEFT = 15;
const RIGHT = 195;
const LABEL_X = 17;
const VALUE_X = 64;
const DIVIDER_X = 62;
const TOP = 40;
const BOTTOM = 158;

/** Each row's top edge; the address row is taller (two lines). */
const rowTops = [40, 54, 68, 88, 102, 116, 130, 144];

const applicantRows: Row[] = [
  { zh: '申請人姓名', en: 'Applicant', field: 'applicantName' },
  { zh: '身分證統一編號', en: 'ID number', field: 'applicantId' },
  { zh: '地址', en: 'Address', field: 'applicantAddress', wrap: true },
  { zh: '電話', en: 'Phone', field: 'applicantPhone' },
  { zh: '申請項目', en: 'Service', field: 'serviceName', wrap: true },
];

const label = (text: string, x: number, y: number, fontSize: number) => ({ text, x, y, fontSize });

function rowBox(row: Row, top: number, index: number) {
  const height = index === 2 ? 16 : 10;
  return { field: row.field, x: VALUE_X, y: top + 2, width: 129, height, fontSize: 12, ...(row.wrap ? { wrap: true } : {}) };
}

export function applicationForm(form: ApplicationForm): unknown {
  const rows = [...applicantRows, ...form.rows];
  return {
    id: form.id,
    titleZh: form.titleZh,
    titleEn: form.titleEn,
    page: 'A4',
    texts: [
      label('基隆市稅務局', LEFT, 14, 11),
      label(form.titleZh, LEFT, 24, 18),
      label(form.titleEn, LEFT, 31, 9),
      ...rows.flatMap((row, index) => [label(row.zh, LABEL_X, (rowTops[index] ?? 0) + 6, 10), label(row.en, LABEL_X, (rowTops[index] ?? 0) + 11, 7)]),
      label('以上所填屬實，如有不實，願負法律責任。', LEFT, 168, 10),
      label('I declare the above true and complete.', LEFT, 173, 7),
      label('申請人簽章', LEFT, 186, 10),
      label("Applicant's signature", LEFT, 191, 7),
      label('申請日期', 128, 186, 10),
      label('Filed on', 128, 191, 7),
      label('本表由櫃台依申請人所述套印，請申請人核對無誤後簽章。', LEFT, 285, 8),
      label('Pre-filled at the counter from what the applicant said; check it before you sign.', LEFT, 289, 7),
    ],
    lines: [
      ...[...rowTops, BOTTOM].map((y, index, all) => ({ x1: LEFT, y1: y, x2: RIGHT, y2: y, thickness: index === 0 || index === all.length - 1 ? 1 : 0.5 })),
      { x1: LEFT, y1: TOP, x2: LEFT, y2: BOTTOM, thickness: 1 },
      { x1: RIGHT, y1: TOP, x2: RIGHT, y2: BOTTOM, thickness: 1 },
      { x1: DIVIDER_X, y1: TOP, x2: DIVIDER_X, y2: BOTTOM, thickness: 0.5 },
      { x1: 50, y1: 188, x2: 120, y2: 188, thickness: 0.5 },
    ],
    boxes: [...rows.map((row, index) => rowBox(row, rowTops[index] ?? 0, index)), { field: 'filedOn', x: 148, y: 182, width: 47, height: 9, fontSize: 11 }],
  };
}
