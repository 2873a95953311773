import { ENTITY_STATUSES, ENTITY_TYPES, GRADES, SCALES, type Entity } from '@shared/domain/schemas';
import { DUTY_KEYS } from '@shared/stats/tally';
import { EntityDetailDrawer } from '../components/EntityDetailDrawer';
import { EntityForm } from '../components/EntityForm';
import { EntityToolbar, type EntityFilters } from '../components/EntityToolbar';
import { ENTITY_COLUMNS } from '../components/list/entity-columns';
import { ListScreen } from '../components/list/ListScreen';
import { hashParams } from '../hooks/useHashScreen';
import { NO_ENTITY_FILTERS } from '../navigation/first-reads';
import { useReference } from '../hooks/useReference';

/**
 * Filters the list was opened with (a drill-down: #/entities?regionId=…&grades=B, ?lacking=safetyDirector
 * or ?scales=大型 from 首页概览, or ?regulatorId=… from 网格监管);
 * unknown values are ignored. Lists are comma-separated.
 */
function filtersFromAddress(): EntityFilters {
  const params = hashParams();
  const list = <T extends string>(name: string, allowed: readonly T[]): T[] =>
    (params.get(name) ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  const assigned = params.get('assigned');
  const [lacking = ''] = list('lacking', DUTY_KEYS);
  return {
    text: params.get('text') ?? '',
    regionId: params.get('regionId') ?? '',
    grades: list('grades', GRADES),
    types: list('types', ENTITY_TYPES),
    statuses: list('statuses', ENTITY_STATUSES),
    assigned: assigned === 'yes' || assigned === 'no' ? assigned : 'any',
    regulatorId: params.get('regulatorId') ?? '',
    scales: list('scales', SCALES),
    lacking,
  };
}

/** 包保主体: filterable list, detail drawer, create/edit form. */
export function EntitiesPage() {
  const regulators = useReference('regulators:list').value;
  return (
    <ListScreen<'entities:query', EntityFilters, Entity>
      method="entities:query"
      initialFilters={filtersFromAddress}
      noFilters={NO_ENTITY_FILTERS}
      columns={ENTITY_COLUMNS}
      toolbar={({ filters, patchFilters, regions, total, editor, openExport }) => (
        <EntityToolbar
          filters={filters}
          onChange={patchFilters}
          regions={regions}
          regulatorName={regulators?.find((r) => r.id === filters.regulatorId)?.name ?? ''}
          total={total}
          onCreate={() => editor.show(null)}
          onExport={openExport}
        />
      )}
      drawer={({ detail, editor }) => (
        <EntityDetailDrawer open={detail.open} id={detail.target} onClose={detail.hide} onEdit={editor.show} onDeleted={detail.hide} />
      )}
      form={({ detail, editor, regions }) => (
        <EntityForm
          open={editor.open}
          entity={editor.target}
          regions={regions}
          onClose={editor.hide}
          onSaved={(saved) => {
            editor.hide();
            detail.show(saved.id);
          }}
        />
      )}
    />
  );
}
