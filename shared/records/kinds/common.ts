import { checkPhone } from '../../domain/phone';
import type { Region } from '../../domain/schemas';
import type { z } from 'zod';
import { cellCode, cellText, parseDateCell, type Cell } from '../cell';
import type { RecordColumn, RecordContext, RowCells } from '../types';

/** A text column that imports and exports as it reads. */
export function textColumn<T>(
  key: string,
  label: string,
  synonyms: string[],
  width: number,
  value: (record: T, ctx: RecordContext) => string,
): RecordColumn<T> {
  return { key, label, synonyms, width, format: 'text', importable: true, value };
}

/** Collects a row's patch, errors and warnings while its cells are read. */
export class RowReader<P extends object> {
  readonly patch: Partial<P> = {};
  readonly errors: string[] = [];
  readonly warnings: string[] = [];

  constructor(readonly cells: RowCells) {}

  has(key: string): boolean {
    return this.cells.has(key);
  }

  text(key: string): string {
    return cellText(this.cells.get(key));
  }

  /** Sets `field` from column `key` when that column is in the sheet. */
  set<K extends keyof P>(field: K, key: string, read: (cell: Cell | undefined) => P[K] | undefined): void {
    if (!this.cells.has(key)) return;
    const value = read(this.cells.get(key));
    if (value !== undefined) this.patch[field] = value;
  }

  phone(cell: Cell | undefined, label: string): string | undefined {
    const text = cellCode(cell);
    if (text === '') return '';
    const result = checkPhone(text);
    if (result.ok) return result.value;
    this.errors.push(`${label}：${result.message}`);
    return undefined;
  }

  date(cell: Cell | undefined, label: string): string | undefined {
    const result = parseDateCell(cell, label);
    if (result.ok) return result.value;
    this.errors.push(result.message);
    return undefined;
  }

  parsed<T>(result: { ok: true; value: T } | { ok: false; message: string }): T | undefined {
    if (result.ok) return result.value;
    this.errors.push(result.message);
    return undefined;
  }

  /** Region from the 旗区 / 乡镇 / 村 columns, when any of them is in the sheet. */
  region(ctx: RecordContext, what: string, accept: (region: Region) => string | null): Region | null | undefined {
    if (!this.has('county') && !this.has('township') && !this.has('village')) return undefined;
    const found = ctx.matcher.match({ county: this.text('county'), township: this.text('township'), village: this.text('village') });
    if (!found.ok) {
      this.errors.push(found.message);
      return undefined;
    }
    if (found.region === null) {
      this.errors.push(`缺少${what}`);
      return undefined;
    }
    const problem = accept(found.region);
    if (problem) {
      this.errors.push(problem);
      return undefined;
    }
    if (found.warning) this.warnings.push(found.warning);
    return found.region;
  }
}

/** zod's issues as "字段：原因" lines. */
export function schemaErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => issue.message);
}

/** The 旗区 / 乡镇 / 村 columns every located record exports and imports. */
export function regionColumns<R>(regionOf: (record: R, ctx: RecordContext) => string): RecordColumn<R>[] {
  const nameAt =
    (level: 'county' | 'township' | 'village') =>
    (record: R, ctx: RecordContext): Cell =>
      ctx.regions.atLevel(regionOf(record, ctx), level)?.name ?? '';
  return [
    {
      key: 'county',
      label: '旗区',
      synonyms: ['所属旗区', '旗(区)', '旗县区', '县区', '旗县(区)', '县(区)', '旗区名称', '旗县'],
      width: 10,
      format: 'text',
      importable: true,
      value: nameAt('county'),
    },
    {
      key: 'township',
      label: '乡镇(街道、苏木)',
      synonyms: [
        '所属乡镇',
        '乡镇(街道)',
        '乡镇街道苏木',
        '乡镇',
        '街道',
        '苏木',
        '乡镇(苏木、街道)',
        '乡镇街道',
        '所属乡镇(街道)',
        '镇(街道)',
        '镇街',
        '乡(镇)',
      ],
      width: 14,
      format: 'text',
      importable: true,
      value: nameAt('township'),
    },
    {
      key: 'village',
      label: '村(社区、嘎查)',
      synonyms: ['村', '所属村', '村(社区)', '村社区', '社区', '嘎查', '村居', '嘎查村', '村(居)', '所属村(社区)', '村(嘎查)'],
      width: 14,
      format: 'text',
      importable: true,
      value: nameAt('village'),
    },
  ];
}

/** Adds new records and replaces updated ones (same id) in place, keeping list order. */
export function upsertById<R extends { id: string }>(list: R[], changes: readonly { record: R }[]): void {
  const index = new Map(list.map((item, i) => [item.id, i]));
  for (const { record } of changes) {
    const at = index.get(record.id);
    if (at === undefined) {
      index.set(record.id, list.length);
      list.push(record);
    } else {
      list[at] = record;
    }
  }
}
