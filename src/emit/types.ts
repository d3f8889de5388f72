// The emitters' data: what a target produces. No emitter reads or writes disk.

export type Target = 'sdk' | 'handlers' | 'templates' | 'gateway';

export interface GeneratedFile {
  content: string;
  /**
   * A file the user owns once it exists (handler implementation stubs): written when missing,
   * never overwritten, never removed.
   */
  writeOnce?: boolean;
}

/** Relative path (POSIX separators, inside the output folder) → file. */
export type FileSet = Map<string, GeneratedFile>;

/**
 * Something an emitter decided that the user should know about (it changed no file's validity):
 * printed by `build` as a warning at the spec location of `pointer`.
 */
export interface EmitWarning {
  target: Target;
  /** JSON pointer into the bundled document. */
  pointer: string;
  message: string;
}
