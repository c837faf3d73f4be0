import { type Db } from '#db/client.server.ts'
import { recordAudit } from '#db/repos/audit-log.server.ts'
import {
	deleteDeclaredDay,
	insertDeclaredDay,
	listDeclaredDays,
	recountWorkingDayDeadlines,
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
	organisationId: string
	roles: Role[]
	organisationKind: OrganisationKind
}

/** One calendar for Viet Nam: every signed-in user reads it, only the board's admins declare days. */
export function mayEditCalendar(actor: CalendarActor) {
	return (
		actor.roles.includes('admin') && actor.organisationKind === 'vgcl_board'
	)
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
	// The day and its audit entry exist together, or neither.
	const inserted = await db.transaction().execute(async trx => {
		const done = await insertDeclaredDay(trx, {
			...input,
			declaredBy: actor.id,
		})
		if (done) await recountWorkingDayDeadlines(trx, input.day)
		if (done)
			await recordAudit(trx, {
				actorId: actor.id,
				organisationId: actor.organisationId,
				action: 'calendar.declared',
				subjectId: input.day,
				after: input,
			})
		return done
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
	const deleted = await db.transaction().execute(async trx => {
		const before = await deleteDeclaredDay(trx, day, version)
		if (before) await recountWorkingDayDeadlines(trx, day)
		if (before)
			await recordAudit(trx, {
				actorId: actor.id,
				organisationId: actor.organisationId,
				action: 'calendar.removed',
				subjectId: day,
				before,
			})
		return before
	})
	return deleted
		? { ok: true }
		: { ok: false, field: 'form', error: 'calendar.errors.stale' }
}
