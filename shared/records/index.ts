import type { Cell } from './cell';
import { assignmentDefinition } from './kinds/assignments';
import { cadreDefinition } from './kinds/cadres';
import { entityDefinition } from './kinds/entities';
import { regionDefinition } from './kinds/regions';
import { regulatorDefinition } from './kinds/regulators';
import type { RecordColumn, RecordContext, RecordDefinition, RecordKind } from './types';

// The definitions differ in record type; callers only need the shared shape.
type AnyDefinition = RecordDefinition<unknown, unknown>;

export const RECORD_DEFINITIONS: Readonly<Record<RecordKind, AnyDefinition>> = {
  entities: entityDefinition as unknown as AnyDefinition,
  cadres: cadreDefinition as unknown as AnyDefinition,
  regulators: regulatorDefinition as unknown as AnyDefinition,
  regions: regionDefinition as unknown as AnyDefinition,
  assignments: assignmentDefinition as unknown as AnyDefinition,
};

export interface ExportTable {
  readonly columns: readonly RecordColumn<unknown>[];
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * The rows of a list export: the chosen columns in the chosen order (all by default), for the
 * given records (all of the kind by default). Unknown column keys are an error the caller shows.
 */
export function exportTable(
  kind: RecordKind,
  ctx: RecordContext,
  columnKeys?: readonly string[],
  records?: readonly unknown[],
): ExportTable {
  const def = RECORD_DEFINITIONS[kind];
  const columns = columnKeys
    ? columnKeys.map((key) => {
        const column = def.columns.find((c) => c.key === key);
        if (!column) throw new Error(`unknown column ${key}`);
        return column;
      })
    : def.columns;
  const rows = (records ?? def.records(ctx.doc)).map((record) => columns.map((column) => column.value(record, ctx)));
  return { columns, rows };
}
