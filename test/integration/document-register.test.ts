/**
 * The register of outgoing documents: numbers run per organisation, kind and year, in the
 * organisation's notation, never twice and never skipped, also under parallel issues and when
 * an issuing transaction rolls back.
 */
import { expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { type DocumentKind, notationProblem } from '#lib/document-notation.ts'
import {
	changeDocumentNotation,
	issueDocument,
} from '#workflows/documents/register.server.ts'
import { issueAnnualReportNumber } from '#workflows/documents/annual-report-number.server.ts'
import { insertOrganisation, insertUser } from '../factories.ts'

async function world() {
	const ldld = await insertOrganisation(db, {
		kind: 'provincial_federation',
		short_name: 'LĐLĐ tỉnh Quảng Trị',
		document_notation: '{n}/{kind}-LĐLĐ',
	})
	const tinhUy = await insertOrganisation(db, {
		kind: 'party_committee',
		short_name: 'Tỉnh ủy Quảng Trị',
		document_notation: '{n}-{kind}/TU',
	})
	const clerk = await insertUser(db, {
		organisation_id: ldld.id,
		roles: ['drafter'],
	})
	return { ldld, tinhUy, clerk }
}

const issue = (
	organisationId: string,
	issuedBy: string,
	kind: DocumentKind,
	issuedOn = '2026-12-06',
) =>
	db.transaction().execute(trx =>
		issueDocument(trx, {
			organisationId,
			kind,
			subject: `Văn bản ${kind}`,
			issuedOn,
			issuedBy,
		}),
	)

test('numbers run per organisation, kind and year, in the organisation’s notation', async () => {
	const { ldld, tinhUy, clerk } = await world()
	expect((await issue(ldld.id, clerk.id, 'KH')).notation).toBe('1/KH-LĐLĐ')
	expect((await issue(ldld.id, clerk.id, 'KH')).notation).toBe('2/KH-LĐLĐ')
	expect((await issue(ldld.id, clerk.id, 'BC')).notation).toBe('1/BC-LĐLĐ')
	expect((await issue(tinhUy.id, clerk.id, 'CV')).notation).toBe('1-CV/TU')
	expect((await issue(ldld.id, clerk.id, 'KH')).notation).toBe('3/KH-LĐLĐ')
	// A new year starts at 1; the old year's register goes on where it was.
	expect((await issue(ldld.id, clerk.id, 'KH', '2027-01-02')).notation).toBe(
		'1/KH-LĐLĐ',
	)
	expect((await issue(ldld.id, clerk.id, 'KH', '2026-12-31')).notation).toBe(
		'4/KH-LĐLĐ',
	)
	const rows = await db
		.selectFrom('outgoing_document')
		.select(['year', 'kind', 'number'])
		.where('organisation_id', '=', ldld.id)
		.orderBy('year')
		.orderBy('kind')
		.orderBy('number')
		.execute()
	expect(rows).toEqual([
		{ year: 2026, kind: 'BC', number: 1 },
		{ year: 2026, kind: 'KH', number: 1 },
		{ year: 2026, kind: 'KH', number: 2 },
		{ year: 2026, kind: 'KH', number: 3 },
		{ year: 2026, kind: 'KH', number: 4 },
		{ year: 2027, kind: 'KH', number: 1 },
	])
})

test('20 parallel issues get 20 distinct consecutive numbers', async () => {
	const { ldld, clerk } = await world()
	const issued = await Promise.all(
		Array.from({ length: 20 }, () => issue(ldld.id, clerk.id, 'CV')),
	)
	const numbers = issued.map(d => d.number).sort((a, b) => a - b)
	expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
	expect(new Set(issued.map(d => d.notation)).size).toBe(20)
})

test('a rolled-back issue gives its number back: no gap', async () => {
	const { ldld, clerk } = await world()
	await issue(ldld.id, clerk.id, 'TB')
	await expect(
		db.transaction().execute(async trx => {
			await issueDocument(trx, {
				organisationId: ldld.id,
				kind: 'TB',
				subject: 'Hủy',
				issuedOn: '2026-12-06',
				issuedBy: clerk.id,
			})
			throw new Error('the rest of the change failed')
		}),
	).rejects.toThrow('the rest of the change failed')
	expect((await issue(ldld.id, clerk.id, 'TB')).notation).toBe('2/TB-LĐLĐ')
})

test('a notation must hold {n} and {kind} once and nothing odd', async () => {
	const { ldld } = await world()
	expect(notationProblem('{n}/{kind}-LĐLĐ')).toBeNull()
	expect(notationProblem('{n}-{kind}/TU')).toBeNull()
	expect(notationProblem('/KH-LĐLĐ')).toBe('notation.number')
	expect(notationProblem('{n}/{n}-{kind}')).toBe('notation.number')
	expect(notationProblem('{n}/KH')).toBe('notation.kind')
	expect(notationProblem('{n}/{kind} <b>')).toBe('notation.chars')
	expect(await changeDocumentNotation(db, ldld.id, '{n}/KH')).toEqual({
		ok: false,
		error: 'notation.kind',
	})
	const row = await db
		.selectFrom('organisation')
		.select('document_notation')
		.where('id', '=', ldld.id)
		.executeTakeFirstOrThrow()
	expect(row.document_notation).toBe('{n}/{kind}-LĐLĐ')
	expect(
		await changeDocumentNotation(db, ldld.id, ' {n}-{kind}/LĐLĐ '),
	).toEqual({ ok: true })
})

test('the annual report takes its number from the same register, once', async () => {
	const { ldld, clerk } = await world()
	await issue(ldld.id, clerk.id, 'BC')
	const report = await db
		.insertInto('annual_report')
		.values({ organisation_id: ldld.id, year: 2026, created_by: clerk.id })
		.returning(['id', 'organisation_id', 'year', 'version'])
		.executeTakeFirstOrThrow()
	const stale = await issueAnnualReportNumber(db, {
		report,
		expectedVersion: report.version + 5,
		issuedBy: clerk.id,
		issuedOn: '2026-12-06',
	})
	expect(stale).toEqual({ status: 'conflict' })
	expect(
		await issueAnnualReportNumber(db, {
			report,
			expectedVersion: report.version,
			issuedBy: clerk.id,
			issuedOn: '2026-12-06',
		}),
	).toEqual({ status: 'ok', notation: '2/BC-LĐLĐ' })
	const saved = await db
		.selectFrom('annual_report')
		.select(['number_symbol', 'report_date'])
		.where('id', '=', report.id)
		.executeTakeFirstOrThrow()
	expect(saved).toEqual({
		number_symbol: '2/BC-LĐLĐ',
		report_date: '2026-12-06',
	})
	expect(
		await issueAnnualReportNumber(db, {
			report,
			expectedVersion: report.version + 1,
			issuedBy: clerk.id,
			issuedOn: '2026-12-06',
		}),
	).toEqual({ status: 'already_issued' })
	expect((await issue(ldld.id, clerk.id, 'BC')).notation).toBe('3/BC-LĐLĐ')
})
