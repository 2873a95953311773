import { ApartmentOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Col, Flex, Form, Row, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { showAnswer, useApiQuery } from '../api/queries';
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
import { onCheckFailed } from '../forms/finish-failed';

/**
 * 设置 (docs/domain.md#设置的规则): the policy profile every rule reads from, and the office's calendar days.
 * A saved change (or 年度切换) makes the header's office name and plan year read again (INVALIDATES).
 */
export function SettingsPage() {
  const [form] = Form.useForm<ProfileValues>();
  const { message } = App.useApp();
  const profile = useApiQuery('profile:get', {}, { readOnOpen: true });
  const loaded = profile.result;
  const values = useMemo(() => loaded && toProfileValues(loaded.profile), [loaded]);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [regionsOpen, setRegionsOpen] = useState(false);
  // Leaving 设置 (side menu, menu commands) asks 「放弃修改？」 while changes are unsaved.
  useUnsavedChanges(dirty);

  // The form follows the profile as the service has it (after a save, 年度切换, a calendar notice)
  // unless the clerk has changes of their own.
  useEffect(() => {
    if (values && !dirty) form.setFieldsValue(values);
  }, [values, dirty, form]);

  const save = async (next: ProfileValues) => {
    if (!loaded) return;
    setSaving(true);
    try {
      // Shown at once; the calendar notes (they follow the plan year) are read again with the rest.
      showAnswer('profile:get', {}, { ...loaded, profile: await api('profile:save', next) });
      setDirty(false);
      // One notice however quickly the clerk saves again: a second save replaces the first's.
      message.success({ content: '设置已保存', key: 'settings-saved' });
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setSaving(false);
    }
  };

  const revert = useCallback(() => {
    if (!values) return;
    form.resetFields();
    form.setFieldsValue(values);
    setDirty(false);
  }, [form, values]);

  if (!loaded || !values) {
    return profile.error ? (
      <LoadProblem text={`设置读取失败：${profile.error}`} onRetry={profile.reload} />
    ) : (
      <Spin description="正在读取设置…" style={{ marginTop: 80 }} />
    );
  }

  return (
    <Form<ProfileValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={values}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void save(values)}
      onFinishFailed={onCheckFailed(form, message)}
      style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}
    >
      <Flex align="center" gap={8} style={{ marginBottom: 10 }}>
        <Typography.Text type="secondary">各项规则都从这里读取：包保关系检查、自动分配、督导计划、食品安全总监判断和备份。</Typography.Text>
        {dirty && <Tag color="orange">有未保存的修改</Tag>}
        <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
          <YearSwitch planYear={values.planYear} disabled={dirty || saving} />
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
                days={loaded.calendar}
                notes={loaded.calendarNotes}
                onSaved={(days: CalendarDays, notes) => showAnswer('profile:get', {}, { ...loaded, calendar: days, calendarNotes: notes })}
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
