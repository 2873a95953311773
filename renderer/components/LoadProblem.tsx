import { Alert, Button } from 'antd';

/** A failed load, said in place, with a way to try again; renders nothing when `text` is empty. */
export function LoadProblem({ text, onRetry }: { readonly text: string; readonly onRetry: () => void }) {
  if (!text) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={text}
      action={
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      }
      style={{ marginBottom: 12 }}
    />
  );
}
