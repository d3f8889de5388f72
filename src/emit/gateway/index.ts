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
import type { JsonObject } from './json.js';
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
  /** The data template.yaml is the text of. */
  template: JsonObject;
}

/** CloudFormation's template size quotas ("CloudFormation quotas"): in a request body, and from S3. */
export const TEMPLATE_LIMITS = { request: 51_200, s3: 1_048_576 } as const;

/**
 * template.yaml's text, reusing the text of pairs unchanged since the previous build in this process
 * (`build --watch`): byte-identical to `stringify(template, TEMPLATE_YAML_OPTIONS)`.
 */
const templateYaml = new YamlTextMemo();

export function buildGateway(api: Api, options: EmitOptions): GatewayBuild {
  const log = new ChangeLog();
  const { standalone, templateBody, parameters, modelRenames } = gatewayDocuments(api, options.document, options.config, log);
  const documentFile = api.kind === 'rest' ? 'openapi.rest.json' : 'openapi.http.json';
  const external = options.config.gateway?.bodyS3Location;
  const { template, permissions, urlOutputs, accountLogging } = buildTemplate({
    api, config: options.config, body: external ? standalone : templateBody, bodyFile: documentFile, params: parameters, log,
  });
  const files: FileSet = new Map();
  const documentText = JSON.stringify(standalone, null, 2) + '\n';
  files.set(documentFile, { content: documentText });
  const templateText = templateYaml.text(template);
  files.set('template.yaml', { content: templateText });
  if (external === 'package') {
    log.add('template', '', `template.yaml reads the API definition from ./${documentFile}: \`aws cloudformation package\` or \`sam deploy\` uploads it to S3 and writes its location in; CloudFormation does not resolve intrinsics in it`);
  } else if (external) {
    log.add('template', '', `template.yaml reads the API definition from s3://${external.bucket}/${external.key}: upload ${documentFile} there before deploying; CloudFormation does not resolve intrinsics in it`);
  }
  const sizeWarning = templateSizeWarning(Buffer.byteLength(templateText), external ? undefined : { file: documentFile, bytes: Buffer.byteLength(documentText) });
  if (sizeWarning) log.add('size-limit', '', sizeWarning);
  files.set('routes.md', {
    content: routesMarkdown({ api, config: options.config, entry: options.document.entry, stages: stagesOf(options.config), permissions, changes: log.changes.length, urlOutputs, accountLogging }),
  });
  files.set('CHANGES.md', { content: changesMarkdown(documentFile, log.changes) });
  return { files, documentFile, changes: log.changes, modelRenames, template };
}

/** Why template.yaml cannot be deployed as it is, with the numbers; undefined when it is within both limits. */
function templateSizeWarning(bytes: number, inlined: { file: string; bytes: number } | undefined): string | undefined {
  if (bytes <= TEMPLATE_LIMITS.request) return undefined;
  const n = (x: number) => x.toLocaleString('en-US');
  const hint = inlined
    ? ` It inlines the API definition (${n(inlined.bytes)} bytes as ${inlined.file}): set gateway.bodyS3Location to "package" (or to the { bucket, key } you upload ${inlined.file} to) so that it references the file instead.`
    : '';
  if (bytes > TEMPLATE_LIMITS.s3) {
    return `template.yaml is ${n(bytes)} bytes: CloudFormation accepts at most ${n(TEMPLATE_LIMITS.s3)} bytes from S3 (${n(TEMPLATE_LIMITS.request)} in a request), so it cannot be deployed as it is.${hint}`;
  }
  return `template.yaml is ${n(bytes)} bytes, over the ${n(TEMPLATE_LIMITS.request)} bytes CloudFormation accepts in a request: deploy it through S3 (\`aws cloudformation deploy --s3-bucket\`, \`sam deploy\`).${hint}`;
}

export function emitGateway(api: Api, options: EmitOptions): FileSet {
  return buildGateway(api, options).files;
}
