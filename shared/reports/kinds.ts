/** The 上报 reports (docs/domain.md#上报报表) by their CLI names. */
export const REPORT_KINDS = ['summary', 'assignments', 'visits', 'problems', 'dispatch', 'inspections'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_LABELS: Readonly<Record<ReportKind, string>> = {
  summary: '包保工作情况统计表',
  assignments: '包保关系明细表',
  visits: '督导记录汇总',
  problems: '问题整改台账',
  dispatch: '周调度进展表',
  inspections: '督查情况表',
};

/** Column templates of a report are stored beside the list templates under this kind. */
export const REPORT_TEMPLATE_KINDS = REPORT_KINDS.map((kind) => `report:${kind}` as const);
export type ReportTemplateKind = (typeof REPORT_TEMPLATE_KINDS)[number];

export function reportOfTemplateKind(kind: string): ReportKind | null {
  const name = kind.startsWith('report:') ? kind.slice('report:'.length) : '';
  return (REPORT_KINDS as readonly string[]).includes(name) ? (name as ReportKind) : null;
}
