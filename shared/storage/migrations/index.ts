import { CURRENT_SCHEMA_VERSION } from '../types';
import { addBattleMapAndVisits } from './0002-battlemap-visits';
import { addInspections } from './0003-inspections';
import { historyApart } from './0004-history-apart';
import { checklistsOnce } from './0005-checklists-once';

/**
 * Forward migrations: entry N turns a version-N document into version N+1. Pure functions on
 * parsed JSON, so they are tested in plain Node. Version 1 is the first released shape.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: addBattleMapAndVisits,
  2: addInspections,
  3: historyApart,
  4: checklistsOnce,
};

export type MigrationResult = { ok: true; doc: Record<string, unknown>; from: number } | { ok: false; message: string };

export function migrate(raw: unknown): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, message: '数据文件内容不是有效的包保数据' };
  }
  let doc = raw as Record<string, unknown>;
  const from = doc['schemaVersion'];
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return { ok: false, message: '数据文件缺少版本号，不是本软件的数据文件' };
  }
  if (from > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `数据文件由更新版本的软件写入（数据版本 ${from}，本软件支持到 ${CURRENT_SCHEMA_VERSION}），请升级软件后再打开`,
    };
  }
  for (let version = from; version < CURRENT_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, message: `缺少从数据版本 ${version} 升级的程序，请联系维护人员` };
    doc = { ...step(doc), schemaVersion: version + 1 };
  }
  return { ok: true, doc, from };
}
