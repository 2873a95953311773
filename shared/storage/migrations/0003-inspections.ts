/**
 * Version 2 → 3: the 督查 records of cadres join the library, and what the app shipped under the
 * name 督查清单 but meant the visit checklist is called 督导检查要点 (docs/domain.md#包保干部的规则, docs/domain.md#设置的规则): in the
 * letter template and 作战图 tasks made from the shipped texts, and in visits read back from
 * returned handbooks. Only the shipped phrases change; an office's own wording is left alone.
 */
export const RENAMED_PHRASES: readonly (readonly [string, string])[] = [
  ['对照工作手册中的督查清单，', '对照手册中的督导检查要点，'],
  ['对照督查清单逐项检查', '对照督导检查要点逐项检查'],
  ['督查清单综合检查', '督导检查要点综合检查'],
];

function renamed(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  return RENAMED_PHRASES.reduce((t, [from, to]) => t.split(from).join(to), text);
}

type Json = Record<string, unknown>;
const records = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

export function addInspections(doc: Json): Json {
  const profile = doc['profile'] as Json | undefined;
  const letter = profile?.['letter'] as Json | undefined;
  const battleMap = doc['battleMap'] as Json | null | undefined;
  return {
    ...doc,
    ...(profile && letter ? { profile: { ...profile, letter: { ...letter, body: renamed(letter['body']) } } } : {}),
    ...(battleMap
      ? { battleMap: { ...battleMap, tasks: records(battleMap['tasks']).map((t) => ({ ...t, method: renamed(t['method']) })) } }
      : {}),
    visits: records(doc['visits']).map((v) =>
      Array.isArray(v['checklist']) ? { ...v, checklist: records(v['checklist']).map((c) => ({ ...c, item: renamed(c['item']) })) } : v,
    ),
    inspections: doc['inspections'] ?? [],
  };
}
