import { addDays } from '../calendar/days';
import type { Cadre, Entity, Grade } from '../domain/schemas';
import { type DemoBuilder, type Draft, type Link, type Reason, UNASSIGNED_SHARE } from './builder';
import { CITY_ENTITIES } from './plans';
import { type Random } from './random';

/** Deliberate imperfections planted in a demo library, for `check` and the screens to find. */

/**
 * Real registers are never clean: a few closed or paused 主体, some not yet assigned, cadres
 * who left, and one example of every rule the violation checker knows. Counts follow the
 * city's, scaled by the number of 主体.
 */
export class Sprinkler {
  private readonly used = new Set<number>();
  private readonly order: number[];
  private readonly factor: number;

  constructor(
    private readonly builder: DemoBuilder,
    private readonly rng: Random,
    private readonly drafts: readonly Draft[],
    private readonly entities: readonly Entity[],
    private readonly links: Link[][],
  ) {
    this.order = rng.shuffle(drafts.map((_, i) => i));
    this.factor = drafts.length / CITY_ENTITIES;
  }

  run(): void {
    this.closeSome();
    this.pauseSome();
    this.leaveUnassigned();
    this.retireCadres();
    this.misassign();
    this.addHistory();
  }

  /** About `cityCount` at city size, at least one. */
  private scaled(cityCount: number): number {
    return Math.max(1, Math.round(cityCount * this.factor));
  }

  /** Up to `count` not yet used 主体 that pass the test, in random order. */
  private take(count: number, test: (i: number) => boolean): number[] {
    const taken: number[] = [];
    for (const i of this.order) {
      if (taken.length >= count) break;
      if (this.used.has(i) || !test(i)) continue;
      this.used.add(i);
      taken.push(i);
    }
    return taken;
  }

  private current(i: number): Link[] {
    return (this.links[i] ?? []).filter((l) => l.end === '');
  }

  private entity(i: number): Entity {
    const entity = this.entities[i];
    if (!entity) throw new Error(`no 主体 ${i}`);
    return entity;
  }

  private endCurrent(i: number, endReason: Reason): void {
    for (const link of this.current(i)) {
      link.end = this.builder.dateIn('02-01', '04-30');
      link.endReason = endReason;
    }
  }

  /** ~0.5 % 注销 (never 企业, so the duty totals stay whole); ~20 still wrongly assigned. */
  private closeSome(): void {
    const closed = this.take(Math.round(this.drafts.length * 0.005), (i) => this.entity(i).type !== '企业' && this.current(i).length === 1);
    closed.forEach((i, k) => {
      this.entity(i).status = '注销';
      if (k >= this.scaled(20)) this.endCurrent(i, '主体注销');
    });
  }

  private pauseSome(): void {
    for (const i of this.take(Math.round(this.drafts.length * 0.004), (i) => this.entity(i).type !== '企业')) {
      this.entity(i).status = '停业';
      this.entity(i).notes = this.rng.pick(['停业装修', '季节性停业', '经营者外出，暂停营业']);
    }
  }

  /** Tops up the naturally unassigned (village unknown, so no 村级 cadre) to ~2.5 %. */
  private leaveUnassigned(): void {
    const open = this.drafts.filter((_, i) => this.entity(i).status !== '注销').length;
    const already = this.drafts.filter((_, i) => this.entity(i).status !== '注销' && this.current(i).length === 0).length;
    const extra = this.take(Math.max(0, Math.round(open * UNASSIGNED_SHARE) - already), (i) => this.current(i).length === 1);
    // A third lost their cadre to a job change and wait for a successor.
    extra.forEach((i, k) => {
      if (k % 3 === 0) this.endCurrent(i, '干部变动');
      else this.links[i]?.splice(0);
    });
  }

  /** ~0.5 % of cadres have left (调离) but still hold their 主体: the inactive-cadre case. */
  private retireCadres(): void {
    const load = new Map<Cadre, number>();
    this.drafts.forEach((_, i) => {
      for (const link of this.current(i)) load.set(link.cadre, (load.get(link.cadre) ?? 0) + 1);
    });
    const candidates = [...load.keys()].filter((c) => c.level === 'township' || c.level === 'village');
    for (const cadre of this.rng.sample(candidates, this.scaled(13))) {
      cadre.active = false;
      // Left between one and thirty days ago: some are still within the 7-working-day deadline.
      cadre.inactiveSince = addDays(this.builder.today, -this.rng.int(1, 30));
      cadre.notes = '已调离原岗位，待调整包保关系';
    }
  }

  /** Manual choices that break a rule: wrong level, outside the area, two current cadres. */
  private misassign(): void {
    const builder = this.builder;
    const healthy = (i: number, grade: Grade): boolean =>
      this.drafts[i]?.spec.grade === grade &&
      this.drafts[i]?.village != null &&
      this.entity(i).status !== '注销' &&
      this.current(i).length === 1 &&
      this.current(i)[0]?.cadre.active === true;
    const reassign = (i: number, cadre: Cadre): void => {
      for (const link of this.current(i)) {
        link.cadre = cadre;
        link.reason = '调整';
        link.manual = true;
      }
    };

    // Level mismatch: D-grade 主体 kept by a 乡镇级 cadre, C-grade by a 旗区级 one.
    for (const i of this.take(this.scaled(14), (i) => healthy(i, 'D'))) {
      const draft = this.drafts[i];
      if (draft) reassign(i, this.rng.pick(builder.cadresOn(draft.township.region.id)));
    }
    for (const i of this.take(this.scaled(6), (i) => healthy(i, 'C'))) {
      const draft = this.drafts[i];
      if (draft) reassign(i, this.rng.pick(builder.cadresOn(draft.township.county.id)));
    }

    // Out of area: a 村级 cadre of the neighbouring village.
    const neighbour = (i: number): Cadre | undefined => {
      const village = this.drafts[i]?.village;
      const others = village?.township.villages.filter((v) => v !== village && builder.cadresOn(v.region.id).length > 0) ?? [];
      return others.length > 0 ? this.rng.pick(builder.cadresOn(this.rng.pick(others).region.id)) : undefined;
    };
    for (const i of this.take(this.scaled(20), (i) => healthy(i, 'D') && neighbour(i) !== undefined)) {
      const cadre = neighbour(i);
      if (cadre) reassign(i, cadre);
    }

    // Two current cadres: a second village cadre added without ending the first.
    const sibling = (i: number): Cadre | undefined => {
      const mine = this.current(i)[0]?.cadre;
      return builder.cadresOn(mine?.regionId).find((c) => c !== mine);
    };
    for (const i of this.take(this.scaled(5), (i) => healthy(i, 'D') && sibling(i) !== undefined)) {
      const cadre = sibling(i);
      if (cadre) this.links[i]?.push(builder.link(cadre, builder.dateIn('02-01', '03-31'), '调整', true));
    }
  }

  /** ~3 % changed hands in the previous year's reshuffle: an ended 干部变动 record before the current one. */
  private addHistory(): void {
    const builder = this.builder;
    const predecessor = (i: number): Cadre | undefined => {
      const mine = this.current(i)[0]?.cadre;
      return builder.cadresOn(mine?.regionId).find((c) => c !== mine);
    };
    for (const i of this.take(Math.round(this.drafts.length * 0.03), (i) => this.current(i).length === 1 && predecessor(i) !== undefined)) {
      const link = this.current(i)[0];
      const cadre = predecessor(i);
      if (!link || !cadre) continue;
      const handover = builder.dateIn('10-08', '12-25', -1);
      const before: Link = {
        cadre,
        start: builder.dateIn('03-01', '06-30', -1),
        end: handover,
        reason: '新建',
        endReason: '干部变动',
        manual: false,
      };
      link.start = handover;
      link.reason = '干部变动';
      this.links[i]?.unshift(before);
    }
  }
}
