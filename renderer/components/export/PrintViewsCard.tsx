import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { CADRE_LEVEL_LABELS, REGION_LEVELS, type CadreLevel, type Region } from '@shared/domain/schemas';
import { openScreen } from '../../hooks/useHashScreen';
import { CadrePicker, type PickedCadre } from '../CadrePicker';
import { RegionTreeSelect } from '../RegionTreeSelect';
import { useYearChoice } from './useAppInfo';
import { YearInput } from './YearInput';

const LEVEL_OPTIONS = REGION_LEVELS.map((level) => ({ value: level, label: `${CADRE_LEVEL_LABELS[level]}干部` }));

/** 打印与 PDF: opens the A4 print views of the 一封信 (for a year, the plan year unless chosen) and the 工作手册. */
export function PrintViewsCard({ regions }: { readonly regions: readonly Region[] }) {
  const [cadre, setCadre] = useState<PickedCadre | null>(null);
  const cadreId = cadre?.id ?? '';
  const [regionId, setRegionId] = useState('');
  const [level, setLevel] = useState<CadreLevel | undefined>(undefined);
  const [year, setYear] = useYearChoice();
  // Empty until the plan year is known: the letters view then uses the plan year itself.
  const letterYear = String(year ?? '');
  return (
    <Card
      title="打印与 PDF"
      size="small"
      data-testid="export-print"
      extra={<Typography.Text type="secondary">A4 纸，可直接打印或另存为 PDF</Typography.Text>}
    >
      <Flex vertical gap={8}>
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">一封信的年度：</Typography.Text>
          <YearInput aria-label="一封信的年度" value={year} onChange={setYear} />
        </Flex>
        <Typography.Text type="secondary">一名干部的致包保领导的一封信或工作手册：</Typography.Text>
        <CadrePicker value={cadre} onChange={setCadre} />
        <Flex gap={8} justify="flex-end">
          <Button
            icon={<PrinterOutlined />}
            disabled={!cadreId}
            onClick={() => openScreen('letters', { cadre: cadreId, year: letterYear })}
          >
            一封信
          </Button>
          <Button icon={<PrinterOutlined />} disabled={!cadreId} onClick={() => openScreen('handbook-print', { cadre: cadreId })}>
            工作手册
          </Button>
        </Flex>
        <Typography.Text type="secondary">按区划或层级批量打印一封信（在岗干部，每人一页）：</Typography.Text>
        <Flex gap={8}>
          <RegionTreeSelect
            regions={regions}
            value={regionId}
            onChange={setRegionId}
            placeholder="区划（含下级）"
            allowClear
            aria-label="一封信的区划"
            style={{ flex: 1, minWidth: 0 }}
          />
          <Select<CadreLevel>
            aria-label="一封信的干部层级"
            placeholder="全部层级"
            allowClear
            value={level}
            options={LEVEL_OPTIONS}
            onChange={setLevel}
            style={{ width: 120 }}
          />
        </Flex>
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!regionId && !level}
            onClick={() => openScreen('letters', { region: regionId, level: level ?? '', year: letterYear })}
          >
            批量打印一封信
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
