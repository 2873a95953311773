import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '@shared/calendar/calendar';
import { CadreSchema } from '@shared/domain/schemas';
import { RegionIndex } from '@shared/domain/regions';
import { reassignDeadline, stampInactiveSince } from '@shared/rules/inactive';
import { findViolations } from '@shared/rules/violations';
import { smallDoc } from '../main/small-doc';

const cadre = (active: boolean, inactiveSince = '') =>
  CadreSchema.parse({ id: 'c1', name: '张伟', level: 'township', regionId: 'zjz', active, inactiveSince });

describe('干部离岗后 7 个工作日内调整包保', () => {
  it('stamps the day a cadre stops being 在岗, keeps it while they stay away, clears it on return', () => {
    expect(stampInactiveSince(cadre(true), cadre(false), '2026-09-28').inactiveSince).toBe('2026-09-28');
    expect(stampInactiveSince(undefined, cadre(false), '2026-09-28').inactiveSince).toBe('2026-09-28');
    expect(stampInactiveSince(cadre(false, '2026-09-01'), cadre(false), '2026-09-28').inactiveSince).toBe('2026-09-01');
    expect(stampInactiveSince(cadre(false, '2026-09-01'), cadre(true), '2026-09-28').inactiveSince).toBe('');
  });

  it('counts working days: the 国庆 holiday does not eat the deadline', () => {
    const calendar = new WorkCalendar();
    // Left on Monday 2026-09-28: 10-01…07 are holidays and Saturday 10-10 is a make-up working day,
    // so the seventh working day is 10-13, not 10-07.
    expect(reassignDeadline('2026-09-28', '2026-10-13', calendar)).toEqual({ due: '2026-10-13', overdue: false });
    expect(reassignDeadline('2026-09-28', '2026-10-14', calendar)).toEqual({ due: '2026-10-13', overdue: true });
  });

  it('says in the violation when the 主体 must move and when it is overdue', () => {
    const doc = smallDoc();
    doc.cadres[0] = { ...doc.cadres[0]!, active: false, inactiveSince: '2027-01-04' };
    const input = { ...doc, regions: new RegionIndex(doc.regions) };
    const calendar = new WorkCalendar();
    const early = findViolations({ ...input, deadlines: { today: '2027-01-06', calendar } }).find((v) => v.kind === 'inactive-cadre');
    expect(early).toMatchObject({
      overdue: false,
      message: '内蒙古食用油有限公司的包保干部张伟自 2027-01-04 不在岗，应在 7 个工作日内（2027-01-13 前）调整',
    });
    const late = findViolations({ ...input, deadlines: { today: '2027-01-14', calendar } }).find((v) => v.kind === 'inactive-cadre');
    expect(late).toMatchObject({ overdue: true, message: expect.stringContaining('已逾期') });
    // Without the calendar (statistics) the plain message stays.
    expect(findViolations(input).find((v) => v.kind === 'inactive-cadre')?.message).toBe(
      '内蒙古食用油有限公司的包保干部张伟已不在岗，应调整',
    );
  });
});
