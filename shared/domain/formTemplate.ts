/**
 * The layout of a pre-filled application form (表單套印) as data: an A4 page, boxes where a value is printed
 * (each names the value by key), fixed texts and ruled lines, positions in millimetres from the page's top
 * left corner as a ruler on the paper form reads. The catalogue names a service's template by
 * `form.templateId`; the templates ship beside it (data/formTemplates) and are served at
 * GET /services/forms/:id.pdf blank. Decision 0042.
 */
import { z } from 'zod';

/** Values every form can print, filled from the intake; a service's own `form.fields` keys add to them. */
export const applicantFieldKeys = ['applicantName', 'applicantId', 'applicantAddress', 'applicantPhone', 'serviceName', 'filedOn'] as const;
export type ApplicantFieldKey = (typeof applicantFieldKeys)[number];

const mm = z.number().min(0).max(297);

export const formBoxSchema = z.object({
  field: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
  x: mm,
  y: mm,
  width: z.number().positive().max(210),
  height: z.number().positive().max(297),
  fontSize: z.number().min(6).max(28),
  /** Long values (an address) wrap onto further lines inside the box; otherwise the text shrinks to fit. */
  wrap: z.boolean().optional(),
});
export type FormBox = z.infer<typeof formBoxSchema>;

export const formTextSchema = z.object({ text: z.string().min(1).max(200), x: mm, y: mm, fontSize: z.number().min(6).max(28) });
export type FormText = z.infer<typeof formTextSchema>;

export const formLineSchema = z.object({ x1: mm, y1: mm, x2: mm, y2: mm, thickness: z.number().positive().max(3).optional() });
export type FormLine = z.infer<typeof formLineSchema>;

export const formTemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  titleZh: z.string().min(1).max(100),
  titleEn: z.string().min(1).max(200),
  page: z.literal('A4'),
  texts: z.array(formTextSchema).max(200),
  lines: z.array(formLineSchema).max(200),
  boxes: z.array(formBoxSchema).max(60),
});
export type FormTemplate = z.infer<typeof formTemplateSchema>;

/** A4 in millimetres. */
export const a4 = { width: 210, height: 297 } as const;

/** The keys a template's boxes name that neither the intake nor the service's own fields provide. */
export function unknownBoxFields(template: FormTemplate, serviceFieldKeys: readonly string[]): string[] {
  const known = new Set<string>([...applicantFieldKeys, ...serviceFieldKeys]);
  return template.boxes.map((b) => b.field).filter((f) => !known.has(f));
}
