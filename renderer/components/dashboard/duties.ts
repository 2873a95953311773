import type { DutyKey } from '@shared/stats/tally';

/** The 企业 duty indicators in the bureau's wording (docs/domain.md#企业主体责任的规则). */
export const DUTY_LABELS: Readonly<Record<DutyKey, string>> = {
  dailyWeeklyMonthly: '日管控周排查月调度',
  riskSystem: '纳入风险管控系统',
  safetyOfficer: '配备食品安全员',
  safetyDirector: '配备食品安全总监',
  commitment: '主体责任承诺书',
};

/** What each indicator is counted over. */
export const DUTY_OVER: Readonly<Record<DutyKey, string>> = {
  dailyWeeklyMonthly: '企业',
  riskSystem: '企业',
  safetyOfficer: '企业',
  safetyDirector: '应配备总监的企业',
  commitment: '企业',
};
