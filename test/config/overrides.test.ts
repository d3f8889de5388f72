import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { outputFolder, withOverrides } from '../../src/config/index.js';

describe('withOverrides', () => {
  it('flags win; undefined flags keep the config value', () => {
    const config = { file: '/p/apigw-gen.config.json', apiType: 'rest' as const, out: '/p/gen', targets: ['sdk' as const], lint: { rules: { 'APIGW-X-1': 'off' as const } } };
    const merged = withOverrides(config, { apiType: 'http', out: undefined, targets: undefined, allowRemoteRefs: true });
    expect(merged).toEqual({ ...config, apiType: 'http', allowRemoteRefs: true });
    expect(config.apiType).toBe('rest');
  });
});

describe('outputFolder', () => {
  it('is `out` when set, else generated/ beside the config file, else in cwd', () => {
    expect(outputFolder({ out: '/abs/out' }, '/cwd')).toBe('/abs/out');
    expect(outputFolder({ file: '/proj/apigw-gen.config.yaml' }, '/proj/sub')).toBe(join('/proj', 'generated'));
    expect(outputFolder({}, '/cwd')).toBe(join('/cwd', 'generated'));
  });
});
