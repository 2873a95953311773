import { FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Popconfirm, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CalendarSettings } from '@shared/api/contract';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { HolidayNoticeDialog } from './HolidayNoticeDialog';
import { SettingsCard } from './ProfileCards';

export type CalendarDays = CalendarSettings;

export interface CalendarDaysCardProps {
  readonly days: CalendarDays;
  readonly notes: readonly string[];
  readonly onSaved: (days: CalendarDays, notes: readonly string[]) => void;
}

type ListKey = 'extraHolidays' | 'extraWorkdays';

const LISTS: readonly { key: ListKey; other: ListKey; label: string; hint: string; color: string }[] = [
  { key: 'extraHolidays', other: 'extraWorkdays', label: '本单位休息日', hint: '不安排督导和工期', color: 'orange' },
  { key: 'extraWorkdays', other: 'extraHolidays', label: '调休上班日', hint: '周末照常上班', color: 'green' },
];

/**
 * 节假日与调休: the official calendar is built in; a year the software does not know yet gets its
 * 国务院办公厅 notice pasted in (录入放假通知), and the office adds its own days off and working days.
 * Each change is saved at once (calendar:save, calendar:saveNotice).
 */
export function CalendarDaysCard({ days, notes, onSaved }: CalendarDaysCardProps) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [noticeOpen, setNoticeOpen] = useState(false);

  const removeNotice = async (year: number) => {
    try {
      // 设置 reads the notices and notes again after it (a calendar change, INVALIDATES).
      await api('calendar:removeNotice', { year });
      message.success(`已删除录入的 ${year} 年放假通知`);
    } catch (e) {
      message.error(`放假通知未删除：${errorText(e)}`);
    }
  };

  const save = async (next: CalendarDays, done: string) => {
    setSaving(true);
    try {
      const result = await api('calendar:save', { extraHolidays: [...next.extraHolidays], extraWorkdays: [...next.extraWorkdays] });
      onSaved(next, result.notes);
      message.success(done);
    } catch (e) {
      message.error(`节假日设置未保存：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const add = (key: ListKey, other: ListKey, label: string, day: Dayjs | null) => {
    if (!day) return;
    const date = day.format('YYYY-MM-DD');
    if (days[key].includes(date)) {
      message.info(`${date} 已在“${label}”中`);
      return;
    }
    if (days[other].includes(date)) {
      message.warning(`${date} 已设为“${LISTS.find((l) => l.key === other)?.label}”，同一天不能既休息又上班，请先移除`);
      return;
    }
    void save({ ...days, [key]: [...days[key], date].sort() }, `已添加${label}：${date}`);
  };

  const remove = (key: ListKey, label: string, date: string) => {
    void save({ ...days, [key]: days[key].filter((d) => d !== date) }, `已移除${label}：${date}`);
  };

  return (
    <SettingsCard title="节假日与调休" testId="calendar-card">
      {notes.map((note) => (
        <Alert key={note} type="warning" showIcon title={note} style={{ marginBottom: 8, padding: '4px 10px', fontSize: 12 }} />
      ))}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
        国家法定节假日和调休已内置；新一年的放假通知发布后，粘贴通知全文即可录入。这里也补充本单位的安排，改动立即保存，用于督导计划和作战图工期。
      </Typography.Paragraph>
      <Flex align="center" wrap gap={4} style={{ marginBottom: 10 }} data-testid="calendar-notices">
        <Button size="small" icon={<FileTextOutlined />} onClick={() => setNoticeOpen(true)}>
          录入放假通知…
        </Button>
        {days.notices.map((n) => (
          <Popconfirm
            key={n.year}
            title={`删除录入的 ${n.year} 年放假通知？`}
            description="该年恢复为内置日历（或法定节假日推算）"
            okText="删除"
            cancelText="取消"
            onConfirm={() => removeNotice(n.year)}
          >
            <Tag color="blue" style={{ cursor: 'pointer', marginInlineEnd: 0 }} title={`${n.enteredOn} 录入；点击可删除`}>
              {n.year} 年通知已录入（放假 {n.holidays.length} 天，调休上班 {n.workdays.length} 天）
            </Tag>
          </Popconfirm>
        ))}
      </Flex>
      <HolidayNoticeDialog open={noticeOpen} onClose={() => setNoticeOpen(false)} />
      {LISTS.map(({ key, other, label, hint, color }) => (
        // Enter in the date box adds the day; it must not also submit the settings form around it.
        <div key={key} style={{ marginBottom: 10 }} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}>
          <Flex align="center" gap={8} style={{ marginBottom: 4 }}>
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
              {label}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {hint}
            </Typography.Text>
            <DatePicker
              size="small"
              value={null}
              placeholder="添加日期"
              aria-label={`添加${label}`}
              format="YYYY-MM-DD"
              disabled={saving}
              onChange={(day) => add(key, other, label, day)}
              style={{ width: 128, marginInlineStart: 'auto' }}
            />
          </Flex>
          <Flex wrap gap={4} role="list" aria-label={label} data-testid={`calendar-${key}`}>
            {days[key].length === 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                无
              </Typography.Text>
            ) : (
              days[key].map((date) => (
                <Tag
                  key={date}
                  role="listitem"
                  color={color}
                  closable={!saving}
                  onClose={(e) => {
                    e.preventDefault();
                    remove(key, label, date);
                  }}
                  style={{ marginInlineEnd: 0 }}
                >
                  {date}
                </Tag>
              ))
            )}
          </Flex>
        </div>
      ))}
    </SettingsCard>
  );
}
