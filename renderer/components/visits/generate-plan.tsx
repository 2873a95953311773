import { Button, Radio, Typography, type App } from 'antd';
import dayjs from 'dayjs';
import type { ApiResults } from '@shared/api/contract';
import { GRADES } from '@shared/domain/schemas';
import type { VisitRules } from '@shared/visits/types';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

type AppApi = Pick<ReturnType<typeof App.useApp>, 'modal' | 'message'>;

/**
 * 生成督导计划: says what will happen (done visits are kept), plans, then shows what came out. In the
 * current year, once it has begun, the clerk chooses 从今天起排 (the default: past quarters are not
 * back-filled as overdue) or the whole year, or plans the next year instead. `onDone` gets the year planned.
 */
export function confirmGeneratePlan(
  app: AppApi,
  year: number,
  rules: VisitRules | null,
  doneCount: number,
  onDone: (plannedYear: number) => void,
): void {
  const perYear = rules ? GRADES.map((g) => `${g}级 ${rules.perYearByGrade[g]} 次`).join('、') : '按设置中的次数';
  const today = dayjs().format('YYYY-MM-DD');
  // Only a year under way has a past to leave out.
  const underWay = year === dayjs().year() && today > `${year}-01-01`;
  const choice = { fromToday: underWay };
  const plan = async (planYear: number, fromToday: boolean) => {
    try {
      const result = await api('visits:plan', { year: planYear, ...(fromToday ? { fromToday } : {}) });
      showResult(app, planYear, result);
      onDone(planYear);
    } catch (e) {
      app.message.error(`督导计划未生成：${errorText(e)}`);
    }
  };
  const dialog = app.modal.confirm({
    title: `生成 ${year} 年督导计划？`,
    width: 560,
    content: (
      <Typography>
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          为每一条现有包保关系安排 {year} 年的督导：每个主体每年 {perYear}，平均分布，只排在工作日（避开法定节假日，计入调休上班日）
          {rules ? `，每名干部每周不超过 ${rules.weeklyCapPerCadre} 次` : ''}。
        </Typography.Paragraph>
        {underWay && (
          <Radio.Group
            aria-label="排到哪些日子"
            defaultValue
            onChange={(e) => (choice.fromToday = e.target.value as boolean)}
            style={{ display: 'flex', flexDirection: 'column', gap: 4, marginBottom: 8 }}
            options={[
              { value: true, label: `从今天起排（${today} 至年底；已过去的季度不补排，不计为逾期）` },
              { value: false, label: '全年排（今天之前的督导会立即显示为已逾期）' },
            ]}
          />
        )}
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          <Typography.Text strong>已完成的督导记录全部保留</Typography.Text>
          {doneCount > 0 ? `（本年度已完成 ${doneCount} 次）` : ''}；尚未完成的计划会按最新的包保关系重新安排。
        </Typography.Paragraph>
      </Typography>
    ),
    okText: '生成计划',
    cancelText: '取消',
    footer: (_, { OkBtn, CancelBtn }) => (
      <>
        {underWay && (
          <Button
            onClick={() => {
              dialog.destroy();
              void plan(year + 1, false);
            }}
          >
            改为生成 {year + 1} 年计划
          </Button>
        )}
        <CancelBtn />
        <OkBtn />
      </>
    ),
    onOk: () => plan(year, choice.fromToday),
  });
}

function showResult(app: AppApi, year: number, result: ApiResults['visits:plan']): void {
  app.modal.success({
    title: `${year} 年督导计划已生成`,
    width: 520,
    okText: '知道了',
    content: (
      <div data-testid="plan-result">
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          新安排督导 <Typography.Text strong>{result.planned.toLocaleString('zh-CN')}</Typography.Text> 次，保留已完成{' '}
          <Typography.Text strong>{result.keptDone.toLocaleString('zh-CN')}</Typography.Text> 次
          {result.overCapWeeks > 0 ? (
            <>
              ；有 <Typography.Text type="danger">{result.overCapWeeks}</Typography.Text>{' '}
              个“干部·周”超出每周上限（该季度已排不下），请在“按周查看”中核对。
            </>
          ) : (
            '，没有超出每周上限的情况。'
          )}
        </Typography.Paragraph>
        {result.notes.length > 0 && (
          <>
            <Typography.Text strong>请注意：</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {result.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    ),
  });
}
