// The gateway target: everything needed to deploy the API exactly as specified, with no hand edits.
//   openapi.rest.json | openapi.http.json  one self-contained OpenAPI 3.0 document for import
//   template.yaml                          CloudFormation (or SAM) stack: API, stages, keys, permissions, …
//   routes.md                              what will be deployed, for code review
//   CHANGES.md                             every rewrite made to the definition, with where
//
// `.vtl` files: write `$ref: ./templates/x.vtl` as a requestTemplates/responseTemplates value; load
// bundles the file's text there, so the emitted document carries the template inline.

import type { Api } from '../../model/types.js';
import type { FileSet } from '../types.js';
import type { EmitOptions } from '../options.js';
import { ChangeLog, type GatewayChange } from './changes.js';
import { gatewayDocuments } from './document.js';
import { buildTemplate } from './template.js';
import { stagesOf } from '../shared/stages.js';
import { changesMarkdown, routesMarkdown } from './summary.js';
import { YamlTextMemo } from './yaml-text.js';

export type { GatewayChange, ChangeKind } from './changes.js';
export { accessLogFormat, accessLogFields } from './access-log.js';

export interface GatewayBuild {
  files: FileSet;
  /** The name of the OpenAPI file in `files`. */
  documentFile: string;
  /** Every rewrite and note, for the CLI to print (also written to CHANGES.md). */
  changes: GatewayChange[];
  /** Old model name → new name. */
  modelRenames: Map<string, string>;
}

/**
 * template.yaml's text, reusing the text of pairs unchanged since the previous build in this process
 * (`build --watch`): byte-identical to `stringify(template, { lineWidth: 0, aliasDuplicateObjects: false })`.
 */
const templateYaml = new YamlTextMemo();

export function buildGateway(api: Api, options: EmitOptions): GatewayBuild {
  const log = new ChangeLog();
  const { standalone, templateBody, parameters, modelRenames } = gatewayDocuments(api, options.document, options.config, log);
  const { template, permissions, urlOutputs, accountLogging } = buildTemplate({ api, config: options.config, body: templateBody, params: parameters, log });
  const documentFile = api.kind === 'rest' ? 'openapi.rest.json' : 'openapi.http.json';
  const files: FileSet = new Map();
  files.set(documentFile, { content: JSON.stringify(standalone, null, 2) + '\n' });
  files.set('template.yaml', { content: templateYaml.text(template) });
  files.set('routes.md', {
    content: routesMarkdown({ api, config: options.config, entry: options.document.entry, stages: stagesOf(options.config), permissions, changes: log.changes.length, urlOutputs, accountLogging }),
  });
  files.set('CHANGES.md', { content: changesMarkdown(documentFile, log.changes) });
  return { files, documentFile, changes: log.changes, modelRenames };
}

export function emitGateway(api: Api, options: EmitOptions): FileSet {
  return buildGateway(api, options).files;
}
