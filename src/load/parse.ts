// Reads one source text as JSON or YAML (decided by content, not by file extension) into plain data.

import { constructFromEvents, parseEvents, YAMLException } from 'js-yaml';
import { ApigwError } from '../errors.js';
import { OPENAPI_YAML_SCHEMA } from './cfn-tags.js';
import { checkYamlExpansion, MAX_NESTING_DEPTH, nestingError, tooDeepJsonOffset } from './limits.js';
import { FilePositions } from './positions.js';

export interface ParsedSource {
  /** Plain data; `null` for an empty document. */
  data: unknown;
  format: 'json' | 'yaml' | 'text';
  positions: FilePositions;
  /** The text as read (every string of `data` was decoded from it; see may-contain.ts). */
  text: string;
}

type ParsedData = Omit<ParsedSource, 'text'>;

/**
 * Parses `text` read from `file` (a path or URL, used in messages). JSON goes through `JSON.parse`
 * (about 10x faster than any YAML parser); anything else, and JSON that `JSON.parse` rejects but YAML
 * accepts, goes through js-yaml with CloudFormation tags.
 * @throws ApigwError PARSE_ERROR with the line and column of the problem
 */
export function parseSource(text: string, file: string): ParsedSource {
  const parsed = parseData(text, file);
  return { data: parsed.data, format: parsed.format, positions: parsed.positions, text };
}

function parseData(text: string, file: string): ParsedData {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = text.match(/\S/)?.[0];
  if (first === undefined) return { data: null, format: 'yaml', positions: new FilePositions(text) };

  if (first === '{' || first === '[') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (jsonError) {
      // A .json file must be JSON; other names get a second chance as YAML flow style.
      if (/\.json$/i.test(file)) throw jsonParseError(jsonError, undefined, text, file);
      try {
        return parseYaml(text, file);
      } catch (yamlError) {
        // It is YAML after all, over a limit: that is the problem to report.
        if (yamlError instanceof ApigwError && yamlError.code === 'TOO_LARGE') throw yamlError;
        throw jsonParseError(jsonError, yamlError, text, file);
      }
    }
    const positions = new FilePositions(text);
    const tooDeep = tooDeepJsonOffset(text);
    if (tooDeep !== -1) throw nestingError(file, positions.offsetToLineColumn(tooDeep));
    return { data, format: 'json', positions };
  }
  return parseYaml(text, file);
}

/**
 * js-yaml's `load`, done in its two steps so that the position index is packed from the same event
 * stream the data was built from: lookups then never parse the text again (that second parse cost
 * more CPU than all of lint's lookups, and ~40 MB of peak memory on Stripe). Packing adds ~2% to the
 * parse; the events themselves are garbage as soon as this returns, as they were inside `load`.
 */
function loadYamlIndexed(text: string, file: string, shifts?: ReadonlyMap<number, number>): ParsedData {
  // The reader's own depth limit counts the root as 1 and refuses at its value, hence + 1.
  const events = parseEvents(text, { filename: file, maxDepth: MAX_NESTING_DEPTH + 1 });
  const positions = FilePositions.fromEvents(text, events, shifts);
  // Before the data is built: an alias bomb is small as data (js-yaml shares anchored objects) but
  // not to the walks after load.
  checkYamlExpansion(events, text, file, positions);
  const documents = constructFromEvents(events, { schema: OPENAPI_YAML_SCHEMA, filename: file, source: text });
  // the same two refusals as `load`
  if (documents.length === 0) throw new YAMLException('expected a document, but the input is empty');
  if (documents.length > 1) throw new YAMLException('expected a single document in the stream, but found more');
  return { data: documents[0], format: 'yaml', positions };
}

function parseYaml(text: string, file: string): ParsedData {
  try {
    return loadYamlIndexed(text, file);
  } catch (error) {
    if (error instanceof ApigwError) throw error;
    // Only comments: an empty document, like an empty file.
    if (error instanceof YAMLException && /input is empty/.test(error.reason)) return { data: null, format: 'yaml', positions: new FilePositions(text) };
    const lenient = error instanceof YAMLException && error.reason === 'deficient indentation' ? parseYamlLeniently(text, file) : undefined;
    if (lenient) return lenient;
    throw yamlParseError(error, text, file);
  }
}

/**
 * CloudFormation and SAM read YAML with SnakeYAML/PyYAML, which accept the continuation lines of a
 * flow scalar or flow collection indented less than the YAML spec requires; real templates (e.g. a
 * mapping template written as a multi-line `{ "Fn::Sub": "…" }`) rely on it, and js-yaml refuses it.
 * Leading spaces on such lines carry no meaning in flow context (flow scalars fold them away), so we
 * indent the offending lines until js-yaml accepts the text, and remember the shift so that columns
 * still match the file. Gives up (returns undefined) on any other error.
 */
function parseYamlLeniently(text: string, file: string): ParsedData | undefined {
  if (text.length > 2_000_000) return undefined;
  const lines = text.split('\n');
  const shifts = new Map<number, number>();
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      return loadYamlIndexed(lines.join('\n'), file, shifts);
    } catch (error) {
      if (error instanceof ApigwError) throw error;
      if (!(error instanceof YAMLException) || error.reason !== 'deficient indentation' || !error.mark) return undefined;
      const index = error.mark.line;
      const line = lines[index];
      if (line === undefined) return undefined;
      // Indent it one past the line before (the flow's parent is at most that deep); over-indenting
      // is harmless in flow context, and one step per line keeps the retries few.
      const previous = lines.slice(0, index).reverse().find((l) => l.trim() !== '') ?? '';
      const wanted = Math.max(indentOf(line) + 1, indentOf(previous) + 1);
      const added = wanted - indentOf(line);
      lines[index] = ' '.repeat(added) + line;
      shifts.set(index + 1, (shifts.get(index + 1) ?? 0) + added);
    }
  }
  return undefined;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function yamlParseError(error: unknown, text: string, file: string): ApigwError {
  if (error instanceof YAMLException) {
    const mark = error.mark;
    const position = mark ? { file, line: mark.line + 1, column: mark.column + 1 } : { file, line: 1, column: 1 };
    if (!mark) {
      // js-yaml has no mark for stream-level problems (several documents in one file)
      const second = text.search(/^---/m) >= 0 ? new FilePositions(text).offsetToLineColumn(secondDocumentOffset(text)) : undefined;
      if (second) Object.assign(position, second);
    }
    if (/^nesting exceeded maxDepth/.test(error.reason)) return nestingError(file, position);
    return new ApigwError('PARSE_ERROR', `invalid YAML: ${error.reason}`, position);
  }
  return new ApigwError('PARSE_ERROR', `invalid YAML: ${(error as Error).message}`, { file, line: 1, column: 1 });
}

function secondDocumentOffset(text: string): number {
  const re = /^---/gm;
  const firstMatch = re.exec(text);
  const content = text.search(/^[^#\s-]/m);
  // a `---` before any content opens the first document; the one after content opens the second
  if (firstMatch && content !== -1 && firstMatch.index > content) return firstMatch.index;
  const next = re.exec(text);
  return next ? next.index : 0;
}

function jsonParseError(jsonError: unknown, yamlError: unknown, text: string, file: string): ApigwError {
  const message = (jsonError as Error).message;
  const at = /at position (\d+)/.exec(message);
  if (!at) {
    // Some V8 messages (`Unexpected token '}', "…" is not valid JSON`) carry no offset; the YAML
    // reader failed on the same text and knows where.
    let yamlFailure = yamlError;
    if (yamlFailure === undefined) {
      try {
        parseYaml(text, file);
      } catch (error) {
        yamlFailure = error;
      }
    }
    const position = yamlFailure instanceof ApigwError ? yamlFailure.position : { file, line: 1, column: 1 };
    return new ApigwError('PARSE_ERROR', `invalid JSON: ${message.replace(/, ".*" is not valid JSON$/s, '')}`, position);
  }
  const { line, column } = new FilePositions(text).offsetToLineColumn(Math.min(Number(at[1]), text.length));
  return new ApigwError('PARSE_ERROR', `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '')}`, { file, line, column });
}
