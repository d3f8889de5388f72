// Source-map lookups through the per-mapping key tables: many siblings, every key style, looked up
// in any order, checked against positions computed independently (the `yaml` package's node ranges,
// or a plain line scan of the text), for YAML (index from the load's own events) and JSON (lazy).

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, isMap, isPair, isScalar, parseDocument, type Pair } from 'yaml';
import { load } from '../../src/load/index.js';
import { sharedDir, writeTree } from './helpers.js';
import { itShared } from '../support/shared.js';

const escapeToken = (t: string): string => t.replace(/~/g, '~0').replace(/\//g, '~1');

/** 1,000 schema names in the key styles real specs use, plus names that are Object.prototype members. */
function schemaNames(): string[] {
  const names: string[] = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'a/b~c', 'Ünïcode', 'with space', 'x-amazon'];
  for (let i = 0; names.length < 1000; i++) names.push(i % 3 === 0 ? `Schema${i}` : i % 3 === 1 ? `schema.v${i}` : `Model_${i}_${'x'.repeat(i % 7)}`);
  return names;
}

/** YAML with the names as siblings in several key styles, each schema with a nested property and an enum. */
function yamlSpec(names: string[]): string {
  const lines = ['openapi: 3.0.3', 'info: {title: many, version: "1"}', 'paths: {}', 'components:', '  schemas:'];
  names.forEach((name, i) => {
    const key = i % 4 === 0 ? JSON.stringify(name) : i % 4 === 1 ? `'${name.replace(/'/g, "''")}'` : /^[A-Za-z_][\w.]*$/.test(name) ? name : JSON.stringify(name);
    if (i % 10 === 9) {
      // flow style on one line
      lines.push(`    ${key}: {type: object, properties: {id: {type: string}}, enum: [a, b]}`);
    } else {
      lines.push(`    ${key}:`, '      description: |', `        Schema number ${i}.`, '        Second line.', '      type: object', '      properties:', '        id:', '          type: string', '      enum:', '        - a', '        - b');
    }
  });
  return `${lines.join('\n')}\n`;
}

interface Expected {
  pointer: string;
  line: number;
  column: number;
}

/** Positions of each schema key, its `properties/id` key and its `enum/1` item, from the `yaml` package's node ranges. */
function expectedFromYamlPackage(text: string): Expected[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const at = (offset: number) => lineCounter.linePos(offset);
  const schemas = doc.getIn(['components', 'schemas'], true);
  if (!isMap(schemas)) throw new Error('no schemas map');
  const out: Expected[] = [];
  for (const pair of schemas.items as Pair[]) {
    if (!isScalar(pair.key) || !isMap(pair.value)) throw new Error('unexpected shape');
    const name = String(pair.key.value);
    const base = `/components/schemas/${escapeToken(name)}`;
    const keyAt = at(pair.key.range![0]);
    out.push({ pointer: base, line: keyAt.line, column: keyAt.col });
    const props = pair.value.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'properties');
    const id = isMap(props?.value) ? props.value.items[0] : undefined;
    if (!id || !isScalar(id.key)) throw new Error('no id property');
    const idAt = at(id.key.range![0]);
    out.push({ pointer: `${base}/properties/id`, line: idAt.line, column: idAt.col });
    const enumValues = pair.value.get('enum', true);
    const item = (enumValues as { items?: Array<{ range?: [number, number, number] }> }).items?.[1];
    if (!item?.range) throw new Error('no enum item');
    const itemAt = at(item.range[0]);
    out.push({ pointer: `${base}/enum/1`, line: itemAt.line, column: itemAt.col });
  }
  return out;
}

describe('source-map lookups among many siblings', () => {
  const names = schemaNames();
  const text = yamlSpec(names);

  it('YAML: every one of 1,000 sibling schema keys, a nested key and a sequence item match the yaml package, in any order', async () => {
    const dir = writeTree({ 'openapi.yaml': text });
    const entry = path.join(dir, 'openapi.yaml');
    const loaded = await load(entry);
    expect(Object.keys(loaded.document.components as object)).toEqual(['schemas']);
    const schemas = (loaded.document.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas)).toHaveLength(1000);
    expect(Object.prototype.hasOwnProperty.call(schemas, '__proto__')).toBe(true);

    const expected = expectedFromYamlPackage(text);
    expect(expected).toHaveLength(3000);
    // reverse order first (the key table is built by whichever lookup comes first), then forward
    for (const e of [...expected].reverse()) expect({ pointer: e.pointer, ...loaded.sourceMap.lookup(e.pointer) }).toEqual({ pointer: e.pointer, file: entry, line: e.line, column: e.column });
    for (const e of expected) expect(loaded.sourceMap.lookup(e.pointer)).toEqual({ file: entry, line: e.line, column: e.column });
  });

  it('keys named like Object.prototype members are data: present ones are found, absent ones fall back to the parent', async () => {
    const dir = writeTree({ 'openapi.yaml': text });
    const entry = path.join(dir, 'openapi.yaml');
    const loaded = await load(entry);
    const lines = text.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.startsWith(needle)) + 1;
    expect(loaded.sourceMap.lookup('/components/schemas/__proto__')).toEqual({ file: entry, line: lineOf('    "__proto__":'), column: 5 });
    expect(loaded.sourceMap.lookup('/components/schemas/constructor')).toEqual({ file: entry, line: lineOf("    'constructor':"), column: 5 });
    const schemasKey = { file: entry, line: lineOf('  schemas:'), column: 3 };
    // not in the document: the nearest ancestor that is
    expect(loaded.sourceMap.lookup('/components/schemas/valueOf')).toEqual(schemasKey);
    expect(loaded.sourceMap.lookup('/components/schemas/__defineGetter__')).toEqual(schemasKey);
    // a sequence has no `length` item nor items past its end
    const enumKey = loaded.sourceMap.lookup('/components/schemas/Schema9/enum');
    expect(loaded.sourceMap.lookup('/components/schemas/Schema9/enum/length')).toEqual(enumKey);
    expect(loaded.sourceMap.lookup('/components/schemas/Schema9/enum/2')).toEqual(enumKey);
    expect(loaded.sourceMap.lookup('/components/schemas/a~1b~0c')?.line).toBe(lineOf('    "a/b~c":'));
  });

  it('JSON (positions parsed lazily): the same 1,000 siblings match a line scan of the text', async () => {
    const doc = { openapi: '3.0.3', info: { title: 'many', version: '1' }, paths: {}, components: { schemas: Object.create(null) as Record<string, unknown> } };
    for (const name of names) Object.defineProperty(doc.components.schemas, name, { value: { type: 'object', enum: ['a', 'b'] }, enumerable: true });
    const json = JSON.stringify(doc, null, 2);
    const dir = writeTree({});
    const entry = path.join(dir, 'openapi.json');
    writeFileSync(entry, json);
    const loaded = await load(entry);
    const lines = json.split('\n');
    for (const name of [...names].reverse()) {
      const needle = `      ${JSON.stringify(name)}: {`;
      const line = lines.indexOf(needle) + 1;
      expect(line).toBeGreaterThan(0);
      expect(loaded.sourceMap.lookup(`/components/schemas/${escapeToken(name)}`)).toEqual({ file: entry, line, column: 7 });
      // `"b"` is four lines below the schema key (`"type"`, `"enum": [`, `"a"` between)
      expect(loaded.sourceMap.lookup(`/components/schemas/${escapeToken(name)}/enum/1`)).toEqual({ file: entry, line: line + 4, column: 11 });
    }
  });

  itShared("Stripe: all 819 components/schemas keys match a line scan of the file", async () => {
    const entry = path.join(sharedDir, 'specs/stripe/openapi.yaml');
    const loaded = await load(entry);
    const lines = readFileSync(entry, 'utf8').split('\n');
    const from = lines.indexOf('  schemas:');
    expect(from).toBeGreaterThan(0);
    const expected: Array<{ name: string; line: number }> = [];
    for (let i = from + 1; i < lines.length && !/^ {0,2}\S/.test(lines[i] as string); i++) {
      const m = /^ {4}([^\s'"#][^:]*):\s*$/.exec(lines[i] as string);
      if (m) expected.push({ name: m[1] as string, line: i + 1 });
    }
    const schemas = (loaded.document.components as { schemas: object }).schemas;
    expect(expected.length).toBe(Object.keys(schemas).length);
    expect(expected.length).toBeGreaterThan(800);
    for (const { name, line } of expected) {
      expect(loaded.sourceMap.lookup(`/components/schemas/${escapeToken(name)}`)).toEqual({ file: entry, line, column: 5 });
    }
  });
});
