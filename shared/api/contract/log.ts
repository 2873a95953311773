import { z } from 'zod';
import type { LogEntry } from '../../domain/schemas';

/** The `log:*` methods: name → input schema (see apiSchemas in ../contract.ts). */
export const logSchemas = {
  /** Newest 操作日志 entries first, optionally only those whose summary or action contains `text`. */
  'log:list': z.object({ limit: z.number().int().min(1).max(5000).default(200), text: z.string().max(100).default('') }).strict(),
  /** What the ids an 操作日志 entry holds stand for: a region's path, a 主体's, cadre's or grid regulator's name (unknown ids left out). */
  'log:names': z.object({ ids: z.array(z.string().max(100)).max(20000) }).strict(),
} as const;

export interface LogResults {
  'log:list': readonly LogEntry[];
  'log:names': Readonly<Record<string, string>>;
}
