import { Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { CADRE_LEVEL_LABELS, CANTEEN_KINDS, GRADES, REGION_LEVELS, SCALES } from '@shared/domain/schemas';
import { FALLBACK_LABELS, FALLBACK_RULES } from '@shared/rules/fallback';
import { HOLIDAY_NAMES } from '@shared/visits/types';
import { required } from '../../forms/validators';
import { presentWholeNumber, wholeNumber } from './profile-values';

const CARD_STYLES = { body: { padding: '10px 14px 2px' }, header: { minHeight: 38 } } as const;
const LEVEL_OPTIONS = REGION_LEVELS.map((level) => ({ value: level, label: CADRE_LEVEL_LABELS[level] }));
const GRADE_OPTIONS = GRADES.map((grade) => ({ value: grade, label: `${grade}级` }));
const HOLIDAY_OPTIONS = HOLIDAY_NAMES.map((name) => ({ value: name, label: name }));
const HINT = { fontSize: 12 } as const;
const ORG_LEVEL_OPTIONS = [
  { value: 'city', label: '市级市场监督管理局' },
  { value: 'county', label: '旗区级市场监督管理局' },
];

export function SettingsCard({
  title,
  extra,
  children,
  testId,
}: {
  readonly title: string;
  readonly extra?: ReactNode;
  readonly children: ReactNode;
  readonly testId?: string;
}) {
  return (
    <Card size="small" title={title} extra={extra} styles={CARD_STYLES} data-testid={testId}>
      {children}
    </Card>
  );
}

/** 基本信息: who the office is and whose name goes into the 操作日志. */
export function BasicCard() {
  return (
    <SettingsCard title="基本信息">
      <Form.Item name="orgName" label="单位名称" rules={[required('请填写单位名称')]}>
        <Input maxLength={60} placeholder="如：鄂尔多斯市市场监督管理局" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="orgLevel" label="单位层级">
            <Select options={ORG_LEVEL_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="planYear" label="计划年度" rules={wholeNumber('计划年度', 2000, 2100)}>
            <InputNumber style={{ width: '100%' }} suffix="年" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="operatorName" label="操作人" rules={[required('请填写操作人姓名')]} extra="记入操作日志的姓名">
        <Input maxLength={30} />
      </Form.Item>
    </SettingsCard>
  );
}

/** 数据安全: how many backups the data folder keeps. */
export function BackupCard() {
  return (
    <SettingsCard title="数据安全">
      <Form.Item
        name="backupKeep"
        label="保留备份份数"
        rules={wholeNumber('保留备份份数', 3, 200, ' 份')}
        extra="数据文件夹中保留的最近备份，3～200 份"
      >
        <InputNumber style={{ width: 140 }} suffix="份" />
      </Form.Item>
    </SettingsCard>
  );
}

/** 包保规则: which cadre level guarantees each grade, the soft cap of 主体 per cadre, and the 包保全覆盖 fallbacks. */
export function AssignRulesCard() {
  return (
    <SettingsCard title="包保规则">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        各等级主体由哪一级干部包保
      </Typography.Text>
      <Row gutter={12} style={{ marginTop: 6 }}>
        {GRADES.map((grade) => (
          <Col span={12} key={grade}>
            <Form.Item
              name={['gradeLevel', grade]}
              label={`${grade}级主体`}
              layout="horizontal"
              labelCol={{ flex: '64px' }}
              style={{ marginBottom: 10 }}
            >
              <Select options={LEVEL_OPTIONS} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        每名干部包保主体上限（户），超出时在“包保关系”中提示
      </Typography.Text>
      <Row gutter={12} style={{ marginTop: 6 }}>
        {REGION_LEVELS.map((level) => (
          <Col span={12} key={level}>
            <Form.Item
              name={['loadCap', level]}
              label={CADRE_LEVEL_LABELS[level]}
              layout="horizontal"
              labelCol={{ flex: '64px' }}
              style={{ marginBottom: 10 }}
              rules={wholeNumber(`${CADRE_LEVEL_LABELS[level]}干部包保上限`, 1, 100000, ' 户')}
            >
              <InputNumber style={{ width: '100%' }} suffix="户" />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={HINT}>
        兜底规则（包保全覆盖）：按上面的规则找不到在岗干部时，按以下规则分配，并在分配原因中注明
      </Typography.Text>
      {FALLBACK_RULES.map((rule) => (
        <Form.Item key={rule} name={['assignFallbacks', rule]} valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox>{FALLBACK_LABELS[rule]}</Checkbox>
        </Form.Item>
      ))}
      <Typography.Text type="secondary" style={HINT}>
        主体开业、停业、注销或等级变更后的期限（工作日）{' '}
        <Tooltip title="各地规定不同（如广元：市场监管 15 个工作日内报告，其后 7 个工作日内调整包保关系），请对照本地最新通知核对">
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            按本地最新通知核对
          </Tag>
        </Tooltip>
      </Typography.Text>
      <Row gutter={12} style={{ marginTop: 6 }}>
        <Col span={12}>
          <Form.Item name={['statusDeadlines', 'reportDays']} label="市场监管报告" rules={wholeNumber('报告期限', 1, 60, ' 个工作日')}>
            <InputNumber style={{ width: '100%' }} suffix="个工作日" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['statusDeadlines', 'adjustDays']} label="其后调整包保关系" rules={wholeNumber('调整期限', 1, 60, ' 个工作日')}>
            <InputNumber style={{ width: '100%' }} suffix="个工作日" />
          </Form.Item>
        </Col>
      </Row>
    </SettingsCard>
  );
}

/** 督导规则: visits a year per grade and per cadre level, 现场 grades, 节前 visits, the weekly cap and the 问题整改 time limits (docs/domain.md#督导的规则). */
export function VisitRulesCard() {
  const mark = (
    <Tooltip title="2024 年国家层面的通知优化了包保督导频次，各地按本省（区）最新通知执行：请对照本地最新通知核对以下次数和要求">
      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
        按本地最新通知核对
      </Tag>
    </Tooltip>
  );
  return (
    <SettingsCard title="督导规则" extra={mark} testId="visit-rules">
      <Typography.Text type="secondary" style={HINT}>
        每个主体每年督导次数（4 次即每季度至少一次）
      </Typography.Text>
      <Row gutter={8} style={{ marginTop: 4 }}>
        {GRADES.map((grade) => (
          <Col span={6} key={grade}>
            <Form.Item
              name={['visitRules', 'perYearByGrade', grade]}
              label={`${grade}级`}
              rules={presentWholeNumber(`${grade}级主体每年督导次数`)}
            >
              <InputNumber style={{ width: '100%' }} suffix="次" />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={HINT}>
        按包保干部层级的最少次数（0 = 只按等级；两者取较多的）
      </Typography.Text>
      <Row gutter={8} style={{ marginTop: 4 }}>
        {REGION_LEVELS.map((level) => (
          <Col span={6} key={level}>
            <Form.Item
              name={['visitRules', 'perYearByLevel', level]}
              label={CADRE_LEVEL_LABELS[level]}
              rules={presentWholeNumber(`${CADRE_LEVEL_LABELS[level]}干部每年督导次数`)}
            >
              <InputNumber style={{ width: '100%' }} suffix="次" />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item
        name={['visitRules', 'onSiteGrades']}
        label="须现场督导的高风险等级"
        extra="这些等级的主体只能记录现场督导，集中或视频督导不算完成"
      >
        <Checkbox.Group options={GRADE_OPTIONS} />
      </Form.Item>
      <Form.Item name={['visitRules', 'holidayExtras', 'holidays']} label="节前加密督导" extra="在所选节日放假前增加一次督导；不选则不安排">
        <Select mode="multiple" allowClear options={HOLIDAY_OPTIONS} placeholder="选择节日" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name={['visitRules', 'holidayExtras', 'grades']} label="节前督导的主体等级">
            <Checkbox.Group options={GRADE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name={['visitRules', 'holidayExtras', 'workingDaysBefore']} label="节前天数" rules={presentWholeNumber('节前天数')}>
            <InputNumber style={{ width: '100%' }} suffix="个工作日" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={['visitRules', 'weeklyCapPerCadre']}
        label="每周督导上限"
        rules={presentWholeNumber('每周督导上限')}
        extra="每名干部每周最多安排的督导次数"
      >
        <InputNumber style={{ width: 140 }} suffix="次/周" />
      </Form.Item>
      <Typography.Text type="secondary" style={HINT}>
        问题整改时限：超过即列入“问题整改台账”的逾期清单（整改按每个问题的整改期限）
      </Typography.Text>
      <Row gutter={12} style={{ marginTop: 4 }}>
        <Col span={12}>
          <Form.Item name={['visitRules', 'problemDays', 'assign']} label="发现后交办" rules={presentWholeNumber('交办时限')}>
            <InputNumber style={{ width: '100%' }} suffix="个工作日内" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['visitRules', 'problemDays', 'review']} label="整改后复核" rules={presentWholeNumber('复核时限')}>
            <InputNumber style={{ width: '100%' }} suffix="个工作日内" />
          </Form.Item>
        </Col>
      </Row>
    </SettingsCard>
  );
}

/** 食品安全总监规则 (docs/domain.md#企业主体责任的规则): which 企业 must appoint a 总监. */
export function DirectorCard() {
  return (
    <SettingsCard title="食品安全总监规则">
      <Form.Item name={['directorRule', 'scales']} label="需配备食品安全总监的企业规模" style={{ marginBottom: 10 }}>
        <Checkbox.Group options={SCALES.map((s) => ({ value: s, label: s }))} />
      </Form.Item>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        集中用餐单位食堂：每餐就餐人数达到以下人数需配备总监
      </Typography.Text>
      <Row gutter={8} style={{ marginTop: 4 }}>
        {CANTEEN_KINDS.map((kind) => (
          <Col span={12} key={kind}>
            <Form.Item
              name={['directorRule', 'canteenHeadcount', kind]}
              label={kind}
              rules={wholeNumber(`${kind}食堂就餐人数`, 0, 1000000, ' 人')}
            >
              <InputNumber style={{ width: '100%' }} suffix="人" />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </SettingsCard>
  );
}
