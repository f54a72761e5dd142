import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from './catalogue';
import { a4, formTemplateSchema, unknownBoxFields } from './formTemplate';
import { findFormTemplate, formTemplates } from './formTemplates';

describe('form templates', () => {
  it('every service form in the catalogue names a template whose boxes it can fill', () => {
    const withForm = defaultCatalogue.services.filter((s) => s.form);
    expect(withForm.map((s) => s.id)).toEqual(expect.arrayContaining(['LVT-SELF-USE', 'HT-USE-CHANGE', 'GEN-CERT']));
    for (const service of withForm) {
      const template = findFormTemplate(service.form?.templateId ?? '');
      expect(template, service.id).toBeDefined();
      if (template) expect(unknownBoxFields(template, service.form?.fields.map((f) => f.key) ?? [])).toEqual([]);
    }
  });

  it('keeps every box on the A4 page', () => {
    for (const template of formTemplates) {
      for (const box of template.boxes) {
        expect(box.x + box.width, `${template.id} ${box.field}`).toBeLessThanOrEqual(a4.width);
        expect(box.y + box.height, `${template.id} ${box.field}`).toBeLessThanOrEqual(a4.height);
      }
    }
  });

  it('refuses a template that is not A4 or whose box has no field', () => {
    const template = formTemplates[0];
    expect(formTemplateSchema.safeParse({ ...template, page: 'letter' }).success).toBe(false);
    expect(formTemplateSchema.safeParse({ ...template, boxes: [{ x: 1, y: 1, width: 10, height: 5, fontSize: 10 }] }).success).toBe(false);
  });
});
