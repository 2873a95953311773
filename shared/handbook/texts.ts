import type { CadreLevel } from '../domain/schemas';

/**
 * The handbook's standing texts (docs/domain.md#包保干部的规则, docs/domain.md#设置的规则), written by the team in plain Chinese after the
 * published 包保 rules. Offices adjust the wording to their own 实施方案.
 */
export const DUTIES_WHAT: readonly string[] = [
  '督促所包保主体落实食品安全主体责任，配齐食品安全总监、食品安全员。',
  '督促企业建立并执行“日管控、周排查、月调度”工作机制，落实风险管控清单。',
  '按计划开展督导，了解主体食品安全状况，发现问题督促整改到位。',
  '协调解决主体落实责任中遇到的困难，重大问题及时向属地党委政府报告。',
  '与网格监管人员衔接配合，做到包保与监管上下联动、闭环管理。',
];

export const DUTIES_HOW: readonly string[] = [
  '一查：对照督导检查要点逐项查看，查主要负责人、总监、安全员在岗履职情况（三类人）。',
  '二看：看日管控、周排查、月调度是否落实（三件事），看每日检查记录、每周排查报告、每月调度纪要（三本账）。',
  '三问：问企业存在的困难和风险隐患，问上次督导发现问题的整改情况。',
  '四记：如实填写督导记录表，发现问题写明整改期限，交回市场监管部门录入。',
  '五报：发现重大风险隐患立即告知网格监管人员，并向属地党委政府报告。',
];

export const TASK_BLOCKS: readonly { readonly block: string; readonly tasks: readonly string[] }[] = [
  {
    block: '完善管理体系',
    tasks: [
      '熟悉所包保主体基本情况、风险等级和责任人员',
      '督促企业配齐食品安全总监、食品安全员并明确职责',
      '督促企业建立风险管控清单并纳入风险管控系统',
    ],
  },
  {
    block: '抓好常态化防控',
    tasks: ['按督导计划开展督导，每季度至少一次', '节假日前、重大活动前开展专项督导', '督促问题整改，做到闭环管理'],
  },
  {
    block: '强化应急处置',
    tasks: ['督促企业制定食品安全事故处置方案', '发生食品安全事件时第一时间赶赴现场，配合做好处置', '及时报告情况，不迟报、不漏报、不瞒报'],
  },
  {
    block: '加强宣传培训',
    tasks: ['参加包保工作培训，掌握督导方法', '向主体宣传食品安全法律法规和“两个责任”要求', '推动企业开展从业人员培训考核'],
  },
];

const COMMON_CHECKS: readonly string[] = [
  '三类人：主要负责人、食品安全总监、食品安全员在岗履职',
  '三件事：日管控、周排查、月调度落实到位',
  '三本账：每日检查记录、每周排查报告、每月调度纪要齐全',
  '许可证照齐全且在有效期内',
  '从业人员持有效健康证明',
  '进货查验和索证索票记录完整',
];

/**
 * Default 督导检查要点 per level, what a cadre checks on a visit (the office edits them in 设置,
 * stored in the profile): 乡镇级 “六有六无”, 村级 “五有五无”, and the common checks for all.
 */
export const DEFAULT_CHECKLISTS: Readonly<Record<CadreLevel, readonly string[]>> = {
  city: [...COMMON_CHECKS, '企业风险管控系统运行情况', '上级交办事项和重大隐患整改情况'],
  county: [...COMMON_CHECKS, '辖区大型企业总监配备和履职情况', '上次督导问题整改销号情况'],
  township: [
    ...COMMON_CHECKS,
    '六有：有证照、有制度、有台账、有培训、有检查、有整改',
    '六无：无过期食品、无“三无”产品、无违规添加、无病媒生物、无交叉污染、无违法宣传',
  ],
  village: [
    ...COMMON_CHECKS.slice(0, 3),
    '五有：有证照、有台账、有健康证、有防蝇防鼠设施、有公示',
    '五无：无过期食品、无“三无”产品、无病媒生物、无脏乱差、无违规经营',
  ],
};

/**
 * Default 督查清单 (docs/domain.md#包保干部的规则): what the 省/市/旗区/乡镇 督查组 check a cadre against — the
 * 责任清单 first, then the 任务清单's four blocks. The office edits them in 设置 after its own
 * latest notice (按本地最新通知核对).
 */
export const DEFAULT_INSPECTION_ITEMS: readonly string[] = [
  '责任清单：熟悉所包保主体的基本情况、包保等级和责任人员',
  '责任清单：按督导计划完成督导，每季度至少一次，督导记录如实填写、按时交回',
  '责任清单：督促所包保主体配齐食品安全总监、食品安全员，落实“日管控、周排查、月调度”',
  '责任清单：督导发现的问题已督促整改，做到闭环销号',
  '任务清单·完善管理体系：督促企业建立风险管控清单并纳入风险管控系统',
  '任务清单·抓好常态化防控：节假日前、重大活动前开展专项督导',
  '任务清单·强化应急处置：督促主体制定事故处置方案，发生事件及时到场、如实报告',
  '任务清单·加强宣传培训：参加包保工作培训，向主体宣传法律法规和“两个责任”要求',
  '已签订《食品安全责任与任务承诺书》并按承诺履职',
];

export function commitmentLetter(cadreName: string, orgName: string, year: number): readonly string[] {
  return [
    `本人${cadreName}，作为${year}年度食品安全包保干部，郑重承诺：`,
    '一、认真履行包保责任，熟悉所包保主体情况，按计划开展督导，每季度至少督导一次。',
    '二、督促所包保主体落实食品安全主体责任，建立并执行“日管控、周排查、月调度”工作机制。',
    '三、发现问题督促整改到位，发现重大风险隐患及时报告，不推诿、不隐瞒。',
    '四、配合网格监管人员做好监管衔接，如实填写督导记录，按时交回。',
    `五、自觉接受${orgName}和社会监督，如有失职失责，愿意承担相应责任。`,
  ];
}

/**
 * 《致食品安全包保领导的一封信》 (docs/domain.md#致包保领导的一封信), after the seed's wording: tells the official what to
 * do (干什么), how (如何干) and how often. `{字段}` are merge fields (shared/handbook/letter.ts).
 */
export const DEFAULT_LETTER = {
  title: '致食品安全包保领导的一封信',
  greeting: '尊敬的{姓名}同志：',
  body: [
    // Fits the GB/T 9704 page (22 lines of 28 characters) with the title, 称呼, 署名 and 成文日期.
    '您好！按照“两个责任”工作部署，{年度}年度由您作为{包保层级}包保干部，包保{包保区域}食品生产经营主体{包保主体总数}户，其中A级{A级数}户、B级{B级数}户、C级{C级数}户、D级{D级数}户。',
    '一、干什么。{工作职责}',
    '二、如何干。对照手册中的督导检查要点，查“三类人”在岗履职，看“三件事”落实，翻“三本账”是否齐全；发现问题督促限期整改，重大风险隐患立即报告属地党委政府。',
    '三、多久干一次。每户每季度至少督导1次，全年共{年度督导次数}次；每次督导后如实填写督导记录表，交回市场监管部门。',
    '四、签订承诺书。请签订《食品安全责任与任务承诺书》，交市场监管部门存档。',
    '如有问题，请联系{联系人}，电话{联系电话}。让我们携手守护群众“舌尖上的安全”！',
  ].join('\n'),
  closing: '{落款单位}\n{日期}',
  dutiesByLevel: {
    city: '包保A级食品生产经营主体，督促企业落实主体责任，配齐食品安全总监和食品安全员，推动“日管控、周排查、月调度”和风险管控系统落实，协调解决重大问题。',
    county:
      '包保B级食品生产经营主体，督促企业落实主体责任，配齐食品安全员（大型企业配备食品安全总监），落实“日管控、周排查、月调度”，督促问题整改到位。',
    township: '包保C级食品生产经营主体，对照“六有六无”督促主体规范经营，落实“日管控、周排查、月调度”，发现问题督促整改，及时向旗区报告。',
    village: '包保D级食品生产经营主体，对照“五有五无”督促小作坊、小餐饮、小商店等规范经营，发现问题及时劝导并告知网格监管人员。',
  },
  contactName: '',
  contactPhone: '',
  signOrg: '',
} as const;
