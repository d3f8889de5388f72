// Where the generated client sends requests: the config's stages (custom domain or execute-api
// URL) and the spec's server URL templates with their variables' defaults.

import type { Api } from '../../model/types.js';
import type { ResolvedConfig } from '../../config/types.js';

export interface SdkEndpoints {
  stages: [string, string | undefined][];
  servers: { url: string; variables: [string, string][] }[];
}

export function sdkEndpoints(api: Api, config: ResolvedConfig): SdkEndpoints {
  const stages: [string, string | undefined][] = [];
  const configured = config.stages ?? {};
  for (const name of Object.keys(configured).sort()) {
    const baseUrl = configured[name]?.baseUrl;
    stages.push([name, typeof baseUrl === 'string' ? baseUrl : undefined]);
  }
  const servers = api.servers
    .filter((s) => typeof s.url === 'string' && s.url !== '')
    .map((s) => ({
      url: s.url,
      variables: Object.keys(s.variables).map((k): [string, string] => [k, String(s.variables[k]?.default ?? '')]),
    }));
  return { stages, servers };
}
