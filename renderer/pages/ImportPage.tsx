import { App, Button, Flex, Progress, Result, Spin, Steps, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportPreview, ImportResult } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import type { RecordKind } from '@shared/records/types';
import { api } from '../api/client';
import { saveAndTell } from '../api/download';
import { errorText } from '../api/error-text';
import { useApiQuery } from '../api/queries';
import { ImportChooseStep } from '../components/ImportChooseStep';
import { ImportMappingStep } from '../components/ImportMappingStep';
import { ImportPreviewStep } from '../components/ImportPreviewStep';
import { loadFile, MAX_IMPORT_BYTES, sizeText, type LoadedFile } from '../import/file-bytes';
import { kindInfo } from '../import/kinds';
import { sameEdits, type MappingEdits, type SheetHeader } from '../import/mapping';
import { newPreviewId, progressPercent, progressTitle, PROGRESS_POLL_MS } from '../import/preview-progress';
import type { ScreenKey } from '../navigation/screens';

type Step = 0 | 1 | 2 | 3;

const STEP_ITEMS = [{ title: '选择文件' }, { title: '列对应' }, { title: '预览' }, { title: '完成' }];
const NO_EDITS: MappingEdits = {};

interface Busy {
  readonly text: string;
  readonly detail: string;
  /** Stops a preview being made; absent for a commit. */
  readonly cancel?: () => void;
}

/** 导入: file → 列对应 → row-level preview → commit (docs/domain.md#界面一览, docs/domain.md#导入的规则). */
export function ImportPage({ onNavigate }: { readonly onNavigate: (screen: ScreenKey) => void }) {
  const { message, modal } = App.useApp();
  const [step, setStep] = useState<Step>(0);
  const [kind, setKind] = useState<RecordKind>('entities');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [refusal, setRefusal] = useState('');
  const [busy, setBusy] = useState<Busy | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [header, setHeader] = useState<SheetHeader | null>(null);
  const [problem, setProblem] = useState('');
  const [edits, setEdits] = useState<MappingEdits>(NO_EDITS);
  const [applied, setApplied] = useState<MappingEdits>(NO_EDITS);
  const [saveMapping, setSaveMapping] = useState(false);
  // Blank cells of an updated record keep its values unless the clerk chooses 清空.
  const [blankCells, setBlankCells] = useState<ImportPreview['blankCells']>('keep');
  const [downloading, setDownloading] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const ticket = useRef(0);
  // The preview the service holds for this screen, forgotten when a new one replaces it or the screen closes.
  const held = useRef<string | null>(null);
  // The preview being made for this screen, stopped in the service when the user no longer waits for it.
  const making = useRef<string | null>(null);
  // The same, for asking how far it has got until it returns: a bar while its rows are checked.
  const [asking, setAsking] = useState('');
  const progress = useApiQuery(
    'import:progress',
    { previewId: asking },
    { enabled: asking !== '', keepPrevious: false, poll: { ms: PROGRESS_POLL_MS, until: () => false } },
  ).result;
  const info = kindInfo(kind);

  const forget = useCallback(() => {
    const previewId = held.current;
    held.current = null;
    if (previewId) api('import:cancel', { previewId }).catch(() => undefined);
  }, []);
  const stopMaking = useCallback(() => {
    const previewId = making.current;
    making.current = null;
    setAsking('');
    ticket.current++;
    if (previewId) api('import:cancel', { previewId }).catch(() => undefined);
  }, []);
  useEffect(
    () => () => {
      // Leaving the screen: a preview being made is stopped, one held is forgotten.
      stopMaking();
      forget();
    },
    [forget, stopMaking],
  );

  const reset = () => {
    stopMaking();
    forget();
    setStep(0);
    setFile(null);
    setPreview(null);
    setHeader(null);
    setProblem('');
    setEdits(NO_EDITS);
    setApplied(NO_EDITS);
    setBlankCells('keep');
    setBusy(null);
  };

  /**
   * Previews `source` with `mapping` and goes to step `then`. A preview with a `problem` (the name
   * column not recognised) goes to 列对应 instead, with the problem shown; a file that cannot be
   * read at all stays at step 1 when it is the first preview of the file.
   */
  const runPreview = async (source: LoadedFile, mapping: MappingEdits, first: boolean, then: Step, blanks = blankCells): Promise<void> => {
    const mine = ++ticket.current;
    const previewId = newPreviewId();
    making.current = previewId;
    setBusy({
      text: '正在读取文件…',
      detail: `“${source.name}”（${sizeText(source.size)}）：识别表头、逐行核对。上万行的表格需要几秒到几十秒。`,
      cancel: () => {
        stopMaking();
        setBusy(null);
        if (first) setFile(null);
      },
    });
    setAsking(previewId);
    try {
      const next = await api('import:preview', {
        kind,
        fileName: source.name,
        contentBase64: source.base64,
        mapping: { ...mapping },
        previewId,
        blankCells: blanks,
      });
      if (mine !== ticket.current) {
        api('import:cancel', { previewId: next.previewId }).catch(() => undefined);
        return;
      }
      forget();
      held.current = next.previewId;
      setPreview(next);
      setHeader(next);
      setApplied(mapping);
      setProblem(next.problem ?? '');
      setRefusal('');
      setStep(next.problem ? 1 : then);
    } catch (e) {
      if (mine !== ticket.current) return;
      const text = errorText(e);
      forget();
      setPreview(null);
      setApplied(mapping);
      if (first) {
        setRefusal(text);
        setFile(null);
        setStep(0);
      } else {
        setProblem(text);
        setStep(1);
      }
    } finally {
      if (making.current === previewId) making.current = null;
      setAsking((current) => (current === previewId ? '' : current));
      if (mine === ticket.current) setBusy(null);
    }
  };

  const onFile = async (chosen: File) => {
    reset();
    setRefusal('');
    if (chosen.size > MAX_IMPORT_BYTES) {
      setRefusal(`文件“${chosen.name}”有 ${sizeText(chosen.size)}，超过 20 MB 的导入上限。请删去无关的工作表、图片，或分成几个文件导入`);
      return;
    }
    let loaded: LoadedFile;
    try {
      loaded = await loadFile(chosen);
    } catch {
      setRefusal(`无法读取文件“${chosen.name}”：文件可能已被移动或正被其他程序占用。请关闭 Excel/WPS 中的该文件后重新选择`);
      return;
    }
    setFile(loaded);
    await runPreview(loaded, NO_EDITS, true, 1);
  };

  const onEdit = (headerText: string, key: string) => {
    const original = header?.columns.find((c) => c.header === headerText);
    setEdits((current) => {
      const next = { ...current };
      // Choosing what the file already says again is no edit.
      if (original && (original.key ?? '') === key && !(headerText in applied)) delete next[headerText];
      else next[headerText] = key;
      return next;
    });
  };

  const downloadErrors = async () => {
    if (!preview) return;
    setDownloading(true);
    try {
      await saveAndTell(await api('import:errorReport', { previewId: preview.previewId }), message.success);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setDownloading(false);
    }
  };

  const commit = async (current: ImportPreview, source: LoadedFile) => {
    setBusy({ text: '正在导入…', detail: `正在写入 ${current.counts.add + current.counts.update} 条${info.label}，请稍候。` });
    try {
      // The chosen column names are saved in the same write as the records.
      const done = await api('import:commit', { previewId: current.previewId, saveMapping });
      held.current = null;
      setResult(done);
      setStep(3);
      setBusy(null);
    } catch (e) {
      setBusy(null);
      if (e instanceof ApiError && (e.code === 'conflict' || e.code === 'not-found')) {
        held.current = null;
        message.warning(`${errorText(e)}。已按当前数据重新预览，请核对后再确认导入。`, 8);
        await runPreview(source, applied, false, 2);
      } else {
        message.error(errorText(e));
      }
    }
  };

  const confirmCommit = () => {
    if (!preview || !file || preview.problem) return;
    const { counts } = preview;
    const current = preview;
    modal.confirm({
      title: `确认导入 ${counts.add + counts.update} 条${info.label}？`,
      width: 480,
      content: (
        <Flex vertical gap={4}>
          <span>
            将<b>新增 {counts.add} 条</b>、<b>更新 {counts.update} 条</b>
            {info.label}。更新只改表中有的列
            {current.blankCells === 'clear' ? '，表中空白的单元格会清空已有内容' : '，表中空白的单元格不改动已有内容'}，其余内容保持不变。
          </span>
          {counts.unchanged > 0 && <span>未变的 {counts.unchanged} 条不会改动。</span>}
          {counts.reject > 0 && <span>拒绝的 {counts.reject} 行不会导入（可先下载“未导入行”改正后再导入）。</span>}
          <Typography.Text type="secondary">导入会记入操作日志。</Typography.Text>
        </Flex>
      ),
      okText: '导入',
      cancelText: '返回',
      onOk: () => {
        void commit(current, file);
      },
    });
  };

  const body = () => {
    if (busy) {
      // Only a preview being made is asked how far it has got.
      const made = busy.cancel && asking ? (progress ?? null) : null;
      const percent = progressPercent(made);
      return (
        <Flex vertical align="center" justify="center" gap={16} style={{ flex: 1 }} role="status">
          <Spin size="large" />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {made ? progressTitle(made) : busy.text}
          </Typography.Title>
          {percent !== null && <Progress percent={percent} aria-label="核对进度" style={{ width: 360 }} />}
          <Typography.Text type="secondary">{busy.detail}</Typography.Text>
          {busy.cancel && <Button onClick={busy.cancel}>取消</Button>}
        </Flex>
      );
    }
    if (step === 0 || !file) {
      return (
        <ImportChooseStep
          kind={kind}
          onKindChange={(next) => {
            setKind(next);
            setRefusal('');
          }}
          onFile={(f) => void onFile(f)}
          refusal={refusal}
        />
      );
    }
    if (step === 1 && header) {
      return (
        <ImportMappingStep
          fileName={file.name}
          header={header}
          edits={edits}
          onEdit={onEdit}
          problem={problem}
          counts={preview && !preview.problem ? preview.counts : null}
          dirty={!sameEdits(edits, applied)}
          saveMapping={saveMapping}
          onSaveMappingChange={setSaveMapping}
          onRepreview={() => void runPreview(file, edits, false, 2)}
          onNext={() => setStep(2)}
          onCancel={reset}
        />
      );
    }
    if (step === 2 && preview) {
      return (
        <ImportPreviewStep
          preview={preview}
          downloading={downloading}
          onDownloadErrors={() => void downloadErrors()}
          onBackToMapping={() => setStep(1)}
          onCancel={reset}
          onCommit={confirmCommit}
          onBlankCellsChange={(next) => {
            setBlankCells(next);
            void runPreview(file, applied, false, 2, next);
          }}
        />
      );
    }
    if (step === 3 && result) {
      return (
        <Result
          status="success"
          title={`导入完成：${info.label}新增 ${result.added} 条，更新 ${result.updated} 条`}
          subTitle={`未变 ${result.unchanged} 条；拒绝 ${result.rejected} 行未导入；跳过空行/合计行 ${result.skipped} 行。`}
          extra={[
            info.screen && (
              <Button key="view" type="primary" onClick={() => info.screen && onNavigate(info.screen)}>
                查看{info.label}
              </Button>
            ),
            <Button key="again" onClick={reset}>
              继续导入其他表格
            </Button>,
          ]}
        />
      );
    }
    return null;
  };

  return (
    <Flex vertical gap={16} style={{ height: '100%', minHeight: 0 }}>
      <Flex align="center" gap={24}>
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          导入{step > 0 ? `${info.label}` : ''}
        </Typography.Title>
        <Steps size="small" current={step} items={STEP_ITEMS} style={{ flex: 1 }} />
      </Flex>
      {body()}
    </Flex>
  );
}
