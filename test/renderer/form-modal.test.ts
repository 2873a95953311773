import { App, Form, Input } from 'antd';
import { act, createElement, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { FormModal } from '../../renderer/components/FormModal';
import { settle } from './render-hook';

interface Values {
  readonly name: string;
}

/** What the typing does to the page: the value set as the browser sets it, then its input event. */
function type(input: HTMLInputElement, text: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

let unmount = (): void => undefined;
afterEach(() => {
  unmount();
  document.body.innerHTML = '';
});

/** FormModal open on one required field; `saved` receives what each save sent. */
async function openForm(saved: Values[]): Promise<{ readonly submit: () => void; readonly input: HTMLInputElement }> {
  let submit = (): void => undefined;
  function Dialog() {
    const [form] = Form.useForm<Values>();
    useEffect(() => {
      submit = () => form.submit();
    }, [form]);
    return createElement(FormModal<Values, Values>, {
      open: true,
      title: '编辑',
      width: 400,
      form,
      initialValues: { name: '' },
      submit: async (values) => {
        saved.push(values);
        return values;
      },
      onSaved: () => undefined,
      onClose: () => undefined,
      children: createElement(
        Form.Item,
        { name: 'name', label: '名称', rules: [{ required: true, message: '请填写名称' }] },
        createElement(Input),
      ),
    });
  }
  const root = createRoot(document.createElement('div'));
  await act(async () => root.render(createElement(App, null, createElement(Dialog))));
  unmount = () => act(() => root.unmount());
  const input = document.querySelector<HTMLInputElement>('.ant-modal input');
  if (!input) throw new Error('the dialog did not open');
  return { submit, input };
}

describe('FormModal', () => {
  it('a field edited while the save’s check runs does not lose the save: it is checked again and saved', async () => {
    const saved: Values[] = [];
    const { submit, input } = await openForm(saved);
    await act(async () => type(input, '幸福便利'));
    await act(async () => {
      // Enter, and the next key before the check of the first has finished (a quick typist, a slow machine).
      submit();
      type(input, '幸福便利店');
    });
    await settle();
    expect(saved).toEqual([{ name: '幸福便利店' }]);
    expect(document.body.textContent).not.toContain('有填写不正确的项目');
  });

  it('a save with an empty required field is refused with the field marked and nothing sent', async () => {
    const saved: Values[] = [];
    const { submit } = await openForm(saved);
    await act(async () => submit());
    await settle();
    expect(saved).toEqual([]);
    expect(document.body.textContent).toContain('请填写名称');
    expect(document.body.textContent).toContain('有填写不正确的项目');
  });

  it('each opening starts from its own record: the form opened for another record after a save does not show the one before', async () => {
    let show = (_name: string | null): void => undefined;
    let submit = (): void => undefined;
    function Editor() {
      const [form] = Form.useForm<Values>();
      const [name, setName] = useState<string | null>(null);
      show = setName;
      submit = () => form.submit();
      return createElement(FormModal<Values, Values>, {
        open: name !== null,
        title: '编辑',
        width: 400,
        form,
        initialValues: { name: name ?? '' },
        submit: async (values) => values,
        onSaved: () => setName(null),
        onClose: () => setName(null),
        children: createElement(Form.Item, { name: 'name', label: '名称' }, createElement(Input)),
      });
    }
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(createElement(App, null, createElement(Editor))));
    unmount = () => act(() => root.unmount());
    const shown = () => document.querySelector<HTMLInputElement>('.ant-modal input')?.value;
    await act(async () => show('幸福便利店'));
    expect(shown()).toBe('幸福便利店');
    await act(async () => submit());
    await settle();
    expect(document.querySelector('.ant-modal input')).toBeNull();
    await act(async () => show('平安超市'));
    expect(shown()).toBe('平安超市');
  });
});
