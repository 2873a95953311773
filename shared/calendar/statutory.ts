import { dayOfDate, weekdayOfDay } from './days';
import { lunarToSolar, qingmingDay, type NoticeDay } from './official';

/**
 * The rest days the national rules fix for a year whose State Council notice is not known yet
 * (《全国年节及纪念日放假办法》 as revised from 2025: 13 days a year). The notice later moves
 * days around with 调休; that part cannot be computed and the calendar says so.
 */
export function statutoryDays(year: number): NoticeDay[] {
  const fixed: Array<[number, string]> = [];
  const add = (day: number, count: number, name: string): void => {
    for (let i = 0; i < count; i++) fixed.push([day + i, name]);
  };
  add(dayOfDate(year, 1, 1), 1, '元旦');
  // 春节: 农历除夕 to 正月初三. 除夕 is the day before 初一 (腊月 has 29 or 30 days).
  add(lunarToSolar(year, 1, 1) - 1, 4, '春节');
  add(qingmingDay(year), 1, '清明节');
  add(dayOfDate(year, 5, 1), 2, '劳动节');
  add(lunarToSolar(year, 5, 5), 1, '端午节');
  add(lunarToSolar(year, 8, 15), 1, '中秋节');
  add(dayOfDate(year, 10, 1), 3, '国庆节');

  // A holiday on a Saturday or Sunday is made up on a working day (补假, same 办法): the first
  // weekday after it that is not already off. Two festivals on one day (中秋 in 国庆) count once.
  const off = new Map<number, string>();
  for (const [day, name] of fixed) if (!off.has(day)) off.set(day, name);
  for (const [day, name] of [...off].sort((a, b) => a[0] - b[0])) {
    if (weekdayOfDay(day) < 6) continue;
    let makeUp = day + 1;
    while (weekdayOfDay(makeUp) > 5 || off.has(makeUp)) makeUp++;
    off.set(makeUp, name);
  }
  return [...off].sort((a, b) => a[0] - b[0]).map(([day, name]) => ({ day, working: false, name }));
}
