import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';

/** `demo --scale city --data D --json` → { words: ['demo'], flags: { scale: 'city', data: 'D', json: true } } */
export interface ParsedArgs {
  readonly words: string[];
  readonly flags: Readonly<Record<string, string | true>>;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

const text = { type: 'string' } as const;
const yes = { type: 'boolean' } as const;

/** Every option of `npm run cli`: any other is refused, so a typo such as --colums is not silently ignored. */
export const CLI_OPTIONS: Options = {
  help: { type: 'boolean', short: 'h' },
  data: text,
  json: yes,
  by: text,
  'by-cadre': yes,
  cadre: text,
  'clear-blanks': yes,
  columns: text,
  combined: yes,
  date: text,
  down: yes,
  'dry-run': yes,
  due: text,
  force: yes,
  from: text,
  id: text,
  inspector: text,
  'keep-manual': text,
  level: text,
  note: text,
  notes: text,
  out: text,
  overdue: text,
  region: text,
  regulator: text,
  report: text,
  reset: yes,
  result: text,
  scale: text,
  seed: text,
  stage: text,
  'take-upper': yes,
  team: text,
  template: text,
  to: text,
  unit: text,
  unmet: text,
  violating: yes,
  visit: text,
  year: text,
};

/** node:util's parseArgs in strict mode, its refusals said in one Chinese line (UsageError). */
export function parseArgs(argv: readonly string[], options: Options = CLI_OPTIONS): ParsedArgs {
  try {
    const { positionals, values } = parseNodeArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    return { words: positionals, flags: values as Record<string, string | true> };
  } catch (error) {
    throw usageErrorOf(error);
  }
}

function usageErrorOf(error: unknown): unknown {
  const { code, message } = error as { code?: string; message?: string };
  // Node names the option in quotes: Unknown option '--colums'. / Option '--data <value>' argument missing
  const option = /'(-{1,2}[^' ]+)/.exec(message ?? '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return new UsageError(`没有选项 ${option}，请检查拼写（--help 查看用法）`, `unknown option ${option}`);
  if (code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return error;
  if (message?.includes('does not take an argument')) return new UsageError(`选项 ${option} 不带取值`, `option ${option} takes no value`);
  return new UsageError(`选项 ${option} 缺少取值`, `option ${option} needs a value`);
}

/** A mistake in how the command was called: reported in one line, exit code 1. */
export class UsageError extends Error {
  constructor(
    readonly chinese: string,
    readonly english: string,
  ) {
    super(chinese);
  }
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  if (value === true) throw new UsageError(`选项 --${name} 缺少取值`, `option --${name} needs a value`);
  return value;
}
