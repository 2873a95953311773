import type { BattleTask } from './types';

/** A template row: a task before it has an id; predecessors are named by 序号. */
export interface BattleTaskDraft {
  readonly seq: number;
  readonly name: string;
  readonly method: string;
  readonly measures: string;
  readonly unit: string;
  readonly owner: string;
  readonly durationDays: number;
  readonly predecessorSeqs: readonly number[];
}

/**
 * The shipped 作战图 (docs/domain.md#作战图与周调度的规则), in the phases of the seed's programme: 动员部署 → 摸底建档与
 * 分级 → 确定包保关系 → 印发手册与培训 → 首轮督导全覆盖 → 问题整改 → 常态化督导 → 总结评估.
 * The longest chain is 112 working days, about five and a half months; the office edits freely.
 */
export function defaultBattleTemplate(): BattleTaskDraft[] {
  return [
    {
      seq: 1,
      name: '动员部署，印发实施方案和作战图',
      method: '以市食药安委名义成立落实包保责任机制工作领导小组，召开全市动员部署会议，印发《落实包保工作实施方案》和本作战图。',
      measures: '明确领导小组成员和办公室职责分工；各旗区参照制定本地实施方案和作战图，报市局备案；建立周调度制度，确定调度日和联络员。',
      unit: '市市场监管局食品安全协调科',
      owner: '分管副局长',
      durationDays: 5,
      predecessorSeqs: [],
    },
    {
      seq: 2,
      name: '全面摸底，建立包保主体台账',
      method: '以市场主体登记和食品生产经营许可数据为基础，逐户核实在营食品生产经营主体的名称、地址、许可证号、负责人和联系方式。',
      measures:
        '各市场监管所按网格分片包干，逐户上门核查并拍照留存；核实食品安全总监、食品安全员配备情况；注销、停业主体及时标注，形成“一户一档”台账。',
      unit: '各旗区市场监管局、各市场监管所',
      owner: '各旗区市场监管局分管负责人',
      durationDays: 15,
      predecessorSeqs: [1],
    },
    {
      seq: 3,
      name: '开展风险分级，确定 A、B、C、D 包保等级',
      method: '依据主体类型、经营规模、业态和风险等级评定结果，对照分级标准确定每户主体的包保等级。',
      measures: '旗区局初评、市局复核；大型企业、特殊食品生产企业、学校幼儿园食堂等重点主体逐户审核；分级结果标注在台账中并报市局汇总。',
      unit: '各旗区市场监管局；市市场监管局食品生产、食品经营、餐饮服务监管科',
      owner: '各旗区市场监管局分管负责人',
      durationDays: 8,
      predecessorSeqs: [2],
    },
    {
      seq: 4,
      name: '摸清包保干部底数，建立干部名册',
      method: '会同组织部门和各级政府，梳理市、旗区、乡镇（街道、苏木）、村（社区、嘎查）四级领导干部名单。',
      measures: '按市级、旗区级、乡镇级、村级分级造册，核实姓名、单位、职务和联系电话；干部岗位变动时及时更新名册。',
      unit: '市市场监管局食品安全协调科、各旗区食安办',
      owner: '食品安全协调科科长',
      durationDays: 10,
      predecessorSeqs: [1],
    },
    {
      seq: 5,
      name: '确定包保关系并公示',
      method: '按照市级干部包保 A 级、旗区级干部包保 B 级、乡镇级干部包保 C 级、村级干部包保 D 级主体的原则，逐户匹配包保干部。',
      measures:
        '每户主体确定一名包保干部，各干部包保数量大体均衡；同步明确每户主体的网格监管人员，形成“包保+监管”对应表；报同级食安委审定后公示。',
      unit: '市、旗区食安办',
      owner: '市、旗区食安办主任',
      durationDays: 8,
      predecessorSeqs: [3, 4],
    },
    {
      seq: 6,
      name: '编印包保干部工作手册和致包保领导的一封信',
      method:
        '逐人编印《包保干部工作手册》，附“三单一书”（责任清单、任务清单、督查清单和承诺书），随《致食品安全包保领导的一封信》送达每名包保干部。',
      measures: '手册列明包保主体、督导检查要点和联系方式；承诺书签字后收回存档；同步制作宣传海报，通过微信公众号、官网等渠道开展宣传。',
      unit: '市市场监管局食品安全协调科、各旗区市场监管局',
      owner: '食品安全协调科科长',
      durationDays: 8,
      predecessorSeqs: [5],
    },
    {
      seq: 7,
      name: '组织包保干部培训',
      method: '分级组织包保干部培训，讲清包保工作“干什么”“如何干”。',
      measures:
        '市级干部由市局集中培训，旗区级及以下干部由各旗区分批培训；讲解督导检查要点、“日管控、周排查、月调度”工作机制和督导记录填写方法，留存签到表。',
      unit: '市市场监管局、各旗区市场监管局',
      owner: '分管副局长',
      durationDays: 5,
      predecessorSeqs: [6],
    },
    {
      seq: 8,
      name: '督促企业落实主体责任',
      method: '督促食品生产经营企业建立“日管控、周排查、月调度”工作机制，制定食品安全风险管控清单。',
      measures:
        '企业全部配备食品安全员，符合条件的企业配备食品安全总监；指导企业纳入自治区“风险管控”系统实施动态管理；企业签订食品安全承诺书。',
      unit: '各旗区市场监管局、各市场监管所',
      owner: '各旗区市场监管局分管负责人',
      durationDays: 20,
      predecessorSeqs: [3],
    },
    {
      seq: 9,
      name: '开展首轮督导，实现包保主体全覆盖',
      method: '各级包保干部对所包保主体开展首轮督导，对照督导检查要点逐项检查，填写督导记录。',
      measures: '网格监管人员陪同督导；发现问题当场反馈并明确整改期限；督导记录及时录入，每周调度督导进度，未覆盖的主体逐户通报。',
      unit: '各级包保干部；各旗区市场监管局',
      owner: '各级包保干部',
      durationDays: 25,
      predecessorSeqs: [7],
    },
    {
      seq: 10,
      name: '督促问题整改，实现闭环管理',
      method: '对督导发现的问题建立整改台账，逐项明确整改责任人和整改期限。',
      measures: '网格监管人员跟踪整改进度，逾期未整改的报包保干部督办；重大隐患依法查处；整改完成后复查销号。',
      unit: '各旗区市场监管局、各市场监管所',
      owner: '各旗区市场监管局分管负责人',
      durationDays: 15,
      predecessorSeqs: [9],
    },
    {
      seq: 11,
      name: '转入常态化督导',
      method: '包保干部每季度至少督导一次所包保主体，节假日前和高风险主体适当增加督导频次。',
      measures: '实行周调度、月通报，对督导进度滞后的地区和干部及时提醒；干部岗位变动的，7 个工作日内调整包保关系。',
      unit: '各级包保干部；市、旗区食安办',
      owner: '市、旗区食安办主任',
      durationDays: 30,
      predecessorSeqs: [9],
    },
    {
      seq: 12,
      name: '总结评估，上报工作情况',
      method: '对包保工作开展情况进行总结评估，形成工作报告报市食药安委。',
      measures:
        '统计包保覆盖率、督导完成率、问题整改率和企业主体责任落实情况，按要求填报统计表；总结经验做法，查找不足，提出下一步工作措施。',
      unit: '市市场监管局食品安全协调科',
      owner: '分管副局长',
      durationDays: 8,
      predecessorSeqs: [8, 10, 11],
    },
  ];
}

/** Tasks from template rows: `idFor` gives each 序号 its id, predecessors follow. */
export function tasksFromTemplate(drafts: readonly BattleTaskDraft[], idFor: (seq: number) => string): BattleTask[] {
  return drafts.map(({ predecessorSeqs, ...draft }) => ({
    ...draft,
    id: idFor(draft.seq),
    predecessors: predecessorSeqs.map(idFor),
    status: '未开始',
    progress: 0,
  }));
}
