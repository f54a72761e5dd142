/**
 * The form templates shipped with the catalogue, parsed once: a service's `form.templateId` names one.
 * A template that does not parse fails here, at start-up and in its test, never on a citizen's form.
 */
import type { FormTemplate } from './formTemplate';
import { formTemplateSchema } from './formTemplate';
import { genCertTemplate } from './data/formTemplates/genCertTemplate';
import { htUseChangeTemplate } from './data/formTemplates/htUseChangeTemplate';
import { lvtSelfUseTemplate } from './data/formTemplates/lvtSelfUseTemplate';

export const formTemplates: readonly FormTemplate[] = [lvtSelfUseTemplate, htUseChangeTemplate, genCertTemplate].map((t) =>
  formTemplateSchema.parse(t),
);

export function findFormTemplate(id: string): FormTemplate | undefined {
  return formTemplates.find((t) => t.id === id);
}
