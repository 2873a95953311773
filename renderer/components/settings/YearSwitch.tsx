import { CalendarOutlined } from '@ant-design/icons';
import { App, Button, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

export interface YearSwitchProps {
  readonly planYear: number;
  /** Unsaved settings would be overwritten by the profile read back after the switch. */
  readonly disabled: boolean;
}

/**
 * 年度切换: opens the year after the plan year — plans its 督导, closes the years before it
 * (read-only, reports still work) and asks every 在岗 cadre for the new year's 承诺书. Every screen,
 * 设置 and the header included, then reads again (a change to everything, INVALIDATES).
 */
export function YearSwitch({ planYear, disabled }: YearSwitchProps) {
  const { modal, message } = App.useApp();
  const next = planYear + 1;
  // A year already under way is planned from today (its past quarters are not back-filled).
  const underWay = next === dayjs().year();

  const open = () =>
    modal.confirm({
      title: `开启 ${next} 年度？`,
      width: 540,
      okText: `开启 ${next} 年度`,
      cancelText: '取消',
      content: (
        <Typography>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>
              计划年度改为 {next} 年，首页、统计、报表和工作手册默认按 {next} 年；
            </li>
            <li>
              按现有包保关系生成 {next} 年督导计划{underWay ? '（从今天起排，已过去的季度不补排）' : '（全年）'}；
            </li>
            <li>{planYear} 年度及以前的督导记录改为只读，不能再修改，但仍可查看、导出报表；</li>
            <li>在岗干部需重新签订 {next} 年度承诺书（统计中按“未签”计）。</li>
          </ul>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
            开启前会自动备份数据。
          </Typography.Paragraph>
        </Typography>
      ),
      onOk: async () => {
        try {
          const opened = await api('year:open', { year: next });
          message.success(
            `已开启 ${next} 年度：计划督导 ${opened.plan.planned.toLocaleString('zh-CN')} 次，${opened.commitmentsDue.toLocaleString('zh-CN')} 名干部待签承诺书`,
          );
        } catch (e) {
          message.error(`年度切换未完成：${errorText(e)}`);
        }
      },
    });

  return (
    <Tooltip title={disabled ? '请先保存或还原设置的修改，再进行年度切换' : `开启 ${next} 年度：生成督导计划，往年只读`}>
      <Button icon={<CalendarOutlined />} onClick={open} disabled={disabled}>
        年度切换…
      </Button>
    </Tooltip>
  );
}
