import { sql } from 'kysely'
import { type DeclaredKind } from '#lib/working-days.ts'
import { type Db } from '../client.server.ts'

/** Declared days from `from` to `to` (both included), by date, with who declared them. */
export async function listDeclaredDays(db: Db, from: string, to: string) {
	return db
		.selectFrom('declared_day')
		.innerJoin('app_user', 'app_user.id', 'declared_day.declared_by')
		.select([
			sql<string>`to_char(declared_day.day, 'YYYY-MM-DD')`.as('day'),
			'declared_day.kind',
			'declared_day.note',
			'declared_day.version',
			'app_user.full_name as declared_by_name',
		])
		.where('declared_day.day', '>=', from)
		.where('declared_day.day', '<=', to)
		.orderBy('declared_day.day')
		.execute()
}

/** Inserts a declared day; false when that date is already declared. */
export async function insertDeclaredDay(
	db: Db,
	day: { day: string; kind: DeclaredKind; note: string; declaredBy: string },
) {
	const inserted = await db
		.insertInto('declared_day')
		.values({
			day: day.day,
			kind: day.kind,
			note: day.note,
			declared_by: day.declaredBy,
		})
		.onConflict(oc => oc.column('day').doNothing())
		.returning('day')
		.executeTakeFirst()
	return Boolean(inserted)
}

/** Deletes a declared day at the version the admin saw: what it was, or null when it changed or is gone. */
export async function deleteDeclaredDay(db: Db, day: string, version: number) {
	const deleted = await db
		.deleteFrom('declared_day')
		.where('day', '=', day)
		.where('version', '=', version)
		.returning(['kind', 'note'])
		.executeTakeFirst()
	return deleted ?? null
}

/**
 * A day declared or undeclared moves the due dates counted in working days across it: reports
 * still owed (trip_done, report_returned) whose due date counts working days, returned before
 * `day` and due on or after it, get their due date counted again (add_working_days, with the
 * calendar as it now is). Returns how many moved.
 */
export async function recountWorkingDayDeadlines(db: Db, day: string) {
	const result = await db
		.updateTable('plan')
		.set({
			report_due_on: sql<string>`add_working_days(returned_on, report_due_count)`,
		})
		.where('report_due_unit', '=', 'working_days')
		.where('report_due_count', 'is not', null)
		.where('status', 'in', ['trip_done', 'report_returned'])
		.where('returned_on', '<', day)
		.where('report_due_on', '>=', day)
		.executeTakeFirst()
	return Number(result.numUpdatedRows)
}
