// `apigw-gen serve`: a local API Gateway built from the model.
//
//   const server = await startGateway({ api, config, runtime, functions: ['OrdersFunction'] });
//   // … server.url, server.reload({ api, config, functions }), server.close()

import type { Api } from '../model/types.js';
import type { Config } from '../config/types.js';
import { Gateway } from './gateway.js';
import { startServer } from './server.js';
import { buildSettings, type GatewaySettings, type SettingsInput } from './settings.js';

export { Gateway } from './gateway.js';
export { GatewayError, RESPONSE_DEFAULTS, type GatewayResponseType } from './errors.js';
export { chooseStage, buildSettings, type GatewaySettings } from './settings.js';
export { MAX_BODY_BYTES, MAX_HEADER_BYTES, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, SHUTDOWN_GRACE_MS } from './server.js';

export interface GatewayInput extends SettingsInput {
  /** One line per request. */
  accessLog?: (line: string) => void;
}

export interface RunningGateway {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The URL of the stage: `url` plus `/<stage>` unless it is an HTTP API's `$default`. */
  stageUrl: string;
  settings: GatewaySettings;
  /** New requests use the new model; in-flight ones finish with the old. */
  reload(input: Pick<GatewayInput, 'api' | 'config' | 'functions'>): void;
  close(): Promise<void>;
}

export async function startGateway(input: GatewayInput): Promise<RunningGateway> {
  const log = input.log ?? (() => undefined);
  const make = (api: Api, config: Config | undefined, functions: Iterable<string>) =>
    buildSettings({ ...input, api, ...(config ? { config } : {}), functions, log });
  let settings = make(input.api, input.config, input.functions);
  const server = await startServer(new Gateway(settings), { host: settings.host, port: settings.port, accessLog: input.accessLog ?? log });
  // Port 0 asks for any free port: the settings (and so domainName) name the one taken.
  settings.port = server.port;
  return {
    url: server.url,
    get stageUrl() {
      return server.url + settings.stagePrefix;
    },
    get settings() {
      return settings;
    },
    reload: (next) => {
      settings = make(next.api, next.config, next.functions);
      settings.port = server.port;
      server.setGateway(new Gateway(settings));
    },
    close: () => server.close(),
  };
}
