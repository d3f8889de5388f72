// The one Handlebars renderer of the emitters' file layouts (templates/<target>/*.hbs, shipped
// with the package). Templates are compiled once per process. Output is Markdown or TypeScript,
// never HTML, so Handlebars' HTML escaping is off (`noEscape`): every value from the spec goes
// through a helper that escapes for where it lands —
//   {{cell x}} / {{heading x}}   Markdown text (markdown.ts), {{code x}} a code span,
//   {{cellCode x}}               a code span inside a table row.
// A bare {{x}} is only for values apigw-gen made itself (counts, file stems, fixed labels).

import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { packageFile } from '../../package-files.js';
import { headingText, inlineCode, markdownText } from './markdown.js';
import { displayText } from '../../text/display-text.js';

const TEMPLATE_ROOT = packageFile('templates/');

const handlebars = Handlebars.create();
const text = (value: unknown): string => (value === undefined || value === null ? '' : displayText(value));
handlebars.registerHelper('cell', (value: unknown) => markdownText(text(value)));
handlebars.registerHelper('heading', (value: unknown) => headingText(text(value)));
handlebars.registerHelper('code', (value: unknown) => inlineCode(text(value)));
handlebars.registerHelper('cellCode', (value: unknown) => inlineCode(text(value), { inTable: true }));

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Renders `templates/<path>` (e.g. `handlers/README.md.hbs`) with `data`. */
export function renderTemplate(path: string, data: object): string {
  let template = compiled.get(path);
  if (!template) {
    template = handlebars.compile(readFileSync(new URL(path, TEMPLATE_ROOT), 'utf8'), { noEscape: true, strict: false });
    compiled.set(path, template);
  }
  return template(data);
}
