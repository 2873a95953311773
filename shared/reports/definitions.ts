import { RECORD_KIND_LABELS, type RecordKind } from '../records/types';
import { ASSIGNMENT_REPORT_COLUMNS } from './assignments';
import { DISPATCH_COLUMN_CHOICES } from './battlemap';
import { columnChoices, type ReportColumnChoice } from './columns';
import { reportOfTemplateKind, REPORT_LABELS, type ReportKind } from './kinds';
import { INSPECTION_REPORT_COLUMNS } from './inspections';
import { PROBLEM_COLUMNS } from './problems';
import { summaryColumns } from './summary';
import { VISIT_SUMMARY_COLUMNS } from './visits';

/** The columns a template of each report can pick, in the report's default order. */
export const REPORT_COLUMN_CHOICES: Readonly<Record<ReportKind, readonly ReportColumnChoice[]>> = {
  summary: columnChoices(summaryColumns('区域（旗区或乡镇）')),
  assignments: columnChoices(ASSIGNMENT_REPORT_COLUMNS),
  visits: columnChoices(VISIT_SUMMARY_COLUMNS),
  problems: columnChoices(PROBLEM_COLUMNS),
  dispatch: DISPATCH_COLUMN_CHOICES,
  inspections: columnChoices(INSPECTION_REPORT_COLUMNS),
};

/** “包保主体” for a list, “督导记录汇总” for a report: as the 操作日志 names a template's kind. */
export function templateKindLabel(kind: string): string {
  const report = reportOfTemplateKind(kind);
  return report ? REPORT_LABELS[report] : RECORD_KIND_LABELS[kind as RecordKind];
}
