// The import-ready OpenAPI 3.0 document, built from the loaded (already bundled) document:
// dialect conversion, then the rules of the target API type. Two copies come out: one for
// template.yaml (intrinsics pointing at template parameters) and one standalone JSON (intrinsics
// resolved from gateway.parameters where given).

import type { Api } from '../../model/types.js';
import type { LoadedDocument } from '../../load/types.js';
import type { ResolvedConfig } from '../../config/types.js';
import { ChangeLog } from './changes.js';
import { clone, isObject, type JsonObject } from './json.js';
import { convertSwagger2 } from './swagger2.js';
import { downgrade31 } from './downgrade31.js';
import { stripOtherApiType } from './other-api-type.js';
import { restCompat } from './rest-compat.js';
import { alphanumericModelNames } from './model-names.js';
import { parameterizeReferences, resolveIntrinsics, type TemplateParameter } from './intrinsics.js';

export interface GatewayDocuments {
  /** The import-ready document with intrinsics resolved where values are known. */
  standalone: JsonObject;
  /** The same document for template.yaml's Body, references retargeted to template parameters. */
  templateBody: JsonObject;
  /** Template parameters the body refers to. */
  parameters: Map<string, TemplateParameter>;
  /** Old model name → new one. */
  modelRenames: Map<string, string>;
  log: ChangeLog;
}

export function gatewayDocuments(api: Api, loaded: LoadedDocument, config: ResolvedConfig, log = new ChangeLog()): GatewayDocuments {
  const source = isObject(loaded.document) ? (loaded.document as JsonObject) : ({} as JsonObject);
  let doc: JsonObject;
  if (loaded.version === '2.0') doc = convertSwagger2(source, log);
  else {
    doc = clone(source);
    if (loaded.version === '3.1') downgrade31(doc, log);
  }
  stripOtherApiType(doc, api.kind, log);
  if (api.kind === 'rest') restCompat(doc, log);
  const modelRenames = alphanumericModelNames(doc, log);

  const templateBody = clone(doc);
  const parameters = parameterizeReferences(templateBody, new Set(), log);
  const standalone = clone(doc);
  resolveIntrinsics(standalone, config.gateway?.parameters ?? {}, log);
  return { standalone, templateBody, parameters, modelRenames, log };
}
