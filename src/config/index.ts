// Config: the apigw-gen.config.{json,yaml,yml} file and how CLI flags override it.
export { CONFIG_FILE_NAMES, findConfigFile, loadConfigFile, parseConfig, resolveConfig } from './load.js';
export type { ResolveConfigOptions } from './load.js';
export type { Config, ResolvedConfig, ServeConfig, ServeFunctionConfig, StageConfig } from './types.js';
export { withOverrides, outputFolder } from './overrides.js';
export type { ConfigOverrides } from './overrides.js';
export { folderContents } from './spec-in-folder.js';
export type { FolderContents } from './spec-in-folder.js';
