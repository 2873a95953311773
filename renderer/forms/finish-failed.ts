import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';

/** What a refused save says when the fields' own messages are beside them. */
const CHECK_FIELDS = '有填写不正确的项目，请按红色提示修改后再保存';

/**
 * A form's onFinishFailed: the clerk is told to look at the fields marked red, unless no field failed
 * and the save's check was only overtaken by a later edit's (antd then calls the older check out of
 * date): the save is asked again, so a key pressed during the check does not lose it.
 */
export function onCheckFailed(
  form: FormInstance,
  message: MessageInstance,
  text: string = CHECK_FIELDS,
): (failure: { readonly errorFields: readonly unknown[]; readonly outOfDate: boolean }) => void {
  return ({ errorFields, outOfDate }) => {
    if (outOfDate && errorFields.length === 0) form.submit();
    else void message.error(text);
  };
}
