// Every rewrite the gateway target makes to the document is recorded here, so the user sees
// exactly how the deployed definition differs from the one they wrote (CHANGES.md, and the CLI).

export type ChangeKind =
  | 'convert-swagger2'
  | 'downgrade-3.1'
  | 'rename-model'
  | 'strip-unsupported'
  | 'rewrite-unsupported'
  | 'strip-other-api-type'
  | 'move'
  | 'inline'
  | 'resolve-intrinsic'
  | 'unresolved-intrinsic'
  | 'template'
  /** template.yaml over CloudFormation's template size quotas: a kind of its own, so a summary never folds it away. */
  | 'size-limit';

export interface GatewayChange {
  kind: ChangeKind;
  /** Where in the (converted, 3.0) document the change happened. */
  pointer: string;
  message: string;
}

export class ChangeLog {
  readonly changes: GatewayChange[] = [];
  add(kind: ChangeKind, pointer: string, message: string): void {
    this.changes.push({ kind, pointer, message });
  }
}
