// A folder given where a spec file is expected (`apigw-gen lint .`): what it holds that could be meant.

import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAMES } from './load.js';

/** What a folder offers in place of a spec file. */
export interface FolderContents {
  /** Its config file, when it has one. */
  config?: string;
  /** Its YAML/JSON files that look like an OpenAPI document or a template defining an API, by name. */
  specs: string[];
}

/** How much of a file is read to tell whether it is a spec: the top-level keys come first. */
const HEAD_BYTES = 4096;
const SPEC_HEAD = /^["']?(?:openapi|swagger)["']?\s*:|"(?:openapi|swagger)"\s*:|AWS::(?:Serverless::(?:Http)?Api|ApiGateway::RestApi|ApiGatewayV2::Api)\b/m;

export function folderContents(folder: string): FolderContents {
  const names = readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  const config = names.find((n) => (CONFIG_FILE_NAMES as readonly string[]).includes(n));
  const specs = names.filter((n) => /\.(ya?ml|json)$/i.test(n) && !(CONFIG_FILE_NAMES as readonly string[]).includes(n) && SPEC_HEAD.test(head(join(folder, n))));
  return { ...(config !== undefined ? { config: join(folder, config) } : {}), specs: specs.map((n) => join(folder, n)) };
}

function head(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
