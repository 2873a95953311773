import { REGION_LEVELS, type Cadre } from '@shared/domain/schemas';
import { CadreDetailDrawer } from '../components/CadreDetailDrawer';
import { CadreForm } from '../components/CadreForm';
import { CadreToolbar, type CadreFilters } from '../components/CadreToolbar';
import { CADRE_COLUMNS } from '../components/list/cadre-columns';
import { ListScreen } from '../components/list/ListScreen';
import { hashParams } from '../hooks/useHashScreen';

const NO_FILTERS: CadreFilters = { text: '', regionId: '', levels: [], active: 'any' };

const YEAR = /^\d{4}$/;

/**
 * Filters the list was opened with (a dashboard load band: #/cadres?regionId=…&levels=township
 * &minLoad=1&maxLoad=6, or 承诺书未签: ?active=yes&unsignedYear=2026); unknown values are ignored.
 */
function filtersFromAddress(): CadreFilters {
  const params = hashParams();
  const count = (name: string): number | undefined => (/^\d+$/.test(params.get(name) ?? '') ? Number(params.get(name)) : undefined);
  const minLoad = count('minLoad');
  const maxLoad = count('maxLoad');
  const unsignedYear = YEAR.test(params.get('unsignedYear') ?? '') ? Number(params.get('unsignedYear')) : undefined;
  const active = params.get('active');
  return {
    ...NO_FILTERS,
    regionId: params.get('regionId') ?? '',
    levels: (params.get('levels') ?? '').split(',').filter((v): v is Cadre['level'] => (REGION_LEVELS as readonly string[]).includes(v)),
    ...(minLoad === undefined ? {} : { minLoad }),
    ...(maxLoad === undefined ? {} : { maxLoad }),
    ...(active === 'yes' || active === 'no' ? { active } : {}),
    ...(unsignedYear === undefined ? {} : { unsignedYear }),
  };
}

/** 包保干部: filterable list, detail drawer, create/edit form. */
export function CadresPage() {
  return (
    <ListScreen<'cadres:query', CadreFilters, Cadre>
      method="cadres:query"
      initialFilters={filtersFromAddress}
      noFilters={NO_FILTERS}
      columns={CADRE_COLUMNS}
      toolbar={({ filters, patchFilters, regions, total, editor, openExport }) => (
        <CadreToolbar
          filters={filters}
          onChange={patchFilters}
          regions={regions}
          total={total}
          onCreate={() => editor.show(null)}
          onExport={openExport}
        />
      )}
      drawer={({ detail, editor }) => (
        <CadreDetailDrawer open={detail.open} id={detail.target} onClose={detail.hide} onEdit={editor.show} onDeleted={detail.hide} />
      )}
      form={({ detail, editor, regions }) => (
        <CadreForm
          open={editor.open}
          cadre={editor.target}
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
