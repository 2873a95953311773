import { App, Form, Modal, type FormInstance } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { showApiErrorOnForm } from '../forms/api-errors';
import { onCheckFailed } from '../forms/finish-failed';
import { useDiscardGuard } from '../navigation/unsaved';
import { focusWhenOpen } from './focus-when-open';

/** A save answered sooner than this shows no spinner on 保存 (antd's Button `loading.delay`). */
const SPINNER_DELAY_MS = 300;

export interface FormModalProps<Values, Saved> {
  readonly open: boolean;
  readonly title: string;
  readonly width: number;
  /** A long form: the dialog sits near the top and its body scrolls. */
  readonly tall?: boolean;
  readonly form: FormInstance<Values>;
  readonly initialValues: Partial<Values>;
  /** Sends the values to the services; the answer goes to onSaved. */
  readonly submit: (values: Values) => Promise<Saved>;
  readonly onSaved: (saved: Saved) => void;
  readonly onClose: () => void;
  readonly onValuesChange?: (changed: Partial<Values>) => void;
  /** The save button's text; 保存 unless the dialog does more (保存并重新排期). */
  readonly okText?: string;
  /** What the clerk is told once it is saved; 已保存 unless said otherwise. */
  readonly savedMessage?: (saved: Saved) => string;
  /** Focus the save button on open instead of `name`: the form is usually right as opened. */
  readonly focusOk?: boolean;
  readonly children: ReactNode;
}

/**
 * A dialog holding one record's form: Enter saves, Esc closes (asking 「放弃修改？」 after edits), the first field (`name`) has the
 * focus, nothing is sent while a field is invalid, and the services' field messages show beside
 * the fields.
 */
export function FormModal<Values, Saved>(props: FormModalProps<Values, Saved>) {
  const {
    open,
    title,
    width,
    tall,
    form,
    initialValues,
    submit,
    onSaved,
    onClose,
    onValuesChange,
    okText = '保存',
    savedMessage,
    focusOk,
    children,
  } = props;
  const [saving, setSaving] = useState(false);
  // A saved form closes at once, without its zoom-out (300 ms): the notice and the record behind it say it is done.
  const [closingSaved, setClosingSaved] = useState(false);
  const { message } = App.useApp();
  const okId = useId();
  const { markDirty, close } = useDiscardGuard(open, onClose);

  const save = async (values: Values) => {
    setSaving(true);
    try {
      const saved = await submit(values);
      setClosingSaved(true);
      message.success(savedMessage?.(saved) ?? '已保存');
      onSaved(saved);
    } catch (e) {
      message.error(showApiErrorOnForm(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      {...(tall
        ? {
            style: { top: 20 },
            styles: { body: { maxHeight: 'calc(100vh - 170px)', overflowY: 'auto', overflowX: 'hidden', paddingInlineEnd: 8 } },
          }
        : {})}
      okText={okText}
      cancelText="取消"
      confirmLoading={saving}
      // The spinner only for a save that takes a while: drawn at once, it animated the button's width
      // (a layout of the whole form) in the middle of every quick save.
      okButtonProps={{ htmlType: 'submit', id: okId, loading: saving && { delay: SPINNER_DELAY_MS } }}
      // Esc, × and 取消 ask 「放弃修改？」 once something was typed.
      onCancel={close}
      {...(closingSaved ? { transitionName: '', maskTransitionName: '' } : {})}
      // The dialog focuses its close button on open; the clerk wants to type straight away.
      afterOpenChange={(opened) =>
        opened ? focusWhenOpen(focusOk ? document.getElementById(okId) : form.getFieldInstance('name')) : setClosingSaved(false)
      }
      destroyOnHidden
      // A stray click beside the form must not throw away what was typed.
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<Values>
          // Each opening starts from its own initialValues: the form instance outlives the dialog, and its
          // values stayed when the dialog closed, over the next record's (another 主体's data under this
          // one's title, which a save then sent).
          clearOnDestroy
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onValuesChange={(changed: Partial<Values>) => {
            markDirty();
            onValuesChange?.(changed);
          }}
          onFinish={(values) => void save(values)}
          onFinishFailed={onCheckFailed(form, message)}
          scrollToFirstError
        >
          {dom}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}
