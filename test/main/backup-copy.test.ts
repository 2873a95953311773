import { mkdtemp, readdir, readFile, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../main/server/services';
import { BACKUP_DIR_NAME } from '../../main/server/storage/backups';
import { DATA_FILE_NAME } from '../../main/server/storage/lowdb-store';
import { CURRENT_SCHEMA_VERSION } from '@shared/storage/types';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();
let tick = 0;
const clock = () => new Date(Date.UTC(2027, 3, 1, 8, 0, 0, 0) + ++tick * 1000);

/** A data folder whose data.json was written by hand (indented), as an older version or an editor leaves it. */
async function handWrittenLibrary(doc: object) {
  const dataDir = await newDir();
  await writeFile(path.join(dataDir, DATA_FILE_NAME), JSON.stringify(doc, null, 2));
  return { ...(await openServices(dataDir, { now: clock })), dataDir };
}

/** A backup is a folder holding the library's files. */
async function backupBytes(dataDir: string, fileName: string, part = DATA_FILE_NAME): Promise<Buffer> {
  return readFile(path.join(dataDir, BACKUP_DIR_NAME, fileName, part));
}

describe('a backup of the library is its saved files', () => {
  it('holds data.json byte for byte (not the library written out again), and it previews and restores', async () => {
    const { dataDir, handlers } = await handWrittenLibrary(smallDoc());
    const saved = await readFile(path.join(dataDir, DATA_FILE_NAME));
    const info = await handlers['backup:create']({});
    expect((await backupBytes(dataDir, info.fileName)).equals(saved)).toBe(true);
    expect(info.bytes).toBe(saved.length);

    await handlers['entities:delete']({ id: 'e2' });
    expect((await handlers['backup:preview']({ fileName: info.fileName })).collections[1]).toMatchObject({
      label: '包保主体',
      current: 1,
      backup: 2,
      added: 1,
    });
    expect((await handlers['backup:restore']({ fileName: info.fileName })).counts.entities).toBe(2);
  });

  it('is a file of its own: damage written into data.json in place (another program, a disk fault) leaves it whole', async () => {
    const { dataDir, store, backups } = await handWrittenLibrary(smallDoc());
    const dataFile = path.join(dataDir, DATA_FILE_NAME);
    const saved = await readFile(dataFile);
    const info = await backups.create(store.read() ?? smallDoc(), 'import', 20);
    const backupFile = path.join(dataDir, BACKUP_DIR_NAME, info.fileName, DATA_FILE_NAME);
    expect((await stat(backupFile)).ino).not.toBe((await stat(dataFile)).ino);
    // Cut in half where it lies, as a crash of a program writing into it would leave it.
    await truncate(dataFile, Math.floor(saved.length / 2));
    expect((await readFile(backupFile)).equals(saved)).toBe(true);
  });

  it('is written to another volume as well (the backups folder on a memory file system)', async () => {
    const { dataDir, store, backups } = await handWrittenLibrary(smallDoc());
    const elsewhere = await mkdtemp(path.join(os.platform() === 'linux' ? '/dev/shm' : os.tmpdir(), 'baobao-backups-'));
    try {
      await symlink(elsewhere, path.join(dataDir, BACKUP_DIR_NAME));
      const info = await backups.create(store.read() ?? smallDoc(), 'import', 20);
      const backupFile = path.join(elsewhere, info.fileName, DATA_FILE_NAME);
      expect((await readFile(backupFile)).equals(await readFile(path.join(dataDir, DATA_FILE_NAME)))).toBe(true);
      expect(JSON.parse((await readFile(backupFile)).toString('utf8')).entities).toHaveLength(store.read()?.entities.length ?? -1);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('waits for the change being saved: the backup before an import holds every change made before it', async () => {
    const { dataDir, handlers, store } = await handWrittenLibrary(smallDoc());
    // Not awaited: the backup asked for next must come after this save, not copy the file before it.
    const rename = store.update((doc) => {
      doc.profile.orgName = '达拉特旗市场监督管理局';
    });
    const info = await handlers['backup:create']({});
    await rename;
    const backup = JSON.parse((await backupBytes(dataDir, info.fileName)).toString('utf8'));
    expect(backup.profile.orgName).toBe('达拉特旗市场监督管理局');
  });

  it('a library of an older version is kept as its file stands, and a backup of it in its new files restores', async () => {
    // Version 1: before the 作战图 and the visits joined the library.
    const { battleMap: _battleMap, visits: _visits, inspections: _inspections, ...old } = { ...smallDoc(), schemaVersion: 1 };
    const { dataDir, handlers } = await handWrittenLibrary(old);
    const kept = (await readdir(path.join(dataDir, BACKUP_DIR_NAME))).filter((name) => /^data\.v1-.*\.json$/.test(name));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(dataDir, BACKUP_DIR_NAME, kept[0] ?? ''), 'utf8'))).toEqual(old);
    const info = await handlers['backup:create']({});
    expect(JSON.parse((await backupBytes(dataDir, info.fileName)).toString('utf8')).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    await handlers['entities:delete']({ id: 'e1' });
    expect((await handlers['backup:restore']({ fileName: info.fileName })).counts.entities).toBe(2);
    // The copy, the pre-migration copy and the one made before the restore; no temp file left.
    expect((await readdir(path.join(dataDir, BACKUP_DIR_NAME))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
