import { ApartmentOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Col, Flex, Form, Row, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '@shared/api/contract';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { LoadProblem } from '../components/LoadProblem';
import { CalendarDaysCard, type CalendarDays } from '../components/settings/CalendarDaysCard';
import { ChecklistCard } from '../components/settings/ChecklistCard';
import { InspectionItemsCard } from '../components/settings/InspectionItemsCard';
import { LetterTemplateCard } from '../components/settings/LetterTemplateCard';
import { RegionEditorDrawer } from '../components/settings/RegionEditorDrawer';
import { YearSwitch } from '../components/settings/YearSwitch';
import { AssignRulesCard, BackupCard, BasicCard, DirectorCard, VisitRulesCard } from '../components/settings/ProfileCards';
import { toProfileValues, type ProfileValues } from '../components/settings/profile-values';
import { showApiErrorOnForm } from '../forms/api-errors';
import { useUnsavedChanges } from '../navigation/unsaved';

export interface SettingsPageProps {
  /** The header shows the office name and plan year: after they change, the app reads them again. */
  readonly onAppInfoChanged: (info: AppInfo) => void;
}

interface Loaded {
  readonly values: ProfileValues;
  readonly days: CalendarDays;
  readonly notes: readonly string[];
}

/** 设置 (docs/domain.md#设置的规则): the policy profile every rule reads from, and the office's calendar days. */
export function SettingsPage({ onAppInfoChanged }: SettingsPageProps) {
  const [form] = Form.useForm<ProfileValues>();
  const { message } = App.useApp();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [regionsOpen, setRegionsOpen] = useState(false);
  // Leaving 设置 (side menu, menu commands) asks 「放弃修改？」 while changes are unsaved.
  useUnsavedChanges(dirty);

  useEffect(() => {
    let live = true;
    api('profile:get', {}).then(
      ({ profile, calendar, calendarNotes }) => {
        if (!live) return;
        setLoaded({ values: toProfileValues(profile), days: calendar, notes: calendarNotes });
        setError('');
      },
      (e: unknown) => live && setError(`设置读取失败：${errorText(e)}`),
    );
    return () => {
      live = false;
    };
  }, [round]);

  const save = async (values: ProfileValues) => {
    if (!loaded) return;
    setSaving(true);
    try {
      const saved = toProfileValues(await api('profile:save', values));
      const before = loaded.values;
      setLoaded({ ...loaded, values: saved });
      form.setFieldsValue(saved);
      setDirty(false);
      message.success('设置已保存');
      if (saved.orgName !== before.orgName || saved.planYear !== before.planYear) {
        // The plan year also decides the calendar notes shown here.
        const [info, profile] = await Promise.all([api('app:info', {}), api('profile:get', {})]);
        setLoaded({ values: saved, days: profile.calendar, notes: profile.calendarNotes });
        onAppInfoChanged(info);
      }
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setSaving(false);
    }
  };

  // After 年度切换: the plan year (form, calendar notes) and the header, as the service now has them.
  const readAgain = async () => {
    const [info, profile] = await Promise.all([api('app:info', {}), api('profile:get', {})]);
    const values = toProfileValues(profile.profile);
    form.setFieldsValue(values);
    setLoaded({ values, days: profile.calendar, notes: profile.calendarNotes });
    onAppInfoChanged(info);
  };

  const revert = useCallback(() => {
    if (!loaded) return;
    form.resetFields();
    form.setFieldsValue(loaded.values);
    setDirty(false);
  }, [form, loaded]);

  if (!loaded) {
    return error ? (
      <LoadProblem text={error} onRetry={() => setRound((n) => n + 1)} />
    ) : (
      <Spin description="正在读取设置…" style={{ marginTop: 80 }} />
    );
  }

  return (
    <Form<ProfileValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={loaded.values}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void save(values)}
      onFinishFailed={() => message.error('有填写不正确的项目，请按红色提示修改后再保存')}
      style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}
    >
      <Flex align="center" gap={8} style={{ marginBottom: 10 }}>
        <Typography.Text type="secondary">各项规则都从这里读取：包保关系检查、自动分配、督导计划、食品安全总监判断和备份。</Typography.Text>
        {dirty && <Tag color="orange">有未保存的修改</Tag>}
        <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
          <YearSwitch planYear={loaded.values.planYear} disabled={dirty || saving} onOpened={() => void readAgain()} />
          <Button icon={<ApartmentOutlined />} onClick={() => setRegionsOpen(true)}>
            行政区划…
          </Button>
          <Button icon={<UndoOutlined />} onClick={revert} disabled={!dirty || saving}>
            还原
          </Button>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            保存设置
          </Button>
        </Flex>
      </Flex>
      <div style={{ flex: 1, minHeight: 0, overflowY: 'auto', overflowX: 'hidden', paddingInlineEnd: 2 }}>
        <Row gutter={12}>
          <Col span={8}>
            <Flex vertical gap={12}>
              <BasicCard />
              <BackupCard />
            </Flex>
          </Col>
          <Col span={8}>
            <Flex vertical gap={12}>
              <AssignRulesCard />
              <VisitRulesCard />
            </Flex>
          </Col>
          <Col span={8}>
            <Flex vertical gap={12}>
              <DirectorCard />
              <CalendarDaysCard
                days={loaded.days}
                notes={loaded.notes}
                onSaved={(days, notes) => setLoaded((l) => l && { ...l, days, notes })}
              />
            </Flex>
          </Col>
        </Row>
        <Flex vertical gap={12} style={{ marginTop: 12 }}>
          <ChecklistCard />
          <InspectionItemsCard />
          <LetterTemplateCard onChanged={() => setDirty(true)} />
        </Flex>
      </div>
      <RegionEditorDrawer open={regionsOpen} onClose={() => setRegionsOpen(false)} />
    </Form>
  );
}
