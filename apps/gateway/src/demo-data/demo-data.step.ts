import { Inject, Injectable } from '@nestjs/common';
import type { Application, Caller } from '@dutyline/application';
import type { Clock, Id, LocalDate, SlotInput } from '@dutyline/domain';
import { TimeZone } from '@dutyline/domain';
import { APPLICATION } from '../application/application.module';
import { callerOf } from '../auth/actor';
import { CLOCK } from '../platform/platform.tokens';
import { DemoSeed, DemoSeedContext, DemoSeedStep } from '../seed/demo-seed-step';
import { DEMO_ADMIN_EMAIL } from '../seed/demo-seeder.service';

export const DEMO_HOTLINE_NUMBER = '+33184800000';
export const DEMO_TIME_ZONE = 'Europe/Paris';

/** The demo's one hole in the schedule: Wednesday 12:00→14:00, nobody on duty (shown by `coverage`). */
export const DEMO_GAP = { weekday: 3, start: '12:00', end: '14:00' } as const;

interface DemoCrew {
  readonly camille: Id;
  readonly lucas: Id;
  readonly chloe: Id;
  readonly hugo: Id;
  /** The demo admin's own person (same e-mail), so `me { person }` and "my shifts" have something to show. */
  readonly julie: Id;
  readonly team: Id;
}

/**
 * The week starting on `monday`, back to back from Monday 00:00 to the next Monday 08:00 but for
 * one gap: office hours 08:00→18:00 (Camille, then Hugo), weeknights 18:00→08:00 (Lucas, Chloé,
 * the maintenance team, Julie), the weekend Friday 18:00→Monday 08:00 (Hugo, then the team), and
 * Monday 00:00→08:00 before it all (Chloé).
 */
export function demoWeek(monday: LocalDate, crew: DemoCrew): SlotInput[] {
  const at = (day: number, time: string) => `${monday.plusDays(day)}T${time}`;
  const person = (id: Id) => ({ kind: 'person', id });
  const team = { kind: 'team', id: crew.team };
  const nights = [person(crew.lucas), person(crew.chloe), team, person(crew.julie)];
  const slots: SlotInput[] = [{ start: at(0, '00:00'), end: at(0, '08:00'), assignees: [person(crew.chloe)] }];
  for (let day = 0; day < 5; day++) {
    const office = [person(crew.camille), person(crew.hugo)];
    if (day + 1 === DEMO_GAP.weekday) {
      slots.push(
        { start: at(day, '08:00'), end: at(day, DEMO_GAP.start), assignees: office },
        { start: at(day, DEMO_GAP.end), end: at(day, '18:00'), assignees: office },
      );
    } else {
      slots.push({ start: at(day, '08:00'), end: at(day, '18:00'), assignees: office });
    }
    if (day < 4) slots.push({ start: at(day, '18:00'), end: at(day + 1, '08:00'), assignees: [nights[day]] });
  }
  slots.push({ start: at(4, '18:00'), end: at(7, '08:00'), assignees: [person(crew.hugo), team] });
  return slots;
}

/**
 * Demo data of the embedded default, through the use cases (so the audit log shows the demo admin):
 * five people with colours and numbers (one of them the demo admin, by e-mail), a team, the
 * hotline (Paris), and this week's schedule with exactly one gap.
 */
@DemoSeed({ order: 10 })
@Injectable()
export class DemoDataStep implements DemoSeedStep {
  constructor(
    @Inject(APPLICATION) private readonly app: Application,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async seed({ admin }: DemoSeedContext): Promise<void> {
    const caller: Caller = callerOf(admin);
    const person = (name: string, email: string, numbers: { number: string; label: string }[]) =>
      this.app.directory.createPerson(caller, {
        name,
        email,
        contactNumbers: numbers.map((n) => ({ ...n, ringTimeoutSeconds: 20 })),
      });
    const camille = await person('Camille Martin', 'camille.martin@demo.dutyline.example', [
      { number: '+33612345601', label: 'mobile' },
      { number: '+33123456789', label: 'office' },
    ]);
    const lucas = await person('Lucas Bernard', 'lucas.bernard@demo.dutyline.example', [
      { number: '+33698765402', label: 'mobile' },
    ]);
    const chloe = await person('Chloé Petit', 'chloe.petit@demo.dutyline.example', [
      { number: '+33745678903', label: 'mobile' },
    ]);
    const hugo = await person('Hugo Durand', 'hugo.durand@demo.dutyline.example', [
      { number: '+33678901204', label: 'mobile' },
    ]);
    const julie = await person('Julie Moreau', DEMO_ADMIN_EMAIL, [{ number: '+33656781205', label: 'mobile' }]);
    const team = await this.app.directory.createTeam(caller, {
      name: 'Équipe maintenance',
      memberIds: [lucas.id, chloe.id],
    });
    const hotline = this.created(
      await this.app.hotlines.createHotline(caller, {
        name: 'Maintenance (astreinte)',
        number: DEMO_HOTLINE_NUMBER,
        timeZone: DEMO_TIME_ZONE,
        language: 'fr-FR',
        supervisorIds: [camille.id],
        greeting: { text: "Bonjour, nous vous mettons en relation avec la personne d'astreinte.", language: 'fr-FR' },
      }),
    );
    const monday = TimeZone.of(DEMO_TIME_ZONE).toLocal(this.clock.now()).date.startOfWeek();
    const crew = {
      camille: camille.id,
      lucas: lucas.id,
      chloe: chloe.id,
      hugo: hugo.id,
      julie: julie.id,
      team: team.id,
    };
    this.created(await this.app.schedule.createSlots(caller, hotline.id, { slots: demoWeek(monday, crew) }));
  }

  private created<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
    if (!result.ok) throw new Error(`the demo data could not be seeded: ${result.error.message}`);
    return result.value;
  }
}
