import { Tag } from 'antd';
import type { Grade } from '@shared/domain/schemas';

/** A is the highest risk grade (guaranteed by 市级 cadres), so it gets the strongest colour. */
const GRADE_COLORS: Readonly<Record<Grade, string>> = { A: 'red', B: 'orange', C: 'blue', D: 'default' };

export function GradeTag({ grade }: { readonly grade: Grade }) {
  return (
    <Tag color={GRADE_COLORS[grade]} style={{ marginInlineEnd: 0 }}>
      {grade}级
    </Tag>
  );
}
