/**
 * The first cell of a list row as a real button, so keyboard users can Tab to a row and open it
 * with Enter (the row itself also opens on click).
 */
export function RowLink({ label, onOpen }: { readonly label: string; readonly onOpen: () => void }) {
  return (
    <button
      type="button"
      className="row-link"
      title={label}
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
    >
      {label}
    </button>
  );
}
