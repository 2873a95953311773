import type { DemoScale } from '../api/contract';
import type { Profile } from '../domain/schemas';
import type { DataDoc } from '../storage/types';
import { DemoBuilder } from './builder';
import { CITY_ENTITIES, CITY_QUOTA, districtPlan, ordosPlan, scaleQuota } from './plans';
import { apportion } from './text';

/**
 * Realistic synthetic libraries for demos, manual testing and load tests (`demo`, docs/domain.md#示范数据与规模).
 * `city` reproduces the seed's figures exactly (docs/domain.md#示范数据与规模); every record is invented except the
 * real 旗区 and 乡镇 of 鄂尔多斯市. The same seed always gives the same library.
 */

const SCALE_SETTINGS: Readonly<Record<DemoScale, { label: string; profile: Partial<Profile> }>> = {
  district: { label: '旗区级规模', profile: { orgName: '鄂尔多斯市东胜区市场监督管理局', orgLevel: 'county' } },
  city: { label: '市级规模', profile: { orgName: '鄂尔多斯市市场监督管理局', orgLevel: 'city' } },
  // The schema has no province level: the cities stand side by side as roots.
  province: { label: '省级规模', profile: { orgName: '内蒙古自治区市场监督管理局（示例）', orgLevel: 'city' } },
};

/** Province demo: 鄂尔多斯 as in `city`, plus four invented cities for the rest. */
const PROVINCE_ENTITIES = 100_000;
const PROVINCE_CADRES = 12_000;
const SYNTHETIC_CITY_WEIGHTS = [1.15, 1, 0.95, 0.9];

/**
 * A complete, valid library: `district` = 东胜区 (~2,500 主体), `city` = the docs/domain.md#示范数据与规模
 * exactly, `province` = 100,000 主体 and 12,000 cadres. `now` only stamps createdAt and the log.
 */
export function generateDemo(scale: DemoScale, seed: number, now: Date): DataDoc {
  const settings = SCALE_SETTINGS[scale];
  const builder = new DemoBuilder(seed, now, settings.profile);
  if (scale === 'district') {
    builder.addCity(districtPlan(), scaleQuota(2_500, 300));
  } else if (scale === 'city') {
    builder.addCity(ordosPlan(), CITY_QUOTA);
  } else {
    builder.addCity(ordosPlan(), CITY_QUOTA);
    const entities = apportion(PROVINCE_ENTITIES - CITY_ENTITIES, SYNTHETIC_CITY_WEIGHTS);
    const cadres = apportion(PROVINCE_CADRES - sumOf(CITY_QUOTA.cadres), SYNTHETIC_CITY_WEIGHTS);
    SYNTHETIC_CITY_WEIGHTS.forEach((_, i) => builder.addSyntheticCity(i, scaleQuota(entities[i] ?? 0, cadres[i] ?? 0)));
  }
  return builder.finish(settings.label, now);
}

function sumOf(record: Readonly<Record<string, number>>): number {
  return Object.values(record).reduce((a, b) => a + b, 0);
}
