// The handlers target's file layouts live in templates/handlers/*.hbs (shipped with the package).
// Templates are compiled once per process; data is passed in, never spliced into code unescaped.

import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';

const TEMPLATE_DIR = new URL('../../../templates/handlers/', import.meta.url);
const compiled = new Map<string, Handlebars.TemplateDelegate>();

export function renderTemplate(name: string, data: object): string {
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(new URL(name, TEMPLATE_DIR), 'utf8');
    template = Handlebars.compile(source, { noEscape: false, strict: false });
    compiled.set(name, template);
  }
  return template(data);
}
