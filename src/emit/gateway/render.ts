// The gateway target's Markdown files come from templates/gateway/*.hbs (shipped with the package).
// Every value from the spec or config goes through `cell`, which keeps it on one line and inert
// in Markdown (table pipes, backticks, HTML).

import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';

const TEMPLATE_DIR = new URL('../../../templates/gateway/', import.meta.url);
const handlebars = Handlebars.create();
handlebars.registerHelper('cell', (value: unknown) => markdownCell(value === undefined || value === null ? '' : String(value)));
const compiled = new Map<string, Handlebars.TemplateDelegate>();

export function render(name: string, context: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = handlebars.compile(readFileSync(new URL(name, TEMPLATE_DIR), 'utf8'), { noEscape: true, strict: false });
    compiled.set(name, template);
  }
  return template(context).replace(/\n{3,}/g, '\n\n');
}

export function markdownCell(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/`/g, "'")
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
