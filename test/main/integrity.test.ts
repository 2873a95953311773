import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResults } from '@shared/api/contract';
import type { DataDoc } from '@shared/storage/types';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { BACKUP_DIR_NAME } from '../../main/server/storage/backups';
import { DATA_FILE_NAME } from '../../main/server/storage/lowdb-store';
import { cli } from './run-cli';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/** smallDoc as a hand edit left it: 主体 e2 twice, and 包保关系 a2 naming a cadre that is not there. */
function contradictoryDoc(): DataDoc {
  const doc = smallDoc();
  doc.entities.push({ ...doc.entities[1]!, name: '幸福便利店（复制）' });
  doc.assignments.push({ ...doc.assignments[0]!, id: 'a2', entityId: 'e2', cadreId: 'c9' });
  return doc;
}

const upload = (doc: DataDoc) => ({
  upload: { fileName: '手改的备份.json', contentBase64: Buffer.from(JSON.stringify(doc)).toString('base64') },
});

describe('restore refuses a library that contradicts itself', () => {
  it('from a file kept elsewhere, and from the backup folder: one Chinese message, data.json byte-identical', async () => {
    const dataDir = await newDir();
    const { handlers, store } = await openServices(dataDir);
    await store.replace(smallDoc());
    const dataFile = path.join(dataDir, DATA_FILE_NAME);
    const before = await readFile(dataFile);

    for (const method of ['backup:preview', 'backup:restore'] as const) {
      const result = await dispatch(handlers, method, upload(contradictoryDoc()));
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'invalid-argument',
          message:
            '文件“手改的备份.json”中的数据前后矛盾，不能恢复，当前数据未改动：包保主体的编号重复：“e2”出现 2 次；包保关系指向不存在的包保干部：a2（干部“c9”）。请选用另一个备份',
        },
      });
    }
    const fileName = 'backup-20270101-000000-000-manual.json';
    await mkdir(path.join(dataDir, BACKUP_DIR_NAME), { recursive: true });
    await writeFile(path.join(dataDir, BACKUP_DIR_NAME, fileName), JSON.stringify(contradictoryDoc()));
    const result = await dispatch(handlers, 'backup:restore', { fileName });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^备份“backup-20270101-000000-000-manual\.json”中的数据前后矛盾，不能恢复/) },
    });
    expect(await readFile(dataFile)).toEqual(before);
    // A consistent file still restores.
    expect(await dispatch(handlers, 'backup:restore', upload(smallDoc()))).toMatchObject({ ok: true });
  });
});

describe('check sees what restore refuses', () => {
  async function handEdited(): Promise<string> {
    const dataDir = await newDir();
    await writeFile(path.join(dataDir, DATA_FILE_NAME), JSON.stringify(contradictoryDoc()));
    return dataDir;
  }

  it('assign:violations lists the duplicate id and the dangling 包保关系', async () => {
    const { handlers } = await openServices(await handEdited());
    const result = await dispatch(handlers, 'assign:violations', {});
    expect(result.ok && (result.value as ApiResults['assign:violations']).integrity).toEqual([
      '包保主体的编号重复：“e2”出现 2 次',
      '包保关系指向不存在的包保干部：a2（干部“c9”）',
    ]);
  });

  it('a consistent library has nothing to list', async () => {
    const dataDir = await newDir();
    const { handlers, store } = await openServices(dataDir);
    await store.replace(smallDoc());
    const result = await dispatch(handlers, 'assign:violations', {});
    expect(result.ok && (result.value as ApiResults['assign:violations']).integrity).toEqual([]);
  });

  it('the CLI check prints them', async () => {
    const dataDir = await handEdited();
    const { code, stdout } = await cli('check', '--data', dataDir);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '数据不一致（编号重复或指向不存在的记录），请从备份恢复：\n  包保主体的编号重复：“e2”出现 2 次\n  包保关系指向不存在的包保干部：a2（干部“c9”）\n',
    );
    expect(stdout).not.toContain('数据检查通过');
  });
});
