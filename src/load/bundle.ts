// Resolves `$ref`s across files into one document. External references are bundled in; internal
// ones (`#/...`) stay references, so circular schemas stay finite. Where an external object goes:
// - declared in the entry's components (`components/schemas/Pet: {$ref: pet.yaml}`): right there;
// - a schema, response, parameter, header, request body or example used elsewhere: under its
//   components section (or `definitions`/`parameters`/`responses` for Swagger 2.0), named after the
//   file or the pointer's last token, and referenced from every place that uses it;
// - anything else (a path item, an integration): inlined where it is first used, later uses refer there.
// Every object is placed once; the objects of the parsed files are moved, not copied.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApigwError } from '../errors.js';
import type { BrokenRef, OpenApiVersion, SourcePosition } from './types.js';
import { childKind, DATA_KIND, declarationKeys, hoistSection, kindId, kindName, kindTable, type KindId, type NodeKind } from './context.js';
import { MissingTargetError, type FileReader } from './files.js';
import { childPointer, escapeToken, formatPointer, getAt, isWithin, parsePointer, pointerToRef, setOwn } from './pointer.js';
import { positionAtPointer, type SourceFile } from './source-file.js';
import type { Mount } from './source-map.js';

type Container = Record<string, unknown> | unknown[];

/** A `$ref` met while walking, waiting to be resolved. */
interface PendingRef {
  holder: Container;
  holderKey: string | number;
  refObject: Record<string, unknown>;
  ref: string;
  /** The file the `$ref` is written in, and its pointer there (escaped). */
  file: SourceFile;
  sourcePointer: string;
  /** Where the `$ref` sits in the bundled document. */
  bundledPointer: string;
  kind: NodeKind;
  /** The `$ref` is itself a declaration (`components/schemas/Pet`). */
  declaration: boolean;
}

/** An internal reference of the entry file, checked once the bundle is complete. */
interface KeptRef {
  /** The object holding the `$ref`: met twice through a YAML alias, it is still one ref. */
  refObject: Record<string, unknown>;
  ref: string;
  /** The ref as written, when it was a short form of `ref`. */
  written?: string;
  file: SourceFile;
  sourcePointer: string;
  /** Where the object holding the `$ref` sits in the bundled document. */
  bundledPointer: string;
}

const own = Object.prototype.hasOwnProperty;

export class Bundler {
  private readonly queue: PendingRef[] = [];
  private readonly kept: KeptRef[] = [];
  /** Every `$ref` whose target is missing (LoadedDocument.brokenRefs), in the order met. */
  readonly broken: BrokenRef[] = [];
  /** The same, by the object holding the `$ref`: one met again through a YAML alias is not a second broken ref. */
  private readonly brokenByObject = new Map<object, BrokenRef>();
  readonly mounts = new Map<string, Mount>();
  /**
   * Every string the bundler wrote into the document that no source text may spell (names, keys and
   * references it built), for may-contain.ts.
   */
  readonly madeUp: string[] = [];
  /** Refs objects this bundler wrote; never re-read as references of the file they sit in. */
  private readonly written = new WeakSet<object>();
  /**
   * Ref objects met again (through a YAML alias) and where, in the bundle: the places of those found
   * broken become the ref's `alsoAt` once every ref is settled (see noteAliases). Rebased like `kept`.
   */
  private readonly metAgain: Array<{ refObject: object; bundledPointer: string }> = [];
  /** The internal `$ref` naming nothing that unresolvable external refs become (see recordExternalBroken). */
  private unresolved: string | undefined;

  constructor(
    private readonly entry: SourceFile,
    private readonly document: Record<string, unknown>,
    private readonly version: OpenApiVersion,
    private readonly reader: FileReader,
  ) {
    this.mounts.set('', { file: entry, pointer: '' });
  }

  async run(): Promise<void> {
    // Declarations first, so that they become the home of what they declare.
    const first = declarationKeys(this.version).filter((k) => own.call(this.document, k));
    for (const key of first) this.walkTopLevel(key);
    await this.drain();
    for (const key of Object.keys(this.document)) {
      if (!first.includes(key)) this.walkTopLevel(key);
    }
    await this.drain();
    this.checkKeptRefs();
    this.noteAliases();
  }

  /** Adds the places a broken ref was met again (through a YAML alias) to its `alsoAt`. */
  private noteAliases(): void {
    for (const { refObject, bundledPointer } of this.metAgain) {
      const broken = this.brokenByObject.get(refObject);
      if (broken === undefined || broken.pointer === bundledPointer || broken.alsoAt?.includes(bundledPointer)) continue;
      (broken.alsoAt ??= []).push(bundledPointer);
    }
  }

  private async drain(): Promise<void> {
    for (let i = 0; i < this.queue.length; i++) {
      // Most refs (every one of a single-file spec) are settled at once: no promise, no microtask.
      const settling = this.resolve(this.queue[i] as PendingRef);
      if (settling !== undefined) await settling;
    }
    this.queue.length = 0;
  }

  // ---- walking --------------------------------------------------------------------------------

  /** Walks a top-level member of the entry document. */
  private walkTopLevel(key: string): void {
    const node = this.document[key];
    const kind = childKind('root', key, this.version, Array.isArray(node));
    if (kind === 'data') return;
    const pointer = childPointer('', key);
    this.walk(this.document, key, kind, this.entry, pointer, pointer, false);
  }

  /**
   * Walks `holder[key]` (of `kind`), a node of `file` at `sourceRoot` now placed at `bundledRoot`,
   * queueing every `$ref` found. Paths below the root are kept as a token stack (array indexes as
   * numbers) and joined into pointers only when needed, which keeps walking a 4 MB document cheap.
   * @param declaration the node is a declaration (a child of a components section)
   */
  private walk(holder: Container, key: string | number, kind: NodeKind, file: SourceFile, sourceRoot: string, bundledRoot: string, declaration: boolean): void {
    const tokens: Array<string | number> = [];
    const kinds = kindTable(this.version);
    // Only when the file has homes besides this walk's root (placed just before the walk) can a node below already have one.
    const checkPlaced = file !== this.entry && file.placed.size > 1;

    // One function for every node, given the node itself: scalars are skipped by the caller, so the
    // walk makes no call for the ~60% of values that cannot hold a `$ref` (Stripe: 63,000 of 99,000).
    const visit = (container: Container, k: string | number, node: object, nodeKind: KindId, isDeclaration: boolean): void => {
      if (checkPlaced && tokens.length > 0) {
        // This object of another file already has a home (it was referenced on its own before):
        // refer to it there instead of placing it twice.
        const home = file.placed.get(sourceRoot + formatTokens(tokens));
        if (home !== undefined) {
          (container as Record<string, unknown>)[k as string] = this.refTo(home);
          return;
        }
      }
      const childrenDeclare = kinds.isSection(nodeKind);
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          const child: unknown = node[i];
          if (child === null || typeof child !== 'object') continue;
          const kind = kinds.child(nodeKind, i, Array.isArray(child));
          if (kind === DATA_KIND) continue;
          tokens.push(i);
          visit(node, i, child, kind, childrenDeclare);
          tokens.pop();
        }
        return;
      }
      const obj = node as Record<string, unknown>;
      const ref = obj.$ref;
      if (typeof ref === 'string' && own.call(obj, '$ref')) {
        const at = formatTokens(tokens);
        if (this.written.has(obj)) {
          // Already resolved or kept (met again through a YAML alias); if it turns out broken, this
          // place holds its placeholder too.
          this.metAgain.push({ refObject: obj, bundledPointer: bundledRoot + at });
          return;
        }
        this.queue.push({
          holder: container, holderKey: k, refObject: obj, ref, file,
          sourcePointer: sourceRoot + at,
          bundledPointer: bundledRoot + at,
          kind: kindName(nodeKind), declaration: isDeclaration,
        });
        return;
      }
      // for…in over own keys: no array per object, which matters on a 4 MB document
      for (const childKey in obj) {
        if (!own.call(obj, childKey)) continue;
        const child = obj[childKey];
        if (child === null || typeof child !== 'object') continue;
        const kind = kinds.child(nodeKind, childKey, Array.isArray(child));
        if (kind === DATA_KIND) continue;
        tokens.push(childKey);
        visit(obj, childKey, child, kind, childrenDeclare);
        tokens.pop();
      }
    };

    const root = (holder as Record<string, unknown>)[key as string];
    if (root !== null && typeof root === 'object') visit(holder, key, root, kindId(kind), declaration);
  }

  // ---- resolving ------------------------------------------------------------------------------

  /**
   * Records an external `$ref` whose target is missing, and rewrites it to an internal `$ref` that
   * names nothing. Left as written, it would be the only external ref of a bundled document (which
   * promises none): APIGW-DOC-003 would report it a second time as "points outside this document",
   * and its relative path would mean nothing once the bundle no longer sits beside that file. As a
   * dangling internal ref it reads like a dangling `#/…` ref everywhere downstream: normalize's
   * deref gives undefined and schema validation (OAS-001) accepts a Reference Object. Rules that read
   * the raw document still meet `{$ref: '#/x-apigw-gen-unresolved-ref'}` where they expect an
   * integration, a map or a policy: lint drops their findings at or below a broken ref (finish() in
   * lint/index.ts, with lint/helpers/broken-refs.ts), so OAS-002 reports it once, with the ref as written.
   * Sibling keys (a description) are kept. Met again through a YAML alias, it is not recorded again.
   */
  private recordExternalBroken(pending: PendingRef, broken: Omit<BrokenRef, 'pointer' | 'ref'>): void {
    if (this.brokenByObject.has(pending.refObject)) {
      this.metAgain.push({ refObject: pending.refObject, bundledPointer: pending.bundledPointer });
      return;
    }
    if (this.unresolved === undefined) {
      // A top-level extension key the document does not have, so the pointer surely names nothing.
      let name = 'x-apigw-gen-unresolved-ref';
      for (let n = 2; own.call(this.document, name); n++) name = `x-apigw-gen-unresolved-ref-${n}`;
      this.unresolved = pointerToRef(`/${name}`);
      this.madeUp.push(this.unresolved);
    }
    pending.refObject.$ref = this.unresolved;
    this.written.add(pending.refObject);
    this.recordBroken(pending.refObject, { pointer: pending.bundledPointer, ref: pending.ref, ...broken });
  }

  private recordBroken(refObject: object, broken: BrokenRef): void {
    this.broken.push(broken);
    this.brokenByObject.set(refObject, broken);
  }

  /** Resolves one `$ref`: at once when it points into the entry file, else by a promise (a file may be read). */
  private resolve(pending: PendingRef): Promise<void> | undefined {
    const { ref, file } = pending;
    const at = (): SourcePosition => positionAtPointer(file, childPointer(pending.sourcePointer, '$ref'));
    const shorthand = this.shorthandPointer(pending);
    if (shorthand !== undefined && file === this.entry) {
      pending.refObject.$ref = this.refString(shorthand);
      this.kept.push({ refObject: pending.refObject, ref: pointerToRef(shorthand), written: pending.ref, file, sourcePointer: pending.sourcePointer, bundledPointer: pending.bundledPointer });
      return undefined;
    }
    const hash = shorthand !== undefined ? 0 : ref.indexOf('#');
    const location = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = shorthand !== undefined ? shorthand : hash === -1 ? '' : ref.slice(hash + 1);
    let pointer: string;
    try {
      pointer = decodeURIComponent(fragment);
    } catch {
      throw new ApigwError('BROKEN_REF', `$ref "${ref}": malformed percent-encoding`, at());
    }
    if (pointer !== '' && pointer[0] !== '/') {
      throw new ApigwError('BROKEN_REF', `$ref "${ref}": only JSON pointer fragments (#/...) are supported`, at());
    }

    if (location === '' && file === this.entry) {
      this.kept.push({ refObject: pending.refObject, ref, file, sourcePointer: pending.sourcePointer, bundledPointer: pending.bundledPointer });
      return undefined;
    }
    return this.resolveIn(pending, location, pointer, at);
  }

  /** Resolves `pending` to the node at `pointer` of the file `location` names (its own file when ''). */
  private async resolveIn(pending: PendingRef, location: string, pointer: string, at: () => SourcePosition): Promise<void> {
    const { ref, file } = pending;
    let target: SourceFile;
    if (location === '') {
      target = file;
    } else {
      const located = this.locate(location, file, ref, at);
      try {
        target = await this.reader.readReferenced(located, ref, at);
      } catch (error) {
        // A file that does not exist is a missing target like a missing pointer: recorded, and the
        // load goes on. Everything else the reader throws (refused, unreadable, unparsable) stays fatal.
        if (!(error instanceof MissingTargetError)) throw error;
        this.recordExternalBroken(pending, {
          reason: 'missing-file',
          targetFile: located,
          targetPointer: pointer,
          message: `$ref "${ref}": file not found: ${relativeName(file.key, located)}`,
          position: error.position ?? at(),
        });
        return;
      }
    }

    if (target.format === 'text') {
      // A mapping template or other text kept in its own file: its content, byte for byte, is the value.
      if (pointer !== '') {
        throw new ApigwError('BROKEN_REF', `$ref "${ref}": ${target.key} is read as text (not YAML or JSON), so a JSON pointer fragment (#${pointer}) cannot select inside it`, at());
      }
      this.setHolder(pending, target.data);
      // The value has no structure of its own in the text file: point at the `$ref` that brought it in.
      this.mounts.set(pending.bundledPointer, { file, pointer: childPointer(pending.sourcePointer, '$ref') });
      return;
    }

    const tokens = parsePointer(pointer);
    const found = getAt(target.data, tokens);
    if (!found.found && location === '' && target !== this.entry) {
      // `#/components/schemas/Pet` written in a file of schemas means the entry's components to
      // the tools that merge split documents (serverless-openapi3-plugin and the like): accept it
      // when the bundled entry has that node, which is checked once everything is in place.
      pending.refObject.$ref = this.refString(pointer);
      this.written.add(pending.refObject);
      this.kept.push({ refObject: pending.refObject, ref: pointerToRef(pointer), file, sourcePointer: pending.sourcePointer, bundledPointer: pending.bundledPointer });
      return;
    }
    if (!found.found) {
      const where = target === file ? 'this file' : relativeName(file.key, target.key);
      this.recordExternalBroken(pending, {
        reason: 'missing-node',
        targetFile: target.key,
        targetPointer: pointer,
        message: `$ref "${ref}": ${where} has no ${pointer === '' ? 'content' : `node at ${pointer}`}`,
        position: at(),
      });
      return;
    }
    const value = found.value;

    // Scalars (a description kept in another file) are copied, never referred to.
    if (value === null || typeof value !== 'object') {
      this.setHolder(pending, value);
      this.mounts.set(pending.bundledPointer, { file: target, pointer });
      return;
    }

    const home = this.homeOf(target, tokens);
    if (home !== undefined && pending.declaration && target !== this.entry && target.placed.get(pointer) === undefined) {
      // Declared in components but so far only reachable inside a bigger object from its file
      // (`NewPet: {$ref: pet.yaml#/definitions/NewPet}` after `Pet: {$ref: pet.yaml}`): the
      // declaration becomes its home, and the old place refers to it.
      this.move(home, pending, target, pointer, value);
      return;
    }
    if (home !== undefined) {
      pending.refObject.$ref = this.refString(home);
      this.written.add(pending.refObject);
      return;
    }

    const section = pending.declaration ? undefined : hoistSection(pending.kind, this.version);
    // A schema file's own `definitions` (a JSON Schema habit) are sibling schemas, not part of this one.
    const nested = pending.kind === 'schema' && !Array.isArray(value) ? this.nestedDefinitions(value as Record<string, unknown>) : undefined;
    const component = nested ? nested.schema : value;

    if (section && !Array.isArray(value)) {
      const name = this.declare(section, nameFor(target, tokens), component);
      const placedAt = formatPointer([...section, name]);
      this.place(target, pointer, placedAt);
      pending.refObject.$ref = this.refString(placedAt);
      this.written.add(pending.refObject);
      if (nested) this.hoistDefinitions(target, pointer, nested.containers);
      const sectionObject = getAt(this.document, section).value as Record<string, unknown>;
      this.walk(sectionObject, name, pending.kind, target, pointer, placedAt, true);
      return;
    }

    // Inline where used. Sibling keys of the `$ref` (a description beside it) are kept on a copy.
    const siblings = Object.keys(pending.refObject).filter((k) => k !== '$ref');
    let placed: unknown = component;
    if (siblings.length > 0 && !Array.isArray(value)) {
      const merged: Record<string, unknown> = {};
      for (const k of Object.keys(component as object)) setOwn(merged, k, (component as Record<string, unknown>)[k]);
      for (const k of siblings) setOwn(merged, k, pending.refObject[k]);
      placed = merged;
    }
    this.setHolder(pending, placed);
    this.place(target, pointer, pending.bundledPointer);
    if (nested) this.hoistDefinitions(target, pointer, nested.containers);
    this.walk(pending.holder, pending.holderKey, pending.kind, target, pointer, pending.bundledPointer, pending.declaration);
  }

  /**
   * In OpenAPI 3.x a schema file's top-level `definitions` (and, for 3.0, `$defs`) cannot stay inside
   * the component it becomes: the 3.0 Schema Object has no such keyword, so validators (OAS-001) flag
   * the bundled document. Returns a copy of the schema without them, and the containers to hoist;
   * undefined when there is nothing to hoist. The file's own object is left as it is, so refs into
   * it (`pet.yaml#/definitions/NewPet`) still resolve.
   */
  private nestedDefinitions(schema: Record<string, unknown>): { schema: Record<string, unknown>; containers: Array<[string, Record<string, unknown>]> } | undefined {
    if (this.version === '2.0') return undefined;
    const keys = this.version === '3.0' ? ['definitions', '$defs'] : ['definitions'];
    const containers: Array<[string, Record<string, unknown>]> = [];
    for (const key of keys) {
      const defs = own.call(schema, key) ? schema[key] : undefined;
      if (defs !== null && typeof defs === 'object' && !Array.isArray(defs)) containers.push([key, defs as Record<string, unknown>]);
    }
    if (containers.length === 0) return undefined;
    const copy: Record<string, unknown> = {};
    for (const k of Object.keys(schema)) if (!containers.some(([key]) => key === k)) setOwn(copy, k, schema[k]);
    return { schema: copy, containers };
  }

  /**
   * Declares each member of the hoisted containers as a component schema of its own: under the
   * entry's declaration that refers to it when there is one (`NewPet: {$ref: pet.yaml#/definitions/NewPet}`),
   * else under its own name.
   */
  private hoistDefinitions(file: SourceFile, pointer: string, containers: Array<[string, Record<string, unknown>]>): void {
    const section = hoistSection('schema', this.version) as readonly string[];
    for (const [key, defs] of containers) {
      for (const name of Object.keys(defs)) {
        const member = defs[name];
        const memberPointer = childPointer(childPointer(pointer, key), name);
        if (member === null || typeof member !== 'object' || file.placed.has(memberPointer)) continue;
        const sectionObject = (getAt(this.document, section).value ?? {}) as Record<string, unknown>;
        const declared = this.entryDeclarations().get(`${file.key}#${memberPointer}`);
        let componentName: string;
        if (declared !== undefined && own.call(sectionObject, declared) && isExternalRef(sectionObject[declared])) {
          setOwn(sectionObject, declared, member);
          this.madeUp.push(declared);
          componentName = declared;
        } else {
          componentName = this.declare(section, name, member);
        }
        const placedAt = formatPointer([...section, componentName]);
        this.place(file, memberPointer, placedAt);
        const home = getAt(this.document, section).value as Record<string, unknown>;
        this.walk(home, componentName, 'schema', file, memberPointer, placedAt, true);
      }
    }
  }

  private declarations: Map<string, string> | undefined;

  /** The entry's component schemas declared as a `$ref` to another file: "absolute file#pointer" → name. */
  private entryDeclarations(): Map<string, string> {
    if (this.declarations) return this.declarations;
    const map = new Map<string, string>();
    const section = getAt(this.document, hoistSection('schema', this.version) as readonly string[]);
    if (section.found && section.value !== null && typeof section.value === 'object') {
      const schemas = section.value as Record<string, unknown>;
      for (const name of Object.keys(schemas)) {
        const node = schemas[name];
        if (!isExternalRef(node)) continue;
        const ref = (node as { $ref: string }).$ref;
        const hash = ref.indexOf('#');
        try {
          const location = this.locate(hash === -1 ? ref : ref.slice(0, hash), this.entry, ref, () => ({ file: this.entry.key, line: 1, column: 1 }));
          map.set(`${location}#${hash === -1 ? '' : decodeURIComponent(ref.slice(hash + 1))}`, name);
        } catch {
          // a malformed ref is reported when it is resolved
        }
      }
    }
    this.declarations = map;
    return map;
  }

  /**
   * `$ref: Pet` (a bare name) is the short form Swagger tools and API Gateway's importer accept for
   * `#/definitions/Pet` (or `#/components/schemas/Pet`, `#/parameters/…`, `#/responses/…` by place).
   * Returns the pointer it stands for, or undefined when the ref is not a bare name.
   */
  private shorthandPointer(pending: PendingRef): string | undefined {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(pending.ref)) return undefined;
    const section = hoistSection(pending.kind, this.version);
    return section ? formatPointer([...section, pending.ref]) : undefined;
  }

  /** The absolute path or URL a `$ref`'s location part names, relative to the file it is written in. */
  private locate(location: string, file: SourceFile, ref: string, at: () => SourcePosition): string {
    if (/^https?:\/\//i.test(file.key)) return new URL(location, file.key).href.replace(/#.*$/, '');
    if (/^https?:/i.test(location)) return new URL(location).href.replace(/#.*$/, '');
    if (/^file:/i.test(location)) return fileURLToPath(location);
    if (/^[a-z][a-z0-9+.-]*:/i.test(location) && !/^[a-z]:[\\/]/i.test(location)) {
      throw new ApigwError('BROKEN_REF', `$ref "${ref}": unsupported URL scheme`, at());
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(location);
    } catch {
      throw new ApigwError('BROKEN_REF', `$ref "${ref}": malformed percent-encoding`, at());
    }
    return path.resolve(path.dirname(file.key), decoded);
  }

  /** Where the node at `tokens` of `file` already is in the bundle, if anywhere. */
  private homeOf(file: SourceFile, tokens: readonly string[]): string | undefined {
    if (file === this.entry) return formatPointer(tokens);
    if (file.placed.size === 0) return undefined;
    // The node itself, or an ancestor, was placed: the node is at the same path below it.
    for (let n = tokens.length; n >= 0; n--) {
      const home = file.placed.get(formatPointer(tokens.slice(0, n)));
      if (home !== undefined) return home + formatPointer(tokens.slice(n));
    }
    return undefined;
  }

  /** Moves the object at bundled pointer `from` to the declaration `pending` stands for. */
  private move(from: string, pending: PendingRef, file: SourceFile, pointer: string, value: object): void {
    const fromTokens = parsePointer(from);
    const parent = getAt(this.document, fromTokens.slice(0, -1));
    const lastKey = fromTokens[fromTokens.length - 1];
    if (!parent.found || lastKey === undefined || getAt(parent.value, [lastKey]).value !== value) {
      // The old place is not a plain path (it runs through a reference): keep referring to it.
      pending.refObject.$ref = this.refString(from);
      this.written.add(pending.refObject);
      return;
    }
    const container = parent.value as Container;
    const ref = this.refTo(pending.bundledPointer);
    if (Array.isArray(container)) container[Number(lastKey)] = ref;
    else setOwn(container, lastKey, ref);
    this.setHolder(pending, value);
    this.place(file, pointer, pending.bundledPointer);
    // References still waiting inside the moved object, and those kept or recorded as broken, now
    // sit under its new place.
    const rebase = (at: string): string => (isWithin(at, from) ? pending.bundledPointer + at.slice(from.length) : at);
    for (const waiting of this.queue) waiting.bundledPointer = rebase(waiting.bundledPointer);
    for (const kept of this.kept) kept.bundledPointer = rebase(kept.bundledPointer);
    for (const broken of this.broken) broken.pointer = rebase(broken.pointer);
    for (const again of this.metAgain) again.bundledPointer = rebase(again.bundledPointer);
  }

  private place(file: SourceFile, pointer: string, bundledPointer: string): void {
    file.placed.set(pointer, bundledPointer);
    this.mounts.set(bundledPointer, { file, pointer });
  }

  private setHolder(pending: PendingRef, value: unknown): void {
    if (Array.isArray(pending.holder)) pending.holder[pending.holderKey as number] = value;
    else setOwn(pending.holder, pending.holderKey as string, value);
  }

  /** Adds `value` under a free name in the section (created if absent); returns the name. */
  private declare(section: readonly string[], wanted: string, value: unknown): string {
    let container: Record<string, unknown> = this.document;
    for (const token of section) {
      let next = own.call(container, token) ? container[token] : undefined;
      if (next === null || typeof next !== 'object' || Array.isArray(next)) {
        next = {};
        setOwn(container, token, next);
      }
      container = next as Record<string, unknown>;
    }
    let name = wanted;
    for (let n = 2; own.call(container, name); n++) name = `${wanted}_${n}`;
    setOwn(container, name, value);
    this.madeUp.push(...section, name);
    return name;
  }

  /** The `$ref` to `pointer`, listed as made up: the bundler writes it into the document. */
  private refString(pointer: string): string {
    const ref = pointerToRef(pointer);
    this.madeUp.push(ref);
    return ref;
  }

  private refTo(bundledPointer: string): Record<string, unknown> {
    const ref = { $ref: this.refString(bundledPointer) };
    this.written.add(ref);
    return ref;
  }

  /** Declares API Gateway's built-in `Empty`/`Error` model when `pointer` names it; false otherwise. */
  private addBuiltInModel(pointer: string): boolean {
    const section = hoistSection('schema', this.version) as readonly string[];
    const tokens = parsePointer(pointer);
    const name = tokens[tokens.length - 1];
    if (tokens.length !== section.length + 1 || !section.every((t, i) => tokens[i] === t)) return false;
    if (name === undefined || !own.call(BUILT_IN_MODELS, name)) return false;
    // Only where declaring adds nodes: `declare` replaces a section that is a list or a scalar, which
    // would break refs into it that checkKeptRefs already found resolving. Absent or null is fine.
    let container: unknown = this.document;
    for (const token of section) {
      const next = own.call(container, token) ? (container as Record<string, unknown>)[token] : undefined;
      if (next === undefined || next === null) break;
      if (typeof next !== 'object' || Array.isArray(next)) return false;
      container = next;
    }
    const model = (BUILT_IN_MODELS[name] as () => Record<string, unknown>)();
    this.madeUp.push(JSON.stringify(model));
    this.declare(section, name, model);
    return true;
  }

  /**
   * Internal references of the entry must point at something once everything is bundled in. Refs
   * share targets (Stripe: 2,500 refs to 800 nodes), so each target is followed once: a ref string
   * that resolved is not checked again (declaring a built-in model only adds nodes, see
   * addBuiltInModel, so it stays resolved). One that does not is recorded in `broken`, every one of them.
   */
  private checkKeptRefs(): void {
    const resolved = new Set<string>();
    for (const kept of this.kept) {
      if (resolved.has(kept.ref)) continue;
      if (this.brokenByObject.has(kept.refObject)) {
        this.metAgain.push({ refObject: kept.refObject, bundledPointer: kept.bundledPointer });
        continue;
      }
      let pointer: string;
      try {
        pointer = decodeURIComponent(kept.ref.slice(kept.ref.indexOf('#') + 1));
      } catch {
        pointer = '\0';
      }
      if (resolvesInBundle(this.document, pointer)) {
        resolved.add(kept.ref);
      } else if (this.addBuiltInModel(pointer)) {
        resolved.add(kept.ref);
      } else {
        // The `$ref` stays as it is (internal, dangling): normalize reads it as nothing there.
        this.recordBroken(kept.refObject, {
          pointer: kept.bundledPointer,
          ref: kept.written ?? kept.ref,
          message: `$ref "${kept.written ?? kept.ref}"${kept.written ? ` (short for "${kept.ref}")` : ''}: the document has no node at ${pointer}`,
          reason: 'missing-node',
          targetFile: this.entry.key,
          targetPointer: pointer,
          position: positionAtPointer(kept.file, childPointer(kept.sourcePointer, '$ref')),
        });
      }
    }
  }
}

/**
 * `target` as a path relative to the folder of `from` (the file a `$ref` is written in), with `/`
 * separators: what the user wrote, normalized, and the same in any copy of the project. URLs stay whole.
 */
function relativeName(from: string, target: string): string {
  if (/^https?:/i.test(from) || /^https?:/i.test(target)) return target;
  return path.relative(path.dirname(from), target).split(path.sep).join('/');
}

/** A pointer from walk tokens (array indexes as numbers, property names unescaped). */
function formatTokens(tokens: ReadonlyArray<string | number>): string {
  let out = '';
  for (const t of tokens) out += '/' + (typeof t === 'number' ? String(t) : escapeToken(t));
  return out;
}

/** A component name for an object from `file` at `tokens`: the pointer's last token, else the file's name. */
function nameFor(file: SourceFile, tokens: readonly string[]): string {
  const last = tokens[tokens.length - 1];
  const base = last ?? path.basename(file.key.replace(/[?#].*$/, '')).replace(/\.(ya?ml|json)$/i, '');
  const clean = base.replace(/[^A-Za-z0-9._-]/g, '_');
  return clean === '' ? 'Component' : clean;
}

/**
 * Models every REST API in API Gateway has without declaring them; specs refer to them freely
 * (`$ref: '#/definitions/Empty'`). Their shapes are the ones API Gateway creates.
 */
const BUILT_IN_MODELS: Record<string, () => Record<string, unknown>> = {
  Empty: () => ({ title: 'Empty Schema', type: 'object' }),
  Error: () => ({ title: 'Error Schema', type: 'object', properties: { message: { type: 'string' } } }),
};

/** An object that is a `$ref` to another file (not `#/…`). */
function isExternalRef(node: unknown): boolean {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
  const ref = (node as Record<string, unknown>).$ref;
  return typeof ref === 'string' && !ref.startsWith('#') && ref !== '';
}

/** Whether a pointer names a node of the bundled document, following internal `$ref`s on the way. */
function resolvesInBundle(document: unknown, pointer: string): boolean {
  if (pointer !== '' && pointer[0] !== '/') return false;
  let tokens = parsePointer(pointer);
  let cur: unknown = document;
  for (let hops = 0; hops < 100; ) {
    let i = 0;
    for (; i < tokens.length; i++) {
      if (cur === null || typeof cur !== 'object') return false;
      const t = tokens[i] as string;
      const step = getAt(cur, [t]);
      if (step.found) {
        cur = step.value;
        continue;
      }
      const ref = (cur as Record<string, unknown>).$ref;
      if (!Array.isArray(cur) && typeof ref === 'string' && ref.startsWith('#')) break;
      return false;
    }
    if (i === tokens.length) return true;
    // The path runs through a reference: continue from its target.
    let target: string;
    try {
      target = decodeURIComponent(((cur as Record<string, unknown>).$ref as string).slice(1));
    } catch {
      return false;
    }
    if (target !== '' && target[0] !== '/') return false;
    tokens = [...parsePointer(target), ...tokens.slice(i)];
    cur = document;
    hops++;
  }
  return false;
}
