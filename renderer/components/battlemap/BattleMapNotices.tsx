import { Alert } from 'antd';
import type { BattleMapView } from '@shared/api/contract';

/**
 * Above the chart: calendar notes (a year whose official holiday notice is not built in is
 * scheduled provisionally) as a warning, and the scheduling problems, each naming its tasks, as an
 * error; the rows of those tasks are highlighted in the chart.
 */
export function BattleMapNotices({ view }: { readonly view: BattleMapView }) {
  const notes = [...new Set([...view.calendarNotes, ...(view.schedule?.notes ?? []), ...(view.dispatches?.notes ?? [])])];
  const { problems } = view;
  return (
    <>
      {notes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="battlemap-calendar-notes"
          title={notes.length === 1 ? notes[0] : `节假日安排提示（${notes.length} 条）`}
          description={notes.length > 1 ? <NoteList items={notes} /> : undefined}
          style={{ marginBottom: 8, paddingBlock: 6 }}
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="battlemap-problems"
          title={`排期有 ${problems.length} 个问题，涉及的任务在下表中标红：`}
          description={<NoteList items={problems.map((p) => p.message)} />}
          style={{ marginBottom: 8, paddingBlock: 6 }}
        />
      )}
    </>
  );
}

function NoteList({ items }: { readonly items: readonly string[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 66, overflowY: 'auto', fontSize: 12 }}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
