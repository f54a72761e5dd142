/** Keelung City's seven districts and their three-digit postcodes (中華郵政). */
export interface District {
  zip: string;
  name: string;
  en: string;
}

export const keelungDistricts: ReadonlyArray<District> = [
  { zip: '200', name: '仁愛區', en: "Ren'ai" },
  { zip: '201', name: '信義區', en: 'Xinyi' },
  { zip: '202', name: '中正區', en: 'Zhongzheng' },
  { zip: '203', name: '中山區', en: 'Zhongshan' },
  { zip: '204', name: '安樂區', en: 'Anle' },
  { zip: '205', name: '暖暖區', en: 'Nuannuan' },
  { zip: '206', name: '七堵區', en: 'Qidu' },
];

export function districtByZip(zip: string): District | undefined {
  return keelungDistricts.find((d) => d.zip === zip.trim().slice(0, 3));
}

/** Accepts 仁愛區, 仁愛, 基隆市仁愛區 or the English name in any case. */
export function districtByName(name: string): District | undefined {
  const n = name.trim().replace(/^基隆市/, '').replace(/[臺台]?基隆市?/, '');
  return keelungDistricts.find(
    (d) => d.name === n || d.name === `${n}區` || d.en.toLowerCase() === n.toLowerCase().replace(/\s+district$/, ''),
  );
}
