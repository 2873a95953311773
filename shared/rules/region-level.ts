import { CADRE_LEVEL_LABELS, REGION_LEVEL_LABELS, type CadreLevel, type Region } from '../domain/schemas';

/**
 * Where records sit in the region tree (docs/domain.md#行政区划的规则), one rule for the forms and the imports. Each
 * gives what is wrong and what to choose instead, or '' when the region fits.
 */

/** A 主体 is registered in a 乡镇 (街道、苏木) or a 村 (社区、嘎查), never in a whole 旗区. */
export function entityRegionProblem(region: Region): string {
  if (region.level === 'township' || region.level === 'village') return '';
  return `主体的所属区划应到${REGION_LEVEL_LABELS.township}或${REGION_LEVEL_LABELS.village}一级，现为${REGION_LEVEL_LABELS[region.level]}“${region.name}”`;
}

/** A cadre serves the region of their own level: a 乡镇级 cadre a 乡镇, a 村级 cadre a 村. */
export function cadreRegionProblem(level: CadreLevel, region: Region): string {
  if (region.level === level) return '';
  return `${CADRE_LEVEL_LABELS[level]}干部的包保区域应到${REGION_LEVEL_LABELS[level]}一级，现为${REGION_LEVEL_LABELS[region.level]}“${region.name}”`;
}
