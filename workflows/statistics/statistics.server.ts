import { z } from 'zod'
import { db } from '#db/client.server.ts'
import {
	getStatistics,
	latestDelegationYear,
	type Statistics,
} from '#db/repos/statistics.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { notFound } from '#workflows/access/errors.ts'
import { type SessionUser } from '#workflows/access/user.ts'

const Year = z.coerce.number().int().min(2000).max(2100)

/** The filters from the URL, authorised: only the VGCL board may choose all or another organisation. */
export async function loadStatistics<U extends SessionUser>(
	user: U,
	params: URLSearchParams,
) {
	const thisYear = Number(todayIso().slice(0, 4))
	const board = user.organisationKind === 'vgcl_board'
	const org = params.get('org') || null
	if (org && !z.string().uuid().safeParse(org).success) throw notFound()
	if (!board && org && org !== user.organisationId) throw notFound()
	const organisationId = board ? org : user.organisationId
	// With no years chosen, the five years up to the latest one with a delegation (at most this year).
	const latest =
		params.get('to') || params.get('from')
			? thisYear
			: Math.min(
					thisYear,
					(await latestDelegationYear(db, organisationId)) ?? thisYear,
				)
	let fromYear = Year.catch(latest - 4).parse(params.get('from') ?? undefined)
	let toYear = Year.catch(latest).parse(params.get('to') ?? undefined)
	if (fromYear > toYear) [fromYear, toYear] = [toYear, fromYear]
	const stats = await getStatistics(db, { organisationId, fromYear, toYear })
	return { user, board, organisationId, fromYear, toYear, stats }
}

const HEAD = {
	year: 'Năm',
	country: 'Quốc gia',
	partner: 'Đối tác',
} as const

/** Rows for the CSV and XLSX exports: one section after another, Vietnamese headings. */
export function exportRows(
	stats: Statistics,
	countryName: (code: string) => string,
): Array<Array<string | number>> {
	const rows: Array<Array<string | number>> = []
	for (const key of ['year', 'country', 'partner'] as const) {
		const list =
			key === 'year'
				? stats.byYear
				: key === 'country'
					? stats.byCountry
					: stats.byPartner
		rows.push([
			HEAD[key],
			'Hướng',
			'Số đoàn',
			'Số người (đoàn ra) / khách (đoàn vào)',
			'Đoàn hủy',
		])
		for (const r of list)
			rows.push([
				key === 'country' ? countryName(r.key) : r.key,
				r.direction === 'out' ? 'Đoàn ra' : 'Đoàn vào',
				r.delegations,
				r.people,
				r.cancelled,
			])
		rows.push([])
	}
	rows.push(['Lý do hủy', 'Số đoàn'])
	for (const c of stats.cancelled) rows.push([c.reason, c.count])
	rows.push([])
	rows.push([
		'Báo cáo sau chuyến đi',
		'Đúng hạn',
		'Trễ hạn',
		'Quá hạn chưa nộp',
		'Chưa đến hạn',
	])
	rows.push([
		'',
		stats.reports.on_time,
		stats.reports.late,
		stats.reports.overdue,
		stats.reports.pending,
	])
	rows.push([])
	rows.push(['Đơn vị', 'Bước', 'Số lượt', 'Trung vị (giờ)', 'Lâu nhất (giờ)'])
	for (const s of stats.stepTimes)
		rows.push([
			s.organisation_name,
			s.label,
			s.passes,
			s.median_hours,
			s.max_hours,
		])
	return rows
}
