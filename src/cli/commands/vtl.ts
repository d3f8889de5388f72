// PLACEHOLDER until the VTL engine lands. Replaced by its owner with `apigw-gen vtl render`.
import type { CommandModule } from 'yargs';

export const vtlCommand: CommandModule = {
  command: 'vtl',
  describe: 'Mapping-template tools (not yet available)',
  handler: () => {
    throw new Error('apigw-gen vtl is not implemented yet');
  },
};
