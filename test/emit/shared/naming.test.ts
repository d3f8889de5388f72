import { describe, it, expect } from 'vitest';
import { toIdentifier, toTypeName, toCamelCase, uniqueNames, propertyKey, valueKey, isSafeIdentifier } from '../../../src/emit/shared/naming.js';
import { stringLiteral, jsDoc, commentText } from '../../../src/emit/shared/escape.js';
import { typeCheck } from './compile.js';

describe('naming', () => {
  it('makes safe identifiers from any string', () => {
    expect(toIdentifier('pet-store')).toBe('pet_store');
    expect(toIdentifier('a.b c')).toBe('a_b_c');
    expect(toIdentifier('2fa')).toBe('_2fa');
    expect(toIdentifier('delete')).toBe('delete_');
    expect(toIdentifier('')).toBe('_');
    expect(toIdentifier('café')).toBe('café');
    expect(toIdentifier('名前')).toBe('名前');
    expect(toIdentifier('*/evil')).toBe('__evil');
    for (const s of ['pet-store', '2fa', 'delete', '', 'x y', '__proto__', 'a\u2028b', '`${x}`']) expect(isSafeIdentifier(toIdentifier(s))).toBe(true);
  });

  it('PascalCases type names, avoiding reserved and global names', () => {
    expect(toTypeName('pet-store.v2')).toBe('PetStoreV2');
    expect(toTypeName('account_business_profile')).toBe('AccountBusinessProfile');
    expect(toTypeName('HTTPResponse')).toBe('HTTPResponse');
    expect(toTypeName('2fa-settings')).toBe('_2FaSettings');
    expect(toTypeName('date')).toBe('Date_');
    expect(toTypeName('string')).toBe('String_');
    expect(toTypeName('$$$')).toBe('Type');
  });

  it('camelCases method names', () => {
    expect(toCamelCase('list-pets')).toBe('listPets');
    expect(toCamelCase('GetPetById')).toBe('getPetById');
    expect(toCamelCase('HTTPGet')).toBe('httpGet');
    expect(toCamelCase('GET /pets/{id}')).toBe('getPetsId');
    expect(toCamelCase('delete')).toBe('delete_');
    expect(toCamelCase('123')).toBe('_123');
  });

  it('resolves collisions deterministically, first occurrence wins, existing suffixes respected', () => {
    expect(uniqueNames(['a', 'a', 'a2', 'a'])).toEqual(['a', 'a3', 'a2', 'a4']);
    expect(uniqueNames(['Foo', 'foo'], { caseInsensitive: true })).toEqual(['Foo', 'foo2']);
    expect(uniqueNames(['client'], { taken: ['client'] })).toEqual(['client2']);
  });

  it('quotes property keys only when needed', () => {
    expect(propertyKey('id')).toBe('id');
    expect(propertyKey('default')).toBe('default');
    expect(propertyKey('x-amz-date')).toBe('"x-amz-date"');
    expect(propertyKey('1')).toBe('"1"');
    expect(valueKey('__proto__')).toBe('["__proto__"]');
    const obj = new Function(`return { ${valueKey('__proto__')}: 1, ${valueKey('a-b')}: 2 };`)();
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
    expect(Object.keys(obj)).toEqual(['__proto__', 'a-b']);
  });
});

describe('escape', () => {
  const hostile = ['*/ alert(1) /*', '`${process.exit()}`', '"\'\\', 'line1\nline2\r\nline3', 'a\u2028b\u2029c', '\ud800', '</script>'];

  it('string literals round-trip and stay on one line', () => {
    for (const s of hostile) {
      const lit = stringLiteral(s);
      expect(lit).not.toMatch(/[\n\r\u2028\u2029]/);
      expect(JSON.parse(lit)).toBe(s);
      expect(new Function(`return ${lit};`)()).toBe(s);
    }
  });

  it('comments cannot be closed early', () => {
    for (const s of hostile) {
      const doc = jsDoc(s, [{ tag: 'default', text: s }]);
      expect(doc.indexOf('*/')).toBe(doc.length - 3);
      expect(commentText(s)).not.toContain('*/');
    }
    expect(jsDoc('@deprecated not really')).toBe('/** \\@deprecated not really */\n');
    expect(jsDoc('')).toBe('');
  });

  it('hostile text in literals and comments compiles to exactly one declaration', () => {
    const src = hostile.map((s, i) => `${jsDoc(s)}export const v${i} = ${stringLiteral(s)};\nexport type T${i} = ${stringLiteral(s)};\n`).join('\n');
    expect(typeCheck({ 'hostile.ts': src })).toEqual([]);
  });
});
