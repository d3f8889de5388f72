// The common shape of rules about one API-level extension (APIGW-API-001/002/003/007/008): look the
// extension up at the document root, skip it when absent or when it is a CloudFormation intrinsic
// (`{"Ref": …}`, `{"Fn::Sub": …}`: the value is known only at deploy time), otherwise check the value.

import type { RuleContext, Visitors } from '../../rule.js';
import type { Pointer } from '../../../model/types.js';
import { child } from '../../pointer.js';
import { rawRoot, isIntrinsicObject, type JsonObject } from '../../helpers/raw.js';

export interface RootExtension {
  /** The extension's value as written. */
  value: unknown;
  /** `/<key>`: where diagnostics about the value point. */
  pointer: Pointer;
  /** The raw document root, for checks that depend on a sibling extension. */
  root: JsonObject;
}

/** `api` visitor that calls `check` with the root extension `key` when it is present and not an intrinsic. */
export function rootExtensionVisitors(key: string, check: (ext: RootExtension, ctx: RuleContext) => void): Visitors {
  const pointer = child('', key);
  return {
    api(_api, ctx) {
      const root = rawRoot(ctx);
      if (!Object.prototype.hasOwnProperty.call(root, key)) return;
      const value = root[key];
      if (isIntrinsicObject(value)) return;
      check({ value, pointer, root }, ctx);
    },
  };
}
