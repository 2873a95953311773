import { Console } from 'node:console';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type {
  ApiHandlers,
  ApiInput,
  ApiMethod,
  ApiResults,
  DemoScale,
  FileContent,
  JobStatus,
  ProblemView,
  RecordKind,
} from '@shared/api/contract';
import { OVERDUE_STEPS, overdueText, PROBLEM_STAGES } from '@shared/visits/problems';
import type { ProblemStepKind } from '@shared/visits/types';
import type { Cadre, Region } from '@shared/domain/schemas';
import { lettersHtmlDocument } from '@shared/handbook/letter-html';
import { skippedFile, uniqueFileName, type SkippedFile } from '../export/unique-name';
import { RECORD_KIND_LABELS, RECORD_KINDS } from '@shared/records/types';
import { REPORT_KINDS, REPORT_LABELS, type ReportKind } from '@shared/reports/kinds';
import { VIOLATION_LABELS } from '@shared/rules/violations';
import { packageDirectionOf } from '../packages/file';
import { writeFileAtomic } from '../storage/atomic-file';
import { ApiError, unwrap } from '@shared/api/result';
import { CADRE_LEVEL_LABELS, GRADES, REGION_LEVELS } from '@shared/domain/schemas';
import { displayText } from '@shared/domain/text';
import { packageTime } from '@shared/packages/api';
import { INSPECTOR_LEVEL_LABELS, INSPECTOR_LEVELS, type InspectionResult, type InspectorLevel } from '@shared/inspections/types';
import type { Stats } from '@shared/stats/stats';
import { countText, ratioText } from '@shared/util/format';
import { ANY_FOLDER, dispatch } from '../api/dispatch';
import { defaultDataDir } from '../paths';
import { openServices } from '../services';
import { parseArgs, stringFlag, UsageError, type ParsedArgs } from './args';

const USAGE = `用法 / usage: npm run cli -- <命令> [--data 数据文件夹]
  demo --scale district|city|province [--seed N]   生成示例数据（数据文件夹须为空）
  stats [--year 年度] [--region 区划代码] [--json]   统计数据（督导按年度，默认计划年度；含各季度完成情况）
  stats --by-cadre [--year 年度] [--region 区划代码] [--level city|county|township|village] [--json]
                                                     各干部各季度督导完成情况（完成/计划）
  list cadres|entities [--json]                      列出干部或主体（编号与名称）
  import entities|cadres|regulators|regions|assignments 文件 [--report 未导入行.xlsx] [--clear-blanks] [--json]
                                                     导入 .xlsx、.csv 或 .txt（UTF-8、GBK 或 UTF-16），读取同样表头的每个工作表；
                                                     空白单元格不改动已有内容（--clear-blanks 清空）
  export entities|cadres|regulators|regions|assignments --out 文件.xlsx [--columns 列,列] [--template 模板名]
                                                     导出名单
  export report summary|assignments|visits|problems|dispatch|inspections --out 文件.xlsx [--region 区划代码] [--year 年度]
         [--template 模板名] [--columns 列,列]        导出上报报表：统计表、包保关系明细表、督导记录汇总、问题整改台账、周调度进展表、督查情况表
  assign [--dry-run] [--reset] [--violating] [--keep-manual=false] [--json]
                                                     自动分配包保干部（--reset 先解除全部现有包保，保留历史）
  check [--json]                                     数据检查：违反包保规则的情况
  year open --year 年度 [--json]                     年度切换：开启新的计划年度（生成督导计划，往年只读但可出报表，承诺书待重签）
  plan --year 年度 [--from today] [--json]           生成督导计划（已完成的督导保留；--from today 从今天起排，不补排已过去的季度）
  export battlemap --out 文件.xlsx                   导出作战图（A3）与周调度进展表
  export handbook --cadre 干部编号 --out 文件.xlsx [--year 年度]
                                                     导出一名干部的包保干部工作手册（默认计划年度）
  export handbooks --out 文件夹 [--region 区划代码] [--level city|county|township|village] [--year 年度] [--combined]
                                                     批量导出在岗干部的工作手册，每人一个文件（--combined 合成一个合订本）；
                                                     已有的同名文件不覆盖，Ctrl+C 取消时保留已导出的文件
  export letters --out 文件夹 [--region 区划代码] [--level city|county|township|village] [--cadre 干部编号] [--date 年-月-日]
                                                     导出致包保领导的一封信：每人一个 .html（浏览器打开即可按 A4 打印），另附一个合订本；
                                                     --date 为信末的成文日期（默认当天）
  import visits 交回的手册.xlsx [--json]              录入交回手册中填写的督导记录表（records 同义）
  inspect list [--cadre 干部编号] [--year 年度] [--region 区划代码] [--json]
                                                     干部督查记录（督查组对照督查清单督查责任清单、任务清单落实情况）
  inspect add --cadre 干部编号 --team 督查组 --inspector 督查人 [--level province|city|county|township] [--date 年-月-日]
         [--unmet 2,5] [--note "2=说明;5=说明"] [--result 合格|基本合格|不合格] [--notes 备注] [--json]
                                                     记录一次督查：--unmet 为未落实事项的序号（见设置中的督查清单），其余为落实；
                                                     督查组级别默认本单位层级，日期默认今天；督查情况表用 export report inspections
  problems [--stage 待交办|待整改|待复核|待销号|已销号] [--overdue 交办|整改|复核] [--region 区划代码] [--json]
                                                     问题整改台账：各年度督导发现的问题、所处环节和逾期情况
  problem assign|rectify|review|close --id 问题编号 [--date 年-月-日] [--by 经办人] [--note 说明]
         [--regulator 网格监管人员编号 | --to 市场监管所]（assign）  [--result 通过|退回]（review，退回须用 --note 写明原因）
                                                     问题办理一步：交办、整改、复核、销号（日期默认今天，经办人默认设置中的操作人）
  init [--unit 单位名称]                               新建空白库（数据文件夹须为空），可再用 import package 汇总各区域的上报包
  export package --out 文件.xlsx [--region 区划代码] [--year 年度]
                                                     导出上报包：该区域的名单、统计表与报表（Excel/WPS 可直接打印），并含供上级汇总的数据
  export package --down --out 文件.xlsx              导出下发包：本单位的作战图任务、一封信模板、督导检查要点、督导频次与期限、行政区划，供所辖旗区接收
  import package 文件.xlsx… [--dry-run] [--json] [--force] [--take-upper]
                                                     汇总上报包：每个包替换其区域的数据；--dry-run 只预览各类记录的增删改与冲突，
                                                     --force 允许用更早的包替换已汇总的包。
                                                     接收下发包（自动识别）：本库未改过的项采用上级，只有本库改过的保留本地修改；
                                                     双方都改过的项列出并保留本地，--take-upper 则采用上级
  packages [--year 年度] [--due 年-月-日] [--json]     各旗区上报包的收到情况（已报、逾期、未报）
  backup --out 文件.json                              备份数据到指定文件（已校验）
  restore 文件.json                                   从备份文件恢复（先自动备份当前数据）`;

const READ_ONLY_COMMANDS = new Set(['stats', 'list', 'check', 'export', 'packages', 'problems']);

type Call = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResults[M]>;

/** The library this run has open: closed (its lock released) on every way out, see endRun. */
let openStore: { close(): Promise<void> } | null = null;
/** What Ctrl+C does while a background job runs (stop the job); otherwise it ends the run. */
let onInterrupt: (() => void) | null = null;

/** Where a run's output goes: the process's own streams, or a test's (see runCli). */
export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
}
let io: CliIo = process;
// The commands print with console.log/error: this module's console, which runCli points at the run's io.
let console = globalThis.console;

/**
 * Runs one command as `npm run cli -- …` does, its output going to `runIo`, and resolves to the
 * exit code: 0, or 1 after one line on stderr for a user error or an unexpected one. The tests run
 * the CLI in process through it; run as a program, the process's signals and stream errors end it
 * (see the end of this file).
 */
export async function runCli(argv: readonly string[], runIo: CliIo = process): Promise<number> {
  io = runIo;
  console = new Console({ stdout: runIo.stdout, stderr: runIo.stderr });
  try {
    await main(argv);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) console.error(`错误：${error.chinese} / Error: ${error.english}`);
    else if (error instanceof ApiError) console.error(`错误：${error.message} / Error: ${error.code}`);
    else console.error(unexpected(error));
    return 1;
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  const [command, ...rest] = args.words;
  if (!command || args.flags['help']) {
    console.log(USAGE);
    return;
  }
  const run = COMMANDS[command];
  if (!run)
    throw new UsageError(
      `未知命令“${command}”，可用命令：${Object.keys(COMMANDS).join('、')}（--help 查看用法）`,
      `unknown command "${command}"`,
    );
  const dataDir = path.resolve(stringFlag(args, 'data') ?? defaultDataDir());
  // Commands that only read may run beside the app; the others take the folder's writer lock.
  const readOnly = READ_ONLY_COMMANDS.has(command) || (command === 'inspect' && rest[0] === 'list');
  const { handlers, store } = await openServices(dataDir, { lock: !readOnly });
  openStore = store;
  try {
    await run(callThrough(handlers), rest, args);
  } finally {
    openStore = null;
    await store.close();
  }
}

/** The CLI goes through the same dispatch (schema check included) as IPC and the harness; it is the local user, so --out may name any folder. */
function callThrough(handlers: ApiHandlers): Call {
  return async (method, input) => unwrap(await dispatch(handlers, method, input, ANY_FOLDER)) as ApiResults[typeof method];
}

const COMMANDS: Readonly<Record<string, (call: Call, rest: string[], args: ParsedArgs) => Promise<void>>> = {
  async demo(call, _rest, args) {
    const scale = stringFlag(args, 'scale') ?? 'city';
    const seed = Number(stringFlag(args, 'seed') ?? '1');
    if (!Number.isInteger(seed)) throw new UsageError('--seed 应为整数', '--seed must be an integer');
    const info = await call('app:loadDemo', { scale: scale as DemoScale, seed });
    if (args.flags['json']) print(info);
    else
      console.log(
        `已生成示例数据：区划 ${info.counts.regions} 个，主体 ${info.counts.entities} 户，干部 ${info.counts.cadres} 名，网格监管人员 ${info.counts.regulators} 名。数据文件夹：${info.dataDir}`,
      );
  },

  async init(call, _rest, args) {
    const unit = stringFlag(args, 'unit');
    const info = await call('app:createBlank', unit ? { orgName: unit } : {});
    if (args.flags['json']) print(info);
    else console.log(`已新建空白库（${info.orgName}）。数据文件夹：${info.dataDir}。可用 import package 汇总各区域的上报包`);
  },

  packages: reportReceivedPackages,

  async stats(call, _rest, args) {
    const year = yearFlag(args);
    const regionId = regionByCode(await call('regions:list', {}), stringFlag(args, 'region'));
    if (args.flags['by-cadre']) return cadreQuarterList(call, { regionId, level: levelFlag(args), year }, args.flags['json'] === true);
    const stats = await call('stats:get', { regionId, ...(year === undefined ? {} : { year }) });
    if (args.flags['json']) print(stats);
    else console.log(formatStats(stats));
  },

  async list(call, rest, args) {
    const [what] = rest;
    if (what === 'cadres') {
      const { rows } = await call('cadres:query', {});
      const items = rows.map((r) => ({ id: r.id, name: r.name, level: r.level, region: r.regionPath, active: r.active }));
      if (args.flags['json']) print(items);
      else for (const r of items) console.log(`${r.id}\t${displayText(r.name)}\t${CADRE_LEVEL_LABELS[r.level]}\t${displayText(r.region)}`);
    } else if (what === 'entities') {
      const { rows } = await call('entities:query', {});
      const items = rows.map((r) => ({ id: r.id, name: r.name, uscc: r.uscc, grade: r.grade, region: r.regionPath, status: r.status }));
      if (args.flags['json']) print(items);
      else for (const r of items) console.log(`${r.id}\t${displayText(r.name)}\t${r.grade}级\t${displayText(r.region)}`);
    } else {
      throw new UsageError('请指明要列出的内容：list cadres 或 list entities', 'say what to list: list cadres | list entities');
    }
  },

  async import(call, rest, args) {
    const [kindWord, file] = rest;
    // docs/cli.md's word is visits; records was the first name and still works.
    if (kindWord === 'visits' || kindWord === 'records') return importReturnedHandbook(call, file, args);
    if (kindWord === 'package') return importPackages(call, rest.slice(1), args);
    const kind = recordKind(kindWord);
    if (!file) throw new UsageError('请给出要导入的文件，如 import entities 主体名单.xlsx', 'give the file to import');
    const bytes = await readFile(path.resolve(file)).catch(() => {
      throw new UsageError(`找不到文件“${file}”或无法读取`, `cannot read file "${file}"`);
    });
    const blankCells = args.flags['clear-blanks'] ? 'clear' : 'keep';
    const preview = await call('import:preview', {
      kind,
      fileName: path.basename(file),
      contentBase64: bytes.toString('base64'),
      mapping: {},
      blankCells,
    });
    if (preview.problem) throw new UsageError(preview.problem, 'a column needs a decision (see the Chinese message)');
    const report = stringFlag(args, 'report');
    if (report && preview.counts.reject > 0) await saveFile(report, await call('import:errorReport', { previewId: preview.previewId }));
    const result = await call('import:commit', { previewId: preview.previewId, saveMapping: false });
    const many = preview.sheets.length > 1;
    const at = (r: { sheet: string; row: number }) => (many ? `工作表“${r.sheet}”第 ${r.row} 行` : `第 ${r.row} 行`);
    const rejected = preview.rows
      .filter((r) => r.outcome === 'reject')
      .map((r) => ({ sheet: r.sheet, row: r.row, reason: r.reasons.join('；') }));
    const updates = preview.rows
      .filter((r) => r.outcome === 'update')
      .map((r) => ({ sheet: r.sheet, row: r.row, name: r.name, changes: r.changes ?? [] }));
    // Every row refused: the run failed, though what it says about each row was printed.
    const nothingTaken = result.added + result.updated + result.unchanged === 0 && result.rejected > 0;
    const refusedAll = new UsageError(
      '文件中没有一行可以导入，数据未改动。请按上面列出的原因修改后重新导入',
      'no row could be imported; nothing was changed',
    );
    if (args.flags['json']) {
      print({
        ...result,
        rows: rejected,
        updates,
        sheets: preview.sheets.map((s) => ({ name: s.name, headerRow: s.headerRow, area: s.area })),
        skippedSheets: preview.skippedSheets,
        ignoredColumns: preview.ignored,
        missingFields: preview.missing.map((f) => f.label),
      });
      if (nothingTaken) throw refusedAll;
      return;
    }
    console.log(
      `导入${RECORD_KIND_LABELS[kind]}：新增 ${result.added}，更新 ${result.updated}，未变 ${result.unchanged}，拒绝 ${result.rejected}（跳过空行、合计行 ${result.skipped}）`,
    );
    for (const s of preview.sheets) {
      if (many || s.area)
        console.log(
          `  工作表“${s.name}”：第 ${s.headerRow} 行是表头${s.area ? `；表中没有旗区、乡镇、村列，区域取自${s.area.from}：${s.area.path}` : ''}`,
        );
    }
    for (const s of preview.skippedSheets) console.log(`  未读取工作表“${s.sheet}”：${s.reason}`);
    // Said before the row errors they may explain.
    if (preview.ignored.length > 0)
      console.log(`  未导入的列：${preview.ignored.map((c) => `${many ? `${c.sheet} ` : ''}${c.column}（${c.reason}）`).join('；')}`);
    if (preview.missing.length > 0) console.log(`  表中没有的字段：${preview.missing.map((f) => f.label).join('、')}`);
    for (const r of rejected.slice(0, 20)) console.log(`  ${at(r)}：${r.reason}`);
    if (rejected.length > 20)
      console.log(`  …另有 ${rejected.length - 20} 行未导入${report ? `，详见 ${report}` : '，加 --report 文件.xlsx 可导出全部原因'}`);
    for (const u of updates.slice(0, 20))
      console.log(`  更新 ${at(u)} ${u.name}：${u.changes.map((c) => `${c.label} “${c.from}” → “${c.to}”`).join('；')}`);
    if (updates.length > 20) console.log(`  …另有 ${updates.length - 20} 条更新（--json 列出全部改动）`);
    if (blankCells === 'keep' && result.updated > 0) console.log('  表中空白的单元格未改动已有内容（要清空请加 --clear-blanks）');
    if (nothingTaken) throw refusedAll;
  },

  async assign(call, _rest, args) {
    const preview = await call('assign:preview', {
      mode: args.flags['violating'] ? 'violating' : 'unassigned',
      keepManual: stringFlag(args, 'keep-manual') !== 'false',
      reset: args.flags['reset'] === true,
    });
    const dryRun = args.flags['dry-run'] === true;
    const applied = dryRun ? null : await call('assign:apply', { previewId: preview.previewId });
    if (args.flags['json']) {
      const fallbacks = preview.proposals
        .filter((p) => p.fallback)
        .map((p) => ({ entityId: p.entityId, cadreId: p.toCadreId, rule: p.fallback, reason: p.reason }));
      print({
        dryRun,
        counts: preview.counts,
        applied,
        fallbacks,
        unresolved: preview.unresolved.map((u) => ({ entityId: u.entityId, why: u.why })),
      });
      return;
    }
    const { counts } = preview;
    const byFallback = preview.proposals.filter((p) => p.fallback).length;
    console.log(
      `${dryRun ? '试算（未写入）' : '已分配'}：新分配 ${counts.assign}，调整 ${counts.move}，解除 ${counts.release}，无法分配 ${counts.unresolved}`,
    );
    if (byFallback > 0) console.log(`  其中 ${byFallback} 户按兜底规则分配（原因见预览或 --json 的 fallbacks）`);
    for (const u of preview.unresolved.slice(0, 10)) console.log(`  无法分配：${u.entityName}（${u.regionPath}）— ${u.why}`);
    if (preview.unresolved.length > 10) console.log(`  …另有 ${preview.unresolved.length - 10} 个主体无法分配`);
  },

  async check(call, _rest, args) {
    const { counts, items, integrity } = await call('assign:violations', { kinds: [] });
    const changes = await call('entityChanges:list', {});
    if (args.flags['json']) {
      const statusChanges = changes.rows.map((r) => ({
        entityId: r.change.entityId,
        kind: r.change.kind,
        on: r.change.on,
        reportDue: r.reportDue,
        reportOverdue: r.reportOverdue,
        adjustDue: r.adjustDue,
        adjusted: r.adjusted,
        adjustOverdue: r.adjustOverdue,
      }));
      print({
        counts,
        items: items.map((v) => ({ kind: v.kind, entityId: v.entityId, cadreId: v.cadreId, message: v.message })),
        integrity,
        statusChanges: { counts: changes.counts, items: statusChanges },
      });
      return;
    }
    printEntityChanges(changes);
    if (integrity.length > 0) {
      console.log('数据不一致（编号重复或指向不存在的记录），请从备份恢复：');
      for (const problem of integrity) console.log(`  ${problem}`);
    }
    const total = items.length;
    const passed = integrity.length === 0 ? '数据检查通过：没有违反包保规则的情况' : '没有违反包保规则的情况';
    console.log(total === 0 ? passed : `发现 ${total} 处违反包保规则：`);
    for (const kind of Object.keys(counts) as (keyof typeof counts)[]) {
      if (counts[kind] > 0) console.log(`  ${VIOLATION_LABELS[kind]}：${counts[kind]}`);
    }
  },

  async plan(call, _rest, args) {
    const year = Number(stringFlag(args, 'year') ?? '');
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new UsageError('请用 --year 指定年度，如 --year 2027', 'give the year with --year');
    // 从今天起排: only the rest of the year; past quarters are not back-filled as overdue.
    const from = stringFlag(args, 'from');
    if (from !== undefined && from !== 'today') throw new UsageError('--from 只能是 today（从今天起排）', '--from takes only "today"');
    const result = await call('visits:plan', { year, ...(from ? { fromToday: true } : {}) });
    if (args.flags['json']) {
      print(result);
      return;
    }
    console.log(
      `已生成 ${year} 年督导计划：计划 ${result.planned} 次，保留已完成 ${result.keptDone} 次，超出每周上限的周 ${result.overCapWeeks} 个`,
    );
    for (const note of result.notes) console.log(`  ${note}`);
  },

  async problems(call, _rest, args) {
    const stage = oneOf(args, 'stage', PROBLEM_STAGES);
    const overdue = oneOf(args, 'overdue', OVERDUE_STEPS);
    const regionId = regionByCode(await call('regions:list', {}), stringFlag(args, 'region'));
    const rows = await call('problems:list', { regionId, ...(stage ? { stage } : {}), ...(overdue ? { overdue } : {}) });
    if (args.flags['json']) print(rows);
    else for (const row of rows) console.log(problemLine(row));
  },

  async problem(call, rest, args) {
    const [action] = rest;
    const steps: Readonly<Record<string, ProblemStepKind>> = { assign: '交办', rectify: '整改', close: '销号' };
    if (action !== 'review' && !(action && steps[action]))
      throw new UsageError(
        '请指明办理哪一步：problem assign、rectify、review 或 close',
        'say the step: problem assign|rectify|review|close',
      );
    const id = stringFlag(args, 'id');
    if (!id) throw new UsageError('请用 --id 指定问题编号（problems 列出编号）', 'give the problem id with --id');
    let step = steps[action] ?? '复核通过';
    if (action === 'review') {
      const result = stringFlag(args, 'result');
      if (result !== '通过' && result !== '退回' && result !== 'pass' && result !== 'return')
        throw new UsageError('复核请用 --result 通过 或 --result 退回', 'review needs --result pass|return');
      step = result === '通过' || result === 'pass' ? '复核通过' : '退回';
    }
    const visitId = stringFlag(args, 'visit');
    const found = (await call('problems:list', {})).filter((p) => p.problem.id === id && (!visitId || p.visitId === visitId));
    if (found.length === 0) throw new UsageError(`找不到编号为“${id}”的问题（problems 列出编号）`, `no problem "${id}"`);
    if (found.length > 1)
      throw new UsageError(
        `编号“${id}”有 ${found.length} 个问题，请再用 --visit 指定督导记录编号`,
        `problem id "${id}" is not unique: add --visit`,
      );
    const regulatorId = stringFlag(args, 'regulator');
    const to = stringFlag(args, 'to');
    const by = stringFlag(args, 'by');
    const on = stringFlag(args, 'date');
    const row = await call('problems:step', {
      visitId: found[0]!.visitId,
      problemId: id,
      step,
      note: stringFlag(args, 'note') ?? '',
      ...(on ? { on } : {}),
      ...(by ? { by } : {}),
      ...(regulatorId ? { regulatorId } : {}),
      ...(to ? { to } : {}),
    });
    if (args.flags['json']) print(row);
    else console.log(`已${step}：${problemLine(row)}`);
  },

  async inspect(call, rest, args) {
    const [action] = rest;
    if (action === 'list') return listInspections(call, args);
    if (action === 'add') return addInspection(call, args);
    throw new UsageError(
      '请指明：inspect list（查看督查记录）或 inspect add（记录一次督查）',
      'say what to do: inspect list | inspect add',
    );
  },

  /** 年度切换: `year open --year 2028`. */
  async year(call, rest, args) {
    if (rest[0] !== 'open') throw new UsageError('请写 year open --year 年度（年度切换：开启新的计划年度）', 'use: year open --year YYYY');
    const year = yearFlag(args);
    if (year === undefined) throw new UsageError('请用 --year 指定要开启的年度，如 --year 2028', 'give the year with --year');
    const opened = await call('year:open', { year });
    if (args.flags['json']) {
      print(opened);
      return;
    }
    console.log(
      `已开启 ${year} 年度（原计划年度 ${opened.previousYear} 年）：${opened.closedYears.join('、')} 年度已关闭，只能查看和导出报表`,
    );
    console.log(
      `  督导计划${opened.from ? `（从 ${opened.from} 起排）` : ''}：计划 ${opened.plan.planned} 次，保留已完成 ${opened.plan.keptDone} 次`,
    );
    console.log(`  ${opened.commitmentsDue} 名在岗干部需签订 ${year} 年度承诺书`);
    for (const note of opened.plan.notes) console.log(`  ${note}`);
  },

  async backup(call, _rest, args) {
    const out = stringFlag(args, 'out');
    if (!out) throw new UsageError('请用 --out 指定备份文件，如 --out 备份.json', 'give the backup file with --out');
    const info = await call('backup:create', {});
    await saveFile(out, await call('backup:download', { fileName: info.fileName }));
    console.log(`已备份到 ${path.resolve(out)}（数据文件夹的备份中也保留了一份：${info.fileName}）`);
  },

  async restore(call, rest) {
    const [file] = rest;
    if (!file) throw new UsageError('请给出备份文件，如 restore 备份.json', 'give the backup file');
    const bytes = await readFile(path.resolve(file)).catch(() => {
      throw new UsageError(`找不到文件“${file}”或无法读取`, `cannot read file "${file}"`);
    });
    const upload = { fileName: path.basename(file), contentBase64: bytes.toString('base64') };
    const preview = await call('backup:preview', { upload });
    for (const c of preview.collections) console.log(`  ${c.label}：现有 ${c.current} → 恢复后 ${c.backup}`);
    await call('backup:restore', { upload });
    console.log(`已从 ${path.resolve(file)} 恢复（恢复前的数据已自动备份）`);
  },

  async export(call, rest, args) {
    const out = stringFlag(args, 'out');
    if (!out) throw new UsageError('请用 --out 指定导出文件，如 --out 主体名单.xlsx', 'give the output file with --out');
    if (rest[0] === 'handbook') {
      const cadreId = stringFlag(args, 'cadre');
      if (!cadreId) throw new UsageError('请用 --cadre 指定干部编号（可用 list cadres 查看）', 'give the cadre id with --cadre');
      const year = yearFlag(args);
      await saveFile(out, await call('handbook:export', { cadreId, ...(year ? { year } : {}) }));
      console.log(`已导出工作手册：${path.resolve(out)}`);
      return;
    }
    if (rest[0] === 'handbooks') {
      // The same background job as the 导出与打印 screen, followed here until it ends.
      const level = levelFlag(args);
      const year = yearFlag(args);
      const started = await call('handbook:exportAll', {
        regionId: regionByCode(await call('regions:list', {}), stringFlag(args, 'region')),
        ...(level ? { level } : {}),
        ...(year ? { year } : {}),
        outDir: path.resolve(out),
        subfolder: false,
        combined: args.flags['combined'] === true,
      });
      const ended = await followJob(call, started);
      if (ended.state === 'failed') throw new UsageError(ended.message, 'the export stopped with an error');
      console.log(ended.message);
      failIfSkipped(ended.skipped);
      return;
    }
    if (rest[0] === 'letters') {
      await exportLetters(call, out, args);
      return;
    }
    if (rest[0] === 'package' && args.flags['down']) {
      // A 下发包 is always the office's whole area and its settings, not one year's records (docs/cli.md).
      const ignored = ['region', 'year'].filter((name) => args.flags[name] !== undefined);
      if (ignored.length > 0) {
        throw new UsageError(
          `下发包总是本单位全部区域的设置，不分区域和年度，请去掉 ${ignored.map((name) => `--${name}`).join('、')} 后重试`,
          '--down takes neither --region nor --year',
        );
      }
      const made = await call('package:exportDown', {});
      await saveFile(out, made);
      console.log(`已导出下发包：${path.resolve(out)}（${made.region.name}，校验码 ${made.sha256.slice(0, 12)}…）`);
      return;
    }
    if (rest[0] === 'package') {
      const year = yearFlag(args);
      const regionId = regionByCode(await call('regions:list', {}), stringFlag(args, 'region'));
      const made = await call('package:export', { regionId, ...(year ? { year } : {}) });
      await saveFile(out, made);
      console.log(`已导出上报包：${path.resolve(out)}（${made.region.name}，${made.year}年度，校验码 ${made.sha256.slice(0, 12)}…）`);
      return;
    }
    if (rest[0] === 'battlemap') {
      await saveFile(out, await call('battlemap:export', {}));
      console.log(`已导出作战图：${path.resolve(out)}`);
      return;
    }
    if (rest[0] === 'report') {
      const report = rest[1];
      if (!report || !(REPORT_KINDS as readonly string[]).includes(report)) {
        throw new UsageError(
          `请指明报表：${REPORT_KINDS.map((k) => `${k}（${REPORT_LABELS[k]}）`).join('、')}`,
          `report must be one of ${REPORT_KINDS.join(', ')}`,
        );
      }
      const regionId = regionByCode(await call('regions:list', {}), stringFlag(args, 'region'));
      const year = yearFlag(args);
      const columns = stringFlag(args, 'columns')?.split(/[,，]/).filter(Boolean);
      const template = stringFlag(args, 'template');
      await saveFile(
        out,
        await call('report:export', {
          report: report as ReportKind,
          regionId,
          ...(year ? { year } : {}),
          ...(columns ? { columns } : {}),
          ...(template ? { template } : {}),
        }),
      );
      console.log(`已导出报表：${path.resolve(out)}`);
      return;
    }
    const kind = recordKind(rest[0]);
    const columns = stringFlag(args, 'columns')?.split(/[,，]/).filter(Boolean);
    const template = stringFlag(args, 'template');
    const file = await call('export:list', { kind, ...(columns ? { columns } : {}), ...(template ? { template } : {}) });
    await saveFile(out, file);
    console.log(`已导出${RECORD_KIND_LABELS[kind]}名单：${path.resolve(out)}`);
  },
};

/**
 * 致包保领导的一封信 as .html files (the CLI has no browser to make PDFs): one per cadre, named like
 * the handbooks, and for a scope one 合订本 holding every letter, to print in one go on A4.
 */
async function exportLetters(call: Call, outDir: string, args: ParsedArgs): Promise<void> {
  const cadreId = stringFlag(args, 'cadre');
  const level = levelFlag(args);
  const regionId = regionByCode(await call('regions:list', {}), stringFlag(args, 'region'));
  const scope = cadreId ? { cadreIds: [cadreId] } : { regionId, ...(level ? { level } : {}) };
  // The 成文日期 printed under the 署名: today unless the office dates the letters otherwise.
  const date = stringFlag(args, 'date');
  const { letters } = await call('letters:get', { ...scope, ...(date ? { date } : {}) });
  if (letters.length === 0) throw new UsageError('所选范围内没有在岗的包保干部，未导出任何信件', 'no active cadres in that scope');
  // Like the handbooks: namesakes and files already in the folder get -2, -3 …, nothing is overwritten.
  const dir = path.resolve(outDir);
  const used = new Set<string>();
  // A file that cannot be written is reported at the end; the others are still written.
  const skipped: SkippedFile[] = [];
  const write = async (name: string, html: string): Promise<boolean> => {
    try {
      await writeFileAtomic(path.join(dir, name), html);
      return true;
    } catch (error) {
      skipped.push(skippedFile(name, error));
      return false;
    }
  };
  let written = 0;
  for (const letter of letters) {
    if (await write(uniqueFileName(dir, letter.fileName, used), lettersHtmlDocument([letter], letter.fileName.replace(/\.html$/, ''))))
      written++;
  }
  let combinedWritten = false;
  if (!cadreId) {
    const combined = uniqueFileName(dir, `致包保领导的一封信-合订本-${letters.length}封.html`, used);
    combinedWritten = await write(combined, lettersHtmlDocument(letters, combined.replace(/\.html$/, '')));
  }
  console.log(
    `已导出 ${written} 封致包保领导的一封信到 ${dir}${combinedWritten ? '（另有合订本一份）' : ''}，用浏览器打开后打印即为 A4 纸`,
  );
  failIfSkipped(skipped);
}

/** 督查 records, newest first: one line each, or the rows as JSON. */
async function listInspections(call: Call, args: ParsedArgs): Promise<void> {
  const year = yearFlag(args);
  const regionId = regionByCode(await call('regions:list', {}), stringFlag(args, 'region'));
  const rows = await call('inspections:list', {
    cadreId: stringFlag(args, 'cadre') ?? '',
    regionId,
    ...(year === undefined ? {} : { year }),
  });
  if (args.flags['json']) {
    print(rows);
    return;
  }
  if (rows.length === 0) console.log('没有督查记录');
  for (const r of rows) {
    const who = `${displayText(r.cadreName)}（${r.cadreLevel ? CADRE_LEVEL_LABELS[r.cadreLevel] : ''}，${displayText(r.regionPath)}）`;
    console.log(
      `${r.id}\t${r.date}\t${INSPECTOR_LEVEL_LABELS[r.inspectorLevel]} ${displayText(r.team)}\t${who}\t落实 ${r.items.length - r.unmet} 项，未落实 ${r.unmet} 项\t${r.result}`,
    );
    for (const item of r.items.filter((i) => i.result === '未落实'))
      console.log(`  未落实：${displayText(item.item)}${item.note ? `（${displayText(item.note)}）` : ''}`);
  }
}

/**
 * One 督查 against the 督查清单 of 设置: the items named by --unmet (their numbers) are 未落实,
 * the others 落实; --note "2=说明;5=说明" notes items by number.
 */
async function addInspection(call: Call, args: ParsedArgs): Promise<void> {
  const cadreId = stringFlag(args, 'cadre');
  if (!cadreId) throw new UsageError('请用 --cadre 指定被督查的干部编号（可用 list cadres 查看）', 'give the cadre id with --cadre');
  const { profile } = await call('profile:get', {});
  const items = profile.inspectionItems;
  const itemNumber = (text: string, flag: string): number => {
    const n = Number(text.trim());
    if (!Number.isInteger(n) || n < 1 || n > items.length)
      throw new UsageError(
        `${flag} 中的“${text}”不是督查清单的序号（1—${items.length}）`,
        `${flag}: "${text}" is not an item number 1-${items.length}`,
      );
    return n;
  };
  const unmet = new Set(
    (stringFlag(args, 'unmet') ?? '')
      .split(/[,，]/)
      .filter((t) => t.trim())
      .map((t) => itemNumber(t, '--unmet')),
  );
  const notes = new Map<number, string>();
  for (const part of (stringFlag(args, 'note') ?? '').split(/[;；]/).filter((t) => t.trim())) {
    const [number = '', ...text] = part.split(/[=＝]/);
    notes.set(itemNumber(number, '--note'), text.join('=').trim());
  }
  const level = stringFlag(args, 'level') ?? (profile.orgLevel === 'village' ? 'township' : profile.orgLevel);
  if (!(INSPECTOR_LEVELS as readonly string[]).includes(level)) {
    throw new UsageError(
      '--level 应为 province（省级）、city（市级）、county（旗区/县级）或 township（乡镇级）督查组',
      '--level must be province, city, county or township',
    );
  }
  const result = stringFlag(args, 'result') ?? (unmet.size === 0 ? '合格' : '基本合格');
  const date = stringFlag(args, 'date');
  const saved = await call('inspections:save', {
    cadreId,
    ...(date ? { date } : {}),
    inspectorLevel: level as InspectorLevel,
    team: stringFlag(args, 'team') ?? '',
    inspectors: stringFlag(args, 'inspector') ?? '',
    items: items.map((item, i) => ({ item, result: unmet.has(i + 1) ? '未落实' : '落实', note: notes.get(i + 1) ?? '' })),
    result: result as InspectionResult,
    notes: stringFlag(args, 'notes') ?? '',
  });
  if (args.flags['json']) print(saved);
  else
    console.log(
      `已记录督查：${saved.date} ${INSPECTOR_LEVEL_LABELS[saved.inspectorLevel]} ${saved.team}，落实 ${items.length - unmet.size} 项，未落实 ${unmet.size} 项，总体评价 ${saved.result}（编号 ${saved.id}）`,
    );
}

/** `stats --by-cadre`: each cadre's 督导 per quarter (done/planned over the visits due), or the rows as JSON. */
async function cadreQuarterList(
  call: Call,
  scope: { regionId: string; level: Cadre['level'] | undefined; year: number | undefined },
  json: boolean,
): Promise<void> {
  const { year, rows } = await call('stats:cadreQuarters', {
    regionId: scope.regionId,
    ...(scope.level ? { level: scope.level } : {}),
    ...(scope.year ? { year: scope.year } : {}),
  });
  if (json) {
    print({ year, rows });
    return;
  }
  console.log(`${year} 年督导完成情况（按干部，完成/计划；停业、注销主体未完成的督导不计）：${rows.length} 名干部`);
  for (const r of rows) {
    const quarters = r.quarters.map((q, i) => `${i + 1}季度 ${q.done}/${q.planned}`).join('  ');
    console.log(
      `${r.cadreId}\t${displayText(r.name)}\t${CADRE_LEVEL_LABELS[r.level]}\t${displayText(r.regionPath)}\t${quarters}\t全年 ${r.done}/${r.planned}`,
    );
  }
}

/** 主体变动 still open: what 市场监管 must report and which 包保关系 to adjust, by when. */
function printEntityChanges({ rows, counts, settings }: ApiResults['entityChanges:list']): void {
  if (rows.length === 0) return;
  console.log(
    `主体变动（开业、停业、注销、等级变更；${settings.reportDays} 个工作日内报告，其后 ${settings.adjustDays} 个工作日内调整包保关系）：待报告 ${counts.toReport}（逾期 ${counts.reportOverdue}），待调整包保 ${counts.toAdjust}（逾期 ${counts.adjustOverdue}）`,
  );
  for (const r of rows.slice(0, 20)) {
    const report = r.change.reportedOn ? `已报告 ${r.change.reportedOn}` : `报告期限 ${r.reportDue}${r.reportOverdue ? '（已逾期）' : ''}`;
    const adjust = r.adjusted ? '包保已调整' : `调整期限 ${r.adjustDue}${r.adjustOverdue ? '（已逾期）' : ''}`;
    console.log(
      `  ${displayText(r.entityName)}：${r.change.kind}${r.change.from && r.change.to ? ` ${r.change.from}→${r.change.to}` : ''}（${r.change.on}）；${report}；${adjust}`,
    );
  }
  if (rows.length > 20) console.log(`  …另有 ${rows.length - 20} 条（--json 列出全部）`);
}

/** A bulk export that could not write some files lists them and ends with exit code 1. */
function failIfSkipped(skipped: readonly SkippedFile[]): void {
  if (skipped.length === 0) return;
  for (const file of skipped) console.error(`未能写入“${file.fileName}”：${file.reason}`);
  throw new UsageError(`${skipped.length} 个文件未能写入（见上），其余文件已导出`, `${skipped.length} file(s) could not be written`);
}

async function importReturnedHandbook(call: Call, file: string | undefined, args: ParsedArgs): Promise<void> {
  if (!file) throw new UsageError('请给出交回的手册文件，如 import visits 手册.xlsx', 'give the returned handbook file');
  const bytes = await readFile(path.resolve(file)).catch(() => {
    throw new UsageError(`找不到文件“${file}”或无法读取`, `cannot read file "${file}"`);
  });
  const result = await call('handbook:import', { fileName: path.basename(file), contentBase64: bytes.toString('base64') });
  if (args.flags['json']) {
    // The shape every import prints, plus what only returned records have.
    const rows = result.rejected.map((r) => ({ row: r.row, reason: `${r.entityName}：${r.reason}` }));
    print({ added: result.recorded, updated: 0, unchanged: result.unchanged, pending: result.pending, rejected: rows.length, rows });
    return;
  }
  console.log(
    `录入督导记录：新录入 ${result.recorded}，已录入过 ${result.unchanged}，尚未督导 ${result.pending}，未能录入 ${result.rejected.length}`,
  );
  for (const r of result.rejected) console.log(`  第 ${r.row} 行（${r.entityName}）：${r.reason}`);
}

/**
 * 汇总: the packages are previewed first (each kind's additions, updates, removals and
 * conflicts); any conflict refuses them all, nothing changed. --dry-run stops after the preview.
 */
async function importPackages(call: Call, files: readonly string[], args: ParsedArgs): Promise<void> {
  if (files.length === 0) throw new UsageError('请给出上报包文件，如 import package 上报包-东胜区.xlsx', 'give the package file(s)');
  const uploads = await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(path.resolve(file)).catch(() => {
        throw new UsageError(`找不到文件“${file}”或无法读取`, `cannot read file "${file}"`);
      });
      return { fileName: path.basename(file), contentBase64: bytes.toString('base64') };
    }),
  );
  const directions = await Promise.all(uploads.map((u) => packageDirectionOf(Buffer.from(u.contentBase64, 'base64'))));
  if (directions.includes('downward')) {
    const [upload] = uploads;
    if (uploads.length > 1 || !upload)
      throw new UsageError('下发包一次只能接收一个，且不能与上报包一起导入，请分开导入', 'take a downward package in alone');
    return takeDownPackage(call, upload, args);
  }
  const force = args.flags['force'] === true;
  const dryRun = args.flags['dry-run'] === true;
  // Refused for conflicts: the preview says each one (reading the files once more only then).
  const result = dryRun
    ? null
    : await call('package:import', { files: uploads, force }).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'conflict') return null;
        throw error;
      });
  const packages = result?.packages ?? (await call('package:preview', { files: uploads, force }));
  const conflicts = packages.reduce((sum, p) => sum + p.conflicts.length, 0);
  if (args.flags['json']) print(dryRun ? packages : { changed: result?.changed ?? false, packages });
  else {
    for (const p of packages) {
      const head = `${p.fileName}：${p.region.name}${p.region.code ? `（${p.region.code}）` : ''}，${p.period}年度，${p.unit} ${p.operator} ${packageTime(p.createdAt)} 生成`;
      console.log(
        `${displayText(head)}${p.status === 'same' ? '（与已汇总的包相同）' : p.status === 'older' ? '（比已汇总的包更早）' : ''}`,
      );
      for (const k of p.kinds) console.log(`  ${k.label}：新增 ${k.added}，更新 ${k.updated}，删除 ${k.removed}，未变 ${k.unchanged}`);
      for (const c of p.conflicts) console.log(`  冲突：${displayText(c)}`);
    }
  }
  if (conflicts > 0)
    throw new UsageError(
      `有 ${conflicts} 处冲突（见上），上报包未导入，数据未改动。请按提示核实更正后重新导入`,
      `${conflicts} conflict(s); nothing was imported`,
    );
  if (args.flags['json']) return;
  if (dryRun) console.log('试算（未写入）：去掉 --dry-run 即导入');
  else if (result?.changed) console.log('已汇总，导入前的数据已自动备份');
  else console.log('这些上报包都已汇总过，数据未改动');
}

const DOWN_ACTION_LABELS = { same: '相同', take: '采用上级', keep: '保留本地修改', conflict: '双方都改过' } as const;

/**
 * 接收下发包: each item the city changed and this library did not is taken, each this library
 * changed is kept, each both changed is listed and kept (--take-upper: taken); --dry-run only lists.
 */
async function takeDownPackage(call: Call, file: { fileName: string; contentBase64: string }, args: ParsedArgs): Promise<void> {
  const input = { file, choices: {}, takeUpper: args.flags['take-upper'] === true };
  const dryRun = args.flags['dry-run'] === true;
  const result = dryRun ? null : await call('package:importDown', input);
  const preview = result?.preview ?? (await call('package:previewDown', input));
  const refused = new UsageError(`下发包未接收，数据未改动：${preview.refusal}`, 'the downward package was not taken in');
  if (args.flags['json']) {
    print(dryRun ? preview : result);
    if (preview.refusal) throw refused;
    return;
  }
  console.log(
    displayText(`${preview.fileName}：下发包，${preview.unit} ${preview.operator} ${packageTime(preview.createdAt)} 生成`) +
      (preview.status === 'same' ? '（已接收过）' : ''),
  );
  if (preview.refusal) throw refused;
  for (const item of preview.items) {
    console.log(`  ${DOWN_ACTION_LABELS[item.action]}：${displayText(item.label)}`);
    if (item.action === 'conflict') {
      console.log(`    上级：${displayText(item.upper) || '（无，上级已删除）'}`);
      console.log(`    本库：${displayText(item.local) || '（无）'}`);
    }
  }
  const { regions } = preview;
  for (const r of regions.added) console.log(`  新增区划：${displayText(r)}`);
  for (const r of regions.renamed) console.log(`  区划更名：${displayText(r)}`);
  for (const r of regions.removed) console.log(`  删除区划：${displayText(r)}（上级已不再列出，无任何记录）`);
  for (const r of regions.kept) console.log(`  未删除区划：${displayText(r)}`);
  const conflicts = preview.items.filter((i) => i.action === 'conflict').length;
  const conflictNote =
    conflicts === 0
      ? ''
      : input.takeUpper
        ? `；双方都改过的 ${conflicts} 项已采用上级`
        : `；双方都改过的 ${conflicts} 项保留本地（见上，加 --take-upper 采用上级）`;
  if (dryRun) console.log(`试算（未写入）${conflictNote}：去掉 --dry-run 即接收`);
  else if (result?.changed)
    console.log(`已接收下发包：采用上级 ${result.taken} 项，保留本地 ${result.kept} 项${conflictNote}。接收前的数据已自动备份`);
  else console.log('这个下发包已接收过（或与本库相同），数据未改动');
}

const AREA_STATUS_LABELS = { received: '已报', late: '逾期', missing: '未报' } as const;

/** Each 旗区 and its packages for the period: which came in, which late, which not at all. */
async function reportReceivedPackages(call: Call, _rest: string[], args: ParsedArgs): Promise<void> {
  const year = yearFlag(args);
  const due = stringFlag(args, 'due');
  if (due !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(due))
    throw new UsageError('--due 应为日期，如 --due 2027-03-31', '--due must be a date such as 2027-03-31');
  const report = await call('package:received', { ...(year ? { year } : {}), ...(due ? { due } : {}) });
  if (args.flags['json']) {
    print(report);
    return;
  }
  const count = (status: keyof typeof AREA_STATUS_LABELS): number => report.areas.filter((a) => a.status === status).length;
  console.log(
    `${report.year}年度上报包${report.due ? `（截止 ${report.due}）` : ''}：已报 ${count('received')}，逾期 ${count('late')}，未报 ${count('missing')}`,
  );
  for (const a of report.areas) {
    const p = a.forPeriod ?? a.last;
    const what = p
      ? `${p.unit} ${p.operator} ${packageTime(p.createdAt)} 生成，${packageTime(p.receivedAt)} 收到${a.forPeriod ? '' : `（${p.year}年度）`}`
      : '从未收到';
    console.log(`  ${displayText(a.name)}${a.code ? `（${a.code}）` : ''}　${AREA_STATUS_LABELS[a.status]}　${displayText(what)}`);
  }
}

/**
 * Polls a background job until it ends, showing progress on stderr; Ctrl+C asks it to stop
 * (the files written so far stay).
 */
async function followJob(call: Call, started: JobStatus): Promise<JobStatus> {
  // The first Ctrl+C stops the job; a second one ends the run.
  onInterrupt = () => {
    onInterrupt = null;
    io.stderr.write('\n正在取消…\n');
    void call('jobs:cancel', { jobId: started.jobId });
  };
  try {
    let status = started;
    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = await call('jobs:get', { jobId: started.jobId });
      if (status.state === 'running' && status.total > 0)
        io.stderr.write(`\r${status.done}/${status.total}　${status.message.slice(0, 40)}\u001b[K`);
    }
    io.stderr.write('\n');
    return status;
  } finally {
    onInterrupt = null;
  }
}

/** --level: the cadres' level (city, county, township, village), or every level when absent. */
function levelFlag(args: ParsedArgs): Cadre['level'] | undefined {
  const level = stringFlag(args, 'level');
  if (level !== undefined && !(REGION_LEVELS as readonly string[]).includes(level)) {
    throw new UsageError(
      '--level 应为 city（市级）、county（旗区级）、township（乡镇级）或 village（村级）',
      '--level must be city, county, township or village',
    );
  }
  return level as Cadre['level'] | undefined;
}

/** --year: a year for reports and handbooks other than the plan year. */
function yearFlag(args: ParsedArgs): number | undefined {
  const text = stringFlag(args, 'year');
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError('--year 应为年度，如 --year 2027', '--year must be a year such as 2027');
  return year;
}

/** --region takes a 区划代码 (6 or 12 digits) or a region id. */
function regionByCode(regions: readonly Region[], code: string | undefined): string {
  if (!code) return '';
  const found = regions.find((r) => r.code === code || r.id === code);
  if (!found) throw new UsageError(`找不到区划代码“${code}”`, `unknown region "${code}"`);
  return found.id;
}

/** A flag that takes one of a few words, or none. */
function oneOf<T extends string>(args: ParsedArgs, name: string, words: readonly T[]): T | undefined {
  const value = stringFlag(args, name);
  if (value === undefined || (words as readonly string[]).includes(value)) return value as T | undefined;
  throw new UsageError(`--${name} 应为 ${words.join('、')} 之一`, `--${name} must be one of ${words.join(', ')}`);
}

/** One problem of the 台账 on a line: id, stage, 主体, description, deadline and what is overdue. */
function problemLine(row: ProblemView): string {
  const late = overdueText(row.overdue);
  return [
    row.problem.id,
    row.stage,
    displayText(row.entityName),
    displayText(row.problem.description),
    `整改期限 ${row.problem.deadline}`,
    late,
  ]
    .filter(Boolean)
    .join('\t');
}

function recordKind(word: string | undefined): RecordKind {
  if (word && (RECORD_KINDS as readonly string[]).includes(word)) return word as RecordKind;
  throw new UsageError(`请指明类型：${RECORD_KINDS.join('、')}`, `kind must be one of ${RECORD_KINDS.join(', ')}`);
}

async function saveFile(target: string, file: FileContent): Promise<void> {
  await writeFileAtomic(path.resolve(target), Buffer.from(file.contentBase64, 'base64'));
}

function print(value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function formatStats(s: Stats): string {
  const n = countText;
  const grades = GRADES.map((g) => `${g}级 ${n(s.entities.byGrade[g])}`).join('，');
  const levels = REGION_LEVELS.map((l) => `${CADRE_LEVEL_LABELS[l]} ${n(s.cadres.byLevel[l])}`).join('，');
  // 包保覆盖 counts every 主体 but the 注销 ones: said, so that the figures add up to the total.
  const closed = s.entities.total - s.coverage.assigned - s.coverage.unassigned;
  return [
    `包保主体 ${n(s.entities.total)} 户（${grades}）；企业 ${n(s.entities.enterprises)} 家，其中大型企业 ${n(s.entities.largeEnterprises)} 家`,
    `包保干部 ${n(s.cadres.total)} 名（${levels}）；承诺书已签 ${ratioText(s.cadres.commitmentSigned)}`,
    `网格监管人员 ${n(s.regulators.total)} 名；区划：旗区 ${n(s.regions.county)}，乡镇 ${n(s.regions.township)}，村 ${n(s.regions.village)}`,
    `包保覆盖：已落实 ${n(s.coverage.assigned)}，未落实 ${n(s.coverage.unassigned)}${closed > 0 ? `（另有已注销 ${n(closed)} 户不计）` : ''}，其他违规 ${n(s.coverage.violations)}`,
    `日管控周排查月调度 ${ratioText(s.duties.dailyWeeklyMonthly)}；纳入风险管控系统 ${ratioText(s.duties.riskSystem)}`,
    `配备食品安全员 ${ratioText(s.duties.safetyOfficer)}；配备食品安全总监 ${ratioText(s.duties.safetyDirector)}；主体责任承诺书 ${ratioText(s.duties.commitment)}`,
    `督导 计划 ${n(s.visits.planned)} 次，完成 ${n(s.visits.done)} 次（${s.visits.byQuarter.map((q, i) => `${i + 1} 季度 ${n(q.done)}/${n(q.planned)}`).join('，')}）；本年度问题 未整改 ${n(s.problems.open)}，已整改 ${n(s.problems.closed)}；历年未整改合计 ${n(s.problems.openAllYears)}`,
    `问题办理（历年未销号）：待交办 ${n(s.problems.byStage.toAssign)}，待整改 ${n(s.problems.byStage.toRectify)}，待复核 ${n(s.problems.byStage.toReview)}，待销号 ${n(s.problems.byStage.toClose)}`,
    `干部督查：督查 ${n(s.inspections.records)} 次，涉及干部 ${n(s.inspections.cadresChecked)} 名，未落实事项 ${n(s.inspections.unmetItems)} 项`,
  ].join('\n');
}

function unexpected(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `错误：意外错误（${detail}），本次操作未完成，此前已保存的数据不受影响。请重试；仍出错请把这一行发给技术支持 / Error: unexpected failure`;
}

let ending = false;

/**
 * Ends the run on a signal or an error no command caught: one line on stderr, the library closed
 * (pending saves finish, the lock is released), then the exit code.
 */
async function endRun(line: string, code: number): Promise<void> {
  if (ending) return;
  ending = true;
  await openStore?.close().catch(() => undefined);
  process.stderr.write(`${line}\n`, () => process.exit(code));
}

/** The process runs the CLI itself (`tsx main/server/cli/index.ts …`), rather than a test importing runCli. */
function runAsProgram(): void {
  // A reader that stops early (`… | head -1`) closes the pipe: what is left to print has nowhere to
  // go, and the run ends as it would have. Any other failure to write the output is an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') void endRun(unexpected(error), 1);
    });
  }
  process.on('uncaughtException', (error) => void endRun(unexpected(error), 1));
  process.on('unhandledRejection', (error) => void endRun(unexpected(error), 1));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (signal === 'SIGINT' && onInterrupt) return onInterrupt();
      void endRun(
        `错误：操作被中断（${signal}），已完成的保存都在，未完成的修改没有写入 / Error: interrupted`,
        128 + os.constants.signals[signal],
      );
    });
  }
  // exitCode, not exit(): a pipe (`… --json | jq`) must receive all of stdout before the process ends.
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) runAsProgram();
