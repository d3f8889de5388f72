// Where the generated client sends requests: the config's stages (custom domain or execute-api
// URL) and the spec's server URL templates with their variables' defaults.

import type { Api } from '../../model/types.js';
import type { ResolvedConfig } from '../../config/types.js';
import { stagesOf } from '../shared/stages.js';
import { displayText } from '../../text/display-text.js';

export interface SdkEndpoints {
  stages: [string, string | undefined][];
  servers: { url: string; variables: [string, string][] }[];
}

export function sdkEndpoints(api: Api, config: ResolvedConfig): SdkEndpoints {
  const stages: [string, string | undefined][] = [];
  const configured = config.stages ?? {};
  const domain = config.gateway?.domain;
  // The gateway maps the custom domain to `domain.stage`, else the first stage it deploys.
  const mappedStage = domain ? (domain.stage ?? Object.keys(stagesOf(config))[0]) : undefined;
  const names = Object.keys(configured);
  if (mappedStage !== undefined && !names.includes(mappedStage)) names.push(mappedStage);
  for (const name of names.sort()) {
    const baseUrl = configured[name]?.baseUrl;
    // An explicit stage baseUrl wins; else the stage the custom domain serves is called through it.
    const url = typeof baseUrl === 'string' ? baseUrl : domain && name === mappedStage ? customDomainUrl(domain.name, domain.basePath) : undefined;
    stages.push([name, url]);
  }
  const servers = api.servers
    .filter((s) => typeof s.url === 'string' && s.url !== '')
    .map((s) => ({
      url: s.url,
      variables: Object.keys(s.variables).map((k): [string, string] => [k, displayText(s.variables[k]?.default ?? '')]),
    }));
  return { stages, servers };
}

/** `https://<domain>/<basePath>`; no base path (or API Gateway's `(none)`) → `https://<domain>`. */
export function customDomainUrl(domain: string, basePath: string | undefined): string {
  const segments = (basePath ?? '').split('/').filter((s) => s !== '' && s !== '(none)');
  const host = domain.trim().replace(/\.$/, '').toLowerCase();
  return `https://${host}${segments.map((s) => `/${encodeURIComponent(s)}`).join('')}`;
}
