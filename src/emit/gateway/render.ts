// The gateway target's Markdown files come from templates/gateway/*.hbs, rendered by the shared
// renderer: every value from the spec or config goes through its Markdown helpers.

import { renderTemplate } from '../shared/handlebars.js';

export function render(name: string, context: object): string {
  return renderTemplate(`gateway/${name}`, context).replace(/\n{3,}/g, '\n\n');
}
