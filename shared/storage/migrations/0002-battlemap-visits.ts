/** Version 1 → 2: the 作战图, the 督导 visits and the office's calendar days join the library. */
export function addBattleMapAndVisits(doc: Record<string, unknown>): Record<string, unknown> {
  return {
    ...doc,
    battleMap: doc['battleMap'] ?? null,
    visits: doc['visits'] ?? [],
    calendar: doc['calendar'] ?? { extraHolidays: [], extraWorkdays: [] },
  };
}
