import { ApartmentOutlined, DisconnectOutlined, ReloadOutlined, SwapOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Tooltip, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { RegionIndex } from '@shared/domain/regions';
import type { Cadre, Entity } from '@shared/domain/schemas';
import { AutoAssignModal } from '../components/assignments/AutoAssignModal';
import { confirmRelease } from '../components/assignments/confirm-release';
import { EntityChanges } from '../components/assignments/EntityChanges';
import { loadHistograms } from '../components/assignments/load-buckets';
import { ReassignModal } from '../components/assignments/ReassignModal';
import { ReplaceCadreModal } from '../components/assignments/ReplaceCadreModal';
import { useAssignmentData } from '../components/assignments/useAssignmentData';
import { useElementSize } from '../components/assignments/useElementSize';
import { VIOLATION_SHORT_LABELS, type ViolationKind } from '../components/assignments/violation-kinds';
import { ViolationSummary } from '../components/assignments/ViolationSummary';
import { violationKey, ViolationTable } from '../components/assignments/ViolationTable';
import { CadreDetailDrawer } from '../components/CadreDetailDrawer';
import { CadreForm } from '../components/CadreForm';
import { LoadChart } from '../components/charts/LoadChart';
import { EntityDetailDrawer } from '../components/EntityDetailDrawer';
import { EntityForm } from '../components/EntityForm';
import { LoadProblem } from '../components/LoadProblem';
import { DrillDownTag } from '../components/dashboard/DrillDownTag';
import { hashParams } from '../hooks/useHashScreen';
import { usePanel } from '../hooks/usePanel';
import { useReference } from '../hooks/useReference';

const CHART_WIDTH = 340;

/** 包保关系 (docs/domain.md#包保关系的规则): violations, bulk reassign/release, auto-assignment, 干部变动, load chart. */
export function AssignmentsPage() {
  // 首页概览's 违规 card opens this screen for its scope (#/assignments?regionId=…).
  const [regionId, setRegionId] = useState(() => hashParams().get('regionId') ?? '');
  const data = useAssignmentData(regionId);
  const app = App.useApp();
  const [kind, setKind] = useState<ViolationKind | null>(null);
  const [selectedKeys, setSelectedKeys] = useState<string[]>([]);
  const [tableBox, tableSize] = useElementSize<HTMLDivElement>();
  const [chartBox, chartSize] = useElementSize<HTMLDivElement>();
  const regionList = useReference('regions:list');
  const regions = regionList.value ?? [];

  const reassign = usePanel(false);
  const autoAssign = usePanel(false);
  const replace = usePanel(false);
  const entityDetail = usePanel<string | null>(null);
  const cadreDetail = usePanel<string | null>(null);
  const entityEditor = usePanel<Entity | null>(null);
  const cadreEditor = usePanel<Cadre | null>(null);

  const items = data.violations?.items;
  const rows = useMemo(() => (items ? (kind ? items.filter((v) => v.kind === kind) : items) : []), [items, kind]);
  const histograms = useMemo(() => loadHistograms(data.loads ?? []), [data.loads]);

  // The 主体 behind the selected rows, each once (a 主体 can break several rules).
  const selectedEntities = useMemo(() => {
    const wanted = new Set(selectedKeys);
    const seen = new Map<string, string>();
    for (const v of items ?? []) if (v.entityId && wanted.has(violationKey(v)) && !seen.has(v.entityId)) seen.set(v.entityId, v.entityName);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [items, selectedKeys]);

  /** 刷新: everything on the screen is read again. */
  const refresh = useCallback(() => {
    setSelectedKeys([]);
    data.reload();
  }, [data]);
  // After a change the selection goes; the change has made the screen's reads stale (INVALIDATES in
  // renderer/api/queries.ts), which reads each again once: reloading here too asked each twice.
  const afterChange = useCallback(() => setSelectedKeys([]), []);

  const chooseKind = (next: ViolationKind | null) => {
    setKind(next);
    setSelectedKeys([]);
  };

  const nothing = selectedEntities.length === 0;
  return (
    <Flex vertical style={{ height: '100%', minHeight: 0 }}>
      {(data.violations?.integrity.length ?? 0) > 0 && (
        <Alert
          type="error"
          showIcon
          title="数据不一致（编号重复或指向不存在的记录），请从备份恢复"
          description={data.violations?.integrity.map((problem) => (
            <div key={problem}>{problem}</div>
          ))}
          style={{ marginBottom: 10 }}
        />
      )}
      <ViolationSummary counts={data.violations?.counts ?? null} selected={kind} onSelect={chooseKind} />
      <Flex gap={8} align="center" style={{ marginBottom: 10 }}>
        {regionId && <DrillDownTag text={`只看 ${new RegionIndex(regions).path(regionId)}`} onClear={() => setRegionId('')} />}
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {nothing ? `共 ${rows.length} 条，勾选主体后可批量处理` : `已选 ${selectedEntities.length} 个主体`}
        </Typography.Text>
        <Tooltip title={nothing ? '请先在下表勾选主体' : ''}>
          <Button icon={<SwapOutlined />} disabled={nothing} onClick={() => reassign.show(true)}>
            调整包保干部…
          </Button>
        </Tooltip>
        <Tooltip title={nothing ? '请先在下表勾选主体' : ''}>
          <Button
            icon={<DisconnectOutlined />}
            danger
            disabled={nothing}
            onClick={() =>
              confirmRelease(
                app,
                selectedEntities.map((e) => e.id),
                afterChange,
              )
            }
          >
            解除包保
          </Button>
        </Tooltip>
        <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
          <Button type="primary" icon={<ApartmentOutlined />} onClick={() => autoAssign.show(true)}>
            自动分配…
          </Button>
          <Button icon={<UserSwitchOutlined />} onClick={() => replace.show(true)}>
            干部变动（移交）…
          </Button>
          <EntityChanges regionId={regionId} />
          <Tooltip title="重新读取">
            <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={refresh} loading={data.loading} />
          </Tooltip>
        </Flex>
      </Flex>
      <LoadProblem text={data.error} onRetry={data.reload} />
      <Flex gap={12} style={{ flex: 1, minHeight: 0 }}>
        <div ref={tableBox} style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
          <ViolationTable
            rows={rows}
            loading={data.loading}
            width={tableSize.width}
            height={tableSize.height}
            emptyText={kind ? `没有“${VIOLATION_SHORT_LABELS[kind]}”的情况` : '没有违反包保规则的情况'}
            selectedKeys={selectedKeys}
            onSelect={setSelectedKeys}
            onOpenEntity={entityDetail.show}
            onOpenCadre={cadreDetail.show}
          />
        </div>
        <section
          aria-label="干部包保负担分布"
          style={{
            width: CHART_WIDTH,
            flex: 'none',
            display: 'flex',
            flexDirection: 'column',
            border: '1px solid #f0f0f0',
            borderRadius: 8,
            padding: '6px 10px 0',
          }}
        >
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
            干部包保负担分布
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {' '}
              横轴：包保户数，纵轴：干部人数
            </Typography.Text>
          </Typography.Text>
          <div ref={chartBox} style={{ flex: 1, minHeight: 0, overflow: 'hidden' }}>
            {histograms.length > 0 ? (
              <LoadChart histograms={histograms} height={chartSize.height} />
            ) : (
              <Typography.Text type="secondary">{data.loading ? '正在读取…' : '还没有包保干部'}</Typography.Text>
            )}
          </div>
        </section>
      </Flex>

      <ReassignModal
        open={reassign.open}
        entities={selectedEntities}
        caps={data.caps}
        onClose={reassign.hide}
        onDone={() => {
          reassign.hide();
          afterChange();
        }}
      />
      <AutoAssignModal
        open={autoAssign.open}
        onClose={autoAssign.hide}
        onApplied={() => {
          autoAssign.hide();
          afterChange();
        }}
      />
      <ReplaceCadreModal
        open={replace.open}
        caps={data.caps}
        onClose={replace.hide}
        onDone={() => {
          replace.hide();
          afterChange();
        }}
      />
      <EntityDetailDrawer
        open={entityDetail.open}
        id={entityDetail.target}
        onClose={entityDetail.hide}
        onEdit={entityEditor.show}
        onDeleted={() => {
          entityDetail.hide();
          afterChange();
        }}
      />
      <CadreDetailDrawer
        open={cadreDetail.open}
        id={cadreDetail.target}
        onClose={cadreDetail.hide}
        onEdit={cadreEditor.show}
        onDeleted={() => {
          cadreDetail.hide();
          afterChange();
        }}
      />
      {/* Siblings of the drawers, not inside them: Esc in a form then closes only the form. */}
      <EntityForm
        open={entityEditor.open}
        entity={entityEditor.target}
        regions={regions}
        onClose={entityEditor.hide}
        onSaved={() => {
          entityEditor.hide();
          afterChange();
        }}
      />
      <CadreForm
        open={cadreEditor.open}
        cadre={cadreEditor.target}
        regions={regions}
        onClose={cadreEditor.hide}
        onSaved={() => {
          cadreEditor.hide();
          afterChange();
        }}
      />
    </Flex>
  );
}
