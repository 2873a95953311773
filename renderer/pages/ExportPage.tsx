import { ExportOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RecordKind } from '@shared/records/types';
import { ColumnTemplateEditor } from '../components/ColumnTemplateEditor';
import { KIND_INFOS } from '../import/kinds';

const LIST_NOTES: Readonly<Record<RecordKind, string>> = {
  entities: '全部包保主体，含区划、等级、负责人、主体责任落实情况和当前包保干部。只导出筛选结果请到“包保主体”列表点“导出”。',
  cadres: '全部包保干部，含单位、职务、层级、包保区域、承诺书和包保主体数。',
  regulators: '网格监管人员及其负责的区域。',
  regions: '行政区划：旗区、乡镇（街道、苏木）、村（社区、嘎查）及区划代码。',
  assignments: '当前包保关系：主体、包保干部及层级、起始日期。',
};

const COMING = ['包保干部工作手册', '致包保领导的一封信', '包保工作情况统计表', '作战图'];

/** 导出与打印: 名单导出 with column templates; the documents come in later issues. */
export function ExportPage() {
  const [kind, setKind] = useState<RecordKind | null>(null);
  const [lastKind, setLastKind] = useState<RecordKind>('entities');
  return (
    <Flex vertical gap={16} style={{ height: '100%', minHeight: 0, overflowY: 'auto' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        导出与打印
      </Typography.Title>
      <Card title="名单导出" size="small" extra={<Typography.Text type="secondary">导出为带标题、表头、边框和页码的 Excel 表，可直接打印或上报</Typography.Text>}>
        <Flex vertical>
          {KIND_INFOS.map((info) => (
            <Flex key={info.kind} align="center" gap={16} className="export-row">
              <Typography.Text strong style={{ width: 110, flex: 'none' }}>
                {info.label}名单
              </Typography.Text>
              <Typography.Text type="secondary" style={{ flex: 1, minWidth: 0 }}>
                {LIST_NOTES[info.kind]}
              </Typography.Text>
              <Button
                icon={<ExportOutlined />}
                onClick={() => {
                  setKind(info.kind);
                  setLastKind(info.kind);
                }}
              >
                选择列并导出
              </Button>
            </Flex>
          ))}
        </Flex>
      </Card>
      <Card title="文书与报表" size="small">
        <Flex gap={8} wrap align="center">
          {COMING.map((name) => (
            <Tag key={name} icon={<FileTextOutlined />} style={{ padding: '4px 10px' }}>
              {name}
            </Tag>
          ))}
          <Tag color="orange">建设中</Tag>
          <Typography.Text type="secondary">这些文书将在后续版本中在此生成和打印。</Typography.Text>
        </Flex>
      </Card>
      <ColumnTemplateEditor open={kind !== null} kind={kind ?? lastKind} scope="全部" onClose={() => setKind(null)} />
    </Flex>
  );
}
