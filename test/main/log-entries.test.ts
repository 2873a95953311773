import { describe, expect, it } from 'vitest';
import { openServices } from '../../main/server/services';
import { readLibrary } from './library-files';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

describe('操作日志', () => {
  it('an entry keeps the record as it was when it was made, in memory and on disk, after the record changes again', async () => {
    const dataDir = await newDir();
    const { handlers, store } = await openServices(dataDir, { now: () => new Date('2027-03-20T08:00:00Z') });
    await store.replace(smallDoc());
    await handlers['assign:preview']({ mode: 'unassigned', keepManual: true, reset: false }).then((p) =>
      handlers['assign:apply']({ previewId: p.previewId }),
    );
    await handlers['visits:plan']({ year: 2027 });
    const [visit] = await handlers['visits:list']({ year: 2027, cadreId: '', entityId: 'e1' });
    if (!visit) throw new Error('no visit planned');
    const recorded = await handlers['visits:record']({
      id: visit.id,
      doneDate: '2027-02-10',
      checklist: [],
      problems: [{ description: '晨检记录不全', deadline: '2027-03-10' }],
      notes: '',
    });
    // Rectified in place: the visit object the 记录督导 entry was made from changes.
    await handlers['visits:rectify']({ visitId: visit.id, problemId: recorded.problems[0]?.id ?? '', rectifiedOn: '2027-03-01' });

    const entryOf = (log: readonly { action: string; after?: unknown }[]) =>
      log.find((e) => e.action === 'visits:record')?.after as { problems: { rectifiedOn?: string }[] };
    const onDisk = await readLibrary(dataDir);
    expect(entryOf(onDisk.log).problems[0]?.rectifiedOn).toBeUndefined();
    expect(entryOf(store.read()?.log ?? []).problems[0]?.rectifiedOn).toBeUndefined();
    expect(store.read()?.visits.find((v) => v.id === visit.id)?.problems[0]?.rectifiedOn).toBe('2027-03-01');
  });
});
