import { Typography, type App } from 'antd';
import type { ApiResults } from '@shared/api/contract';
import { GRADES } from '@shared/domain/schemas';
import type { VisitRules } from '@shared/visits/types';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

type AppApi = Pick<ReturnType<typeof App.useApp>, 'modal' | 'message'>;

/** 生成督导计划: says what will happen (done visits are kept), plans, then shows what came out. */
export function confirmGeneratePlan(app: AppApi, year: number, rules: VisitRules | null, doneCount: number, onDone: () => void): void {
  const perYear = rules ? GRADES.map((g) => `${g}级 ${rules.perYearByGrade[g]} 次`).join('、') : '按设置中的次数';
  app.modal.confirm({
    title: `生成 ${year} 年督导计划？`,
    width: 520,
    content: (
      <Typography>
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          为每一条现有包保关系安排 {year} 年的督导：每个主体每年 {perYear}，在全年平均分布，只排在工作日（避开法定节假日，计入调休上班日）
          {rules ? `，每名干部每周不超过 ${rules.weeklyCapPerCadre} 次` : ''}。
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          <Typography.Text strong>已完成的督导记录全部保留</Typography.Text>
          {doneCount > 0 ? `（本年度已完成 ${doneCount} 次）` : ''}；尚未完成的计划会按最新的包保关系重新安排。
        </Typography.Paragraph>
      </Typography>
    ),
    okText: '生成计划',
    cancelText: '取消',
    onOk: async () => {
      try {
        const result = await api('visits:plan', { year });
        showResult(app, year, result);
        onDone();
      } catch (e) {
        app.message.error(`督导计划未生成：${errorText(e)}`);
      }
    },
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
              ；有 <Typography.Text type="danger">{result.overCapWeeks}</Typography.Text> 个“干部·周”超出每周上限（该季度已排不下），请在“按周查看”中核对。
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
