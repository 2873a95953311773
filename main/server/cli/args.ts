/** `demo --scale city --data D --json` → { words: ['demo'], flags: { scale: 'city', data: 'D', json: true } } */
export interface ParsedArgs {
  readonly words: string[];
  readonly flags: Readonly<Record<string, string | true>>;
}

const BOOLEAN_FLAGS = new Set(['json', 'dry-run', 'reset', 'violating', 'help', 'combined', 'clear-blanks', 'force']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const words: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) flags[name] = inline;
    else if (BOOLEAN_FLAGS.has(name)) flags[name] = true;
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`选项 --${name} 缺少取值`, `option --${name} needs a value`);
      flags[name] = value;
      i++;
    }
  }
  return { words, flags };
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
