import { describe, expect, it } from 'vitest';
import { copyJson } from '@shared/storage/copy';

describe('copyJson', () => {
  it('copies every object and array all the way down, so changing the copy leaves the original', () => {
    const original = {
      name: '主体',
      tags: ['A', 'B'],
      director: { name: '王芳', phone: '138' },
      officers: [{ name: '李', phone: '' }],
      none: null,
      count: 3,
      done: undefined,
    };
    const copy = copyJson(original);
    expect(copy).toEqual(original);
    copy.tags.push('C');
    copy.director.name = '改';
    copy.officers[0]!.name = '改';
    expect(original).toEqual({
      name: '主体',
      tags: ['A', 'B'],
      director: { name: '王芳', phone: '138' },
      officers: [{ name: '李', phone: '' }],
      none: null,
      count: 3,
      done: undefined,
    });
    expect(copy.director).not.toBe(original.director);
  });
});
