import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiSchemas } from '@shared/api/contract';

/**
 * A method `prefix:name` is declared in shared/api/contract/<prefix>.ts and answered by
 * main/server/handlers/<prefix>.ts (a camelCase prefix is kebab-case in file names), so a
 * maintainer finds both from the method's name.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const kebab = (prefix: string) => prefix.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The methods whose keys a file spells out (`'prefix:name':` at the start of a line). */
function methodsIn(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s+'([a-zA-Z]+:[a-zA-Z]+)':/gm)].map((m) => m[1] ?? '');
}

function misplaced(folder: string, skip: readonly string[]): string[] {
  return readdirSync(path.join(ROOT, folder))
    .filter((name) => name.endsWith('.ts') && !skip.includes(name))
    .flatMap((name) =>
      methodsIn(path.join(ROOT, folder, name))
        .filter((method) => `${kebab(method.split(':')[0] ?? '')}.ts` !== name)
        .map((method) => `${folder}/${name}: ${method}`),
    );
}

describe('where each API method lives', () => {
  it('every method of the contract is declared in the contract file named after its prefix', () => {
    const declared = readdirSync(path.join(ROOT, 'shared/api/contract')).flatMap((name) =>
      methodsIn(path.join(ROOT, 'shared/api/contract', name)),
    );
    expect(new Set(declared)).toEqual(new Set(Object.keys(apiSchemas)));
    expect(misplaced('shared/api/contract', ['common.ts'])).toEqual([]);
  });

  it('every handler is in the handler file named after its prefix', () => {
    expect(misplaced('main/server/handlers', ['context.ts', 'index.ts', 'years.ts'])).toEqual([]);
  });
});
