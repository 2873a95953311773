import { Alert, Empty, Spin } from 'antd';
import { useApiQuery } from '../api/queries';
import { CadrePicker } from '../components/CadrePicker';
import { HANDBOOK_PAGE_CSS, HandbookPages } from '../components/print/HandbookPages';
import { PrintToolbar } from '../components/print/PrintToolbar';
import { useHashQuery } from '../components/print/useHashQuery';
import '../components/print/print.css';

/** 包保干部工作手册 as A4 pages (#/handbook-print?cadre=ID): the workbook's sheets, to print or save as PDF. */
export function HandbookPrintPage() {
  const [query, setQuery] = useHashQuery('handbook-print');
  const cadreId = query.get('cadre') ?? '';
  const { result, error, loading } = useApiQuery('handbook:view', { cadreId }, { enabled: cadreId !== '', readOnOpen: true });
  // The previous cadre's handbook stays while the next is made; none once the choice is cleared.
  const value = cadreId ? result : null;
  return (
    <div className="print-view" data-testid="handbook-print-page">
      <style>{HANDBOOK_PAGE_CSS}</style>
      <PrintToolbar title="包保干部工作手册" pdfFileName={value ? value.fileName.replace(/\.xlsx$/, '.pdf') : null}>
        <div style={{ width: 240 }}>
          <CadrePicker
            value={cadreId ? { id: cadreId, name: value?.cadreName ?? '' } : null}
            onChange={(row) => setQuery({ cadre: row?.id ?? '' })}
          />
        </div>
      </PrintToolbar>
      {error && <Alert className="no-print" type="error" showIcon title={`手册读取失败：${error}`} style={{ marginBottom: 8 }} />}
      <div className="print-pages">
        {value ? (
          <HandbookPages handbook={value} />
        ) : loading ? (
          <Spin description="正在生成手册…" style={{ display: 'block', marginTop: 80 }} />
        ) : (
          <Empty style={{ marginTop: 80 }} description="请选择一名包保干部，打印他的工作手册" />
        )}
      </div>
    </div>
  );
}
