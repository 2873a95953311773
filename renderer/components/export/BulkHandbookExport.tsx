import { FolderOpenOutlined, PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Progress, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import type { JobStatus } from '@shared/api/contract';
import { CADRE_LEVEL_LABELS, REGION_LEVELS, type CadreLevel, type Region } from '@shared/domain/schemas';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { showAnswer, useApiQuery } from '../../api/queries';
import { ScopeSelect } from './ScopeSelect';
import { useAppInfo, useYearChoice } from './useAppInfo';
import { YearInput } from './YearInput';

const POLL_MS = 500;
const LEVELS = [{ value: '', label: '全部层级' }, ...REGION_LEVELS.map((l) => ({ value: l, label: `${CADRE_LEVEL_LABELS[l]}干部` }))];

const STATE_ALERT = { done: 'success', cancelled: 'warning', failed: 'error', running: 'info' } as const;

/** The folder the user chose last time: offices export into the same place each round. */
const FOLDER_KEY = 'bulk-handbooks:folder';

function rememberedFolder(): string | null {
  try {
    return window.localStorage.getItem(FOLDER_KEY);
  } catch {
    return null;
  }
}

function rememberFolder(folder: string): void {
  try {
    window.localStorage.setItem(FOLDER_KEY, folder);
  } catch {
    // Storage may be refused (private window): the default folder is offered next time.
  }
}

/**
 * 批量导出工作手册 as a background job in main: scope, level, year, one file each or one 合订本,
 * the folder; progress with 取消, and at the end the folder. The job lives in main, so leaving
 * the screen and coming back shows it still running (jobs:current).
 */
export function BulkHandbookExport({ regions }: { readonly regions: readonly Region[] }) {
  const info = useAppInfo();
  const [regionId, setRegionId] = useState('');
  const [level, setLevel] = useState<CadreLevel | ''>('');
  const [year, setYear] = useYearChoice();
  const [combined, setCombined] = useState(false);
  // Only a folder picked in the desktop's folder dialog may be used (main refuses any other), so the
  // browser harness always exports into the data folder's 导出 folder.
  const [outDir, setOutDir] = useState<string | null>(() => (window.desktop ? rememberedFolder() : null));
  const [startedId, setStartedId] = useState('');
  const [startError, setStartError] = useState('');
  const [starting, setStarting] = useState(false);
  const folder = outDir ?? info?.exportDir ?? '';
  // The job started here, or else the handbooks job main is running (or ran last) when the screen opens.
  const current = useApiQuery('jobs:current', {}, { readOnOpen: true }).result;
  const jobId = startedId || (current?.kind === 'handbooks' ? current.jobId : '');
  const followed = useApiQuery(
    'jobs:get',
    { jobId },
    { enabled: jobId !== '', keepPrevious: false, readOnOpen: true, poll: { ms: POLL_MS, until: (status) => status.state !== 'running' } },
  );
  const job = jobId ? followed.result : null;
  const error = startError || followed.error;
  // Shown at once; the polling reads on from there.
  const follow = (status: JobStatus) => {
    showAnswer('jobs:get', { jobId: status.jobId }, status);
    setStartedId(status.jobId);
  };

  const start = async () => {
    setStarting(true);
    setStartError('');
    if (outDir !== null) rememberFolder(outDir);
    try {
      follow(
        await api('handbook:exportAll', {
          regionId,
          ...(level ? { level } : {}),
          ...(year ? { year } : {}),
          ...(folder.trim() ? { outDir: folder.trim() } : {}),
          combined,
        }),
      );
    } catch (e) {
      setStartError(errorText(e));
    } finally {
      setStarting(false);
    }
  };

  const cancel = () => {
    if (job) api('jobs:cancel', { jobId: job.jobId }).then(follow, (e: unknown) => setStartError(errorText(e)));
  };

  const chooseFolder = async () => {
    const chosen = await window.desktop?.chooseFolder('选择工作手册的导出文件夹');
    if (chosen) setOutDir(chosen);
  };

  const running = job?.state === 'running';
  const percent = job && job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  return (
    <Flex vertical gap={8} data-testid="bulk-handbooks">
      <Typography.Text strong>批量导出</Typography.Text>
      <Flex gap={8}>
        <ScopeSelect
          aria-label="批量导出范围"
          regions={regions}
          value={regionId}
          onChange={setRegionId}
          placeholder="全市（可选旗区或乡镇）"
          style={{ flex: 1, minWidth: 0 }}
        />
        <Select<CadreLevel | ''>
          aria-label="干部层级"
          value={level}
          options={LEVELS}
          onChange={setLevel}
          style={{ width: 112, flex: 'none' }}
        />
      </Flex>
      <Flex gap={8} align="center">
        <YearInput aria-label="手册年度" value={year} onChange={setYear} />
        <Radio.Group
          aria-label="导出方式"
          value={combined}
          onChange={(e) => setCombined(e.target.value as boolean)}
          options={[
            { value: false, label: '每人一个文件' },
            { value: true, label: '合订本' },
          ]}
        />
      </Flex>
      <Flex gap={8}>
        <Input aria-label="导出文件夹" value={folder} readOnly placeholder="导出文件夹" style={{ flex: 1, minWidth: 0 }} />
        {window.desktop?.chooseFolder && <Button onClick={() => void chooseFolder()}>选择文件夹…</Button>}
      </Flex>
      {/* The action right after the choices, what it writes below: 开始导出 stays on screen at 1366×768. */}
      <Flex justify="flex-end" gap={8}>
        {running ? (
          <Button danger icon={<StopOutlined />} onClick={cancel}>
            取消
          </Button>
        ) : (
          <Button type="primary" icon={<PlayCircleOutlined />} loading={starting} onClick={() => void start()}>
            开始导出
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {combined
          ? '合订本：每个乡镇一本，逐名干部排列其全部分册，每页页眉印有干部姓名，一次打印即可；按旗区放在所选文件夹下新建的子文件夹中，全市请按每人一个文件导出。'
          : '每名在岗干部一个文件，按“旗区-乡镇-姓名-包保干部工作手册-年度”命名（同名干部以单位或职务区分），按旗区、乡镇分文件夹，放在所选文件夹下新建的子文件夹中。'}
      </Typography.Text>
      {error && <Alert type="error" showIcon title={error} />}
      {job && (
        <Flex vertical gap={4} data-testid="bulk-progress">
          {running && <Progress percent={percent} size="small" format={() => `${job.done}/${job.total}`} />}
          <Alert
            type={STATE_ALERT[job.state]}
            showIcon
            title={job.message}
            action={
              !running && job.files > 0 && window.desktop?.showInFolder ? (
                <Button size="small" icon={<FolderOpenOutlined />} onClick={() => void window.desktop?.showInFolder(job.outDir)}>
                  打开文件夹
                </Button>
              ) : undefined
            }
          />
        </Flex>
      )}
    </Flex>
  );
}
