import { App } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';

/** The forms on screen holding changes not yet saved: leaving the screen asks first while any is here. */
const unsavedForms = new Set<symbol>();

export function hasUnsavedChanges(): boolean {
  return unsavedForms.size > 0;
}

/** Marks the calling form as holding unsaved changes while `dirty`. */
export function useUnsavedChanges(dirty: boolean): void {
  // A layout effect: a screen that has gone is out of the set when React commits, not later, so
  // a quick click on the next menu item does not ask about it again.
  useLayoutEffect(() => {
    if (!dirty) return;
    const form = Symbol('unsaved form');
    unsavedForms.add(form);
    return () => {
      unsavedForms.delete(form);
    };
  }, [dirty]);
}

/**
 * `(dirty, discard)`: runs `discard` at once when nothing is unsaved, else only after the clerk
 * answers 放弃 to 「放弃修改？」 (继续编辑, Esc or × keep the form as it is).
 */
export function useConfirmDiscard(): (dirty: boolean, discard: () => void) => void {
  const { modal } = App.useApp();
  return useCallback(
    (dirty: boolean, discard: () => void) => {
      if (!dirty) {
        discard();
        return;
      }
      modal.confirm({
        title: '放弃修改？',
        content: '填写的内容还没有保存，放弃后不能找回。要保留，请点“继续编辑”后保存。',
        okText: '放弃',
        okButtonProps: { danger: true },
        cancelText: '继续编辑',
        // A second Enter or a slip must not throw the changes away: the safe answer has the focus.
        focusable: { autoFocusButton: 'cancel' },
        onOk: discard,
      });
    },
    [modal],
  );
}

/**
 * A dialog's or drawer's form: `markDirty` on every edit (its onValuesChange), `close` for Esc,
 * × and 取消 — it asks 「放弃修改？」 when there are changes. Each opening starts unchanged.
 */
export function useDiscardGuard(open: boolean, onClose: () => void): { readonly markDirty: () => void; readonly close: () => void } {
  const [dirty, setDirty] = useState(false);
  useEffect(() => setDirty(false), [open]);
  useUnsavedChanges(open && dirty);
  const confirmDiscard = useConfirmDiscard();
  const markDirty = useCallback(() => setDirty(true), []);
  const close = useCallback(() => confirmDiscard(dirty, onClose), [confirmDiscard, dirty, onClose]);
  return { markDirty, close };
}
