import { ExportOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { RecordKind } from '@shared/records/types';
import { ColumnTemplateEditor } from '../components/ColumnTemplateEditor';
import { BattleMapCard } from '../components/export/BattleMapCard';
import { HandbookCard } from '../components/export/HandbookCard';
import { DownPackageCard } from '../components/packages/DownPackageCard';
import { PackageCard } from '../components/packages/PackageCard';
import { PrintViewsCard } from '../components/export/PrintViewsCard';
import { ReportCard } from '../components/export/ReportCard';
import { ReturnedRecordsCard } from '../components/export/ReturnedRecordsCard';
import { useReference } from '../hooks/useReference';
import { KIND_INFOS } from '../import/kinds';

const LIST_NOTES: Readonly<Record<RecordKind, string>> = {
  entities: '全部包保主体，含区划、等级、负责人、主体责任落实情况和当前包保干部。只导出筛选结果请到“包保主体”列表点“导出”。',
  cadres: '全部包保干部，含单位、职务、层级、包保区域、承诺书和包保主体数。',
  regulators: '网格监管人员及其负责的区域。',
  regions: '行政区划：旗区、乡镇（街道、苏木）、村（社区、嘎查）及区划代码。',
  assignments: '当前包保关系：主体、包保干部及层级、起始日期。',
};

/** 导出与打印: 名单导出 with column templates, 上报报表, 作战图, 上报包, 工作手册 and 录入交回的督导记录表. */
export function ExportPage() {
  const [kind, setKind] = useState<RecordKind | null>(null);
  const [lastKind, setLastKind] = useState<RecordKind>('entities');
  const regions = useReference('regions:list').value ?? [];
  return (
    <Flex vertical gap={16} style={{ height: '100%', minHeight: 0, overflowY: 'auto' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        导出与打印
      </Typography.Title>
      <Card
        title="名单导出"
        size="small"
        extra={<Typography.Text type="secondary">导出为带标题、表头、边框和页码的 Excel 表，可直接打印或上报</Typography.Text>}
      >
        <Flex vertical>
          {KIND_INFOS.map((info) => (
            <Flex key={info.kind} align="center" gap={16} className="export-row" style={{ paddingBlock: 4 }}>
              <Typography.Text strong style={{ width: 126, flex: 'none', whiteSpace: 'nowrap' }}>
                {info.label}名单
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis={{ tooltip: LIST_NOTES[info.kind] }} style={{ flex: 1, minWidth: 0 }}>
                {LIST_NOTES[info.kind]}
              </Typography.Text>
              <Button
                size="small"
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
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1.25fr', gap: 16, flex: 1, minHeight: 0 }}>
        <Flex vertical gap={16} style={{ minWidth: 0 }}>
          <ReportCard regions={regions} />
          <BattleMapCard />
          <PackageCard regions={regions} />
          <DownPackageCard />
        </Flex>
        <div style={{ minWidth: 0 }}>
          <HandbookCard regions={regions} />
        </div>
        <Flex vertical gap={16} style={{ minWidth: 0, minHeight: 0 }}>
          <PrintViewsCard regions={regions} />
          {/* Room for the list of what a returned file recorded; the page scrolls below it. */}
          <div style={{ flex: 1, minHeight: 280 }}>
            <ReturnedRecordsCard />
          </div>
        </Flex>
      </div>
      <ColumnTemplateEditor open={kind !== null} kind={kind ?? lastKind} scope="全部" onClose={() => setKind(null)} />
    </Flex>
  );
}
