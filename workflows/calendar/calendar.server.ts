import { type Db } from '#db/client.server.ts'
import {
	deleteDeclaredDay,
	insertDeclaredDay,
	listDeclaredDays,
} from '#db/repos/calendar.server.ts'
import { type OrganisationKind, type Role } from '#lib/enums.ts'
import {
	type DeclaredDays,
	type DeclaredKind,
	isWorkingDay,
	publicHolidays,
} from '#lib/working-days.ts'

export interface CalendarActor {
	id: string
	roles: Role[]
	organisationKind: OrganisationKind
}

/** One calendar for Viet Nam: every signed-in user reads it, only the board's admins declare days. */
export function mayEditCalendar(actor: CalendarActor) {
	return actor.roles.includes('admin') && actor.organisationKind === 'vgcl_board'
}

/** A year's computed holidays and declared days (one query). */
export async function readCalendarYear(db: Db, year: number) {
	const declared = await listDeclaredDays(db, `${year}-01-01`, `${year}-12-31`)
	return { year, holidays: publicHolidays(year), declared }
}

/** The declared days between two dates, for isWorkingDay / addWorkingDays. */
export async function declaredDaysBetween(
	db: Db,
	from: string,
	to: string,
): Promise<DeclaredDays> {
	const rows = await listDeclaredDays(db, from, to)
	return new Map(rows.map(row => [row.day, row.kind]))
}

type Result = { ok: true } | { ok: false; field: 'day' | 'form'; error: string }

export async function declareDay(
	db: Db,
	actor: CalendarActor,
	input: { day: string; kind: DeclaredKind; note: string },
): Promise<Result | 'forbidden'> {
	if (!mayEditCalendar(actor)) return 'forbidden'
	// Declaring what the computed calendar already says would change nothing.
	if (isWorkingDay(input.day) === (input.kind === 'working'))
		return {
			ok: false,
			field: 'day',
			error:
				input.kind === 'working'
					? 'calendar.errors.alreadyWorking'
					: 'calendar.errors.alreadyOff',
		}
	const inserted = await insertDeclaredDay(db, {
		...input,
		declaredBy: actor.id,
	})
	return inserted
		? { ok: true }
		: { ok: false, field: 'day', error: 'calendar.errors.taken' }
}

export async function removeDeclaredDay(
	db: Db,
	actor: CalendarActor,
	day: string,
	version: number,
): Promise<Result | 'forbidden'> {
	if (!mayEditCalendar(actor)) return 'forbidden'
	const deleted = await deleteDeclaredDay(db, day, version)
	return deleted
		? { ok: true }
		: { ok: false, field: 'form', error: 'calendar.errors.stale' }
}
