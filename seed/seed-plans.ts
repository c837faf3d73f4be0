import { type Kysely, sql, type Transaction } from 'kysely'
import {
	applyPlanEvent,
	type PlanFieldChanges,
} from '#workflows/plans/plan.server.ts'
import { type PlanEvent } from '#workflows/plans/plan.machine.ts'
import {
	insertPlan,
	savePlanContent,
	type PlanContent,
} from '#db/repos/plan.server.ts'
import { type ReportContent, saveReport } from '#db/repos/report.server.ts'
import { type DB } from '#db/schema.ts'
import { issueTripReportNumber } from '#workflows/documents/trip-report-document.server.ts'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import { recordHandOut } from '#workflows/passports/hand-out.server.ts'
import { type SeededPeople } from './seed-people.ts'

type Db = Kysely<DB> | Transaction<DB>
type Actor = {
	userId: string
	organisationId: string
	roles: ('drafter' | 'approver' | 'admin')[]
}

const ldldFunding = (partner: string): PlanContent['budget'] => [
	{
		payer: `LHCD tỉnh ${partner}`,
		item: 'chi phí ăn, nghỉ',
		source: 'partner',
		amount: null,
		currency: null,
	},
	{
		payer: 'LĐLĐ tỉnh Quảng Trị',
		item: 'chi phí về phương tiện đi lại và kinh phí hỗ trợ cho bạn',
		source: 'union_budget',
		amount: null,
		currency: null,
	},
]

function content(
	fields: PlanContent['fields'],
	budget: PlanContent['budget'],
): PlanContent {
	return {
		fields,
		members: [],
		budget,
		newAttachments: [],
		removeAttachmentIds: [],
	}
}

type Trip =
	| { cancelled_on: string; cancelled: string }
	| {
			departed_on: string
			returned_on: string
			report_due_on: string
			report: Omit<ReportContent, 'participants'> & { on: string }
	  }

interface DemoPlan {
	plan: PlanContent
	/** The day the drafter sent it up the chain. */
	submitted: string
	/** 'waiting': at the chain's first step still; 'approved': by every step; else its trip so far. */
	trip: 'waiting' | 'approved' | { departed_on: string } | Trip
	/** Members from the directory, by name: their official passports go out with the trip. */
	crew?: string[]
}

/** Seed 001: the 2020 plan of LĐLĐ tỉnh Quảng Trị, and the 2019 delegations its report tells of. */
function demoPlans(partners: {
	savannakhet: string
	salavan: string
}): DemoPlan[] {
	// Seed 001 calls every outbound delegation "Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)"; in lists,
	// notifications and reminders they must be told apart, so each is named by what it goes to do.
	const outbound = (
		partner: 'Savannakhet' | 'Salavan',
		year: number,
		activities: string[],
		name: string,
	) =>
		content(
			{
				plan_year: year,
				direction: 'out',
				name,
				in_name_of: 'Liên đoàn Lao động tỉnh Quảng Trị',
				head_title: 'Chủ tịch LĐLĐ tỉnh Quảng Trị',
				member_count: 10,
				country: 'LA',
				partner_id:
					partner === 'Savannakhet' ? partners.savannakhet : partners.salavan,
				activities,
				days_min: 3,
				days_max: 4,
				timing_kind: 'year',
			},
			ldldFunding(partner),
		)
	return [
		{
			plan: outbound(
				'Savannakhet',
				2020,
				[
					'Hội đàm trao đổi kinh nghiệm với LHCD Savannakhet',
					'Đi thực tế một số CĐCS',
				],
				'Đoàn LĐLĐ tỉnh Quảng Trị hội đàm với LHCĐ tỉnh Savannakhet năm 2020',
			),
			submitted: '2019-10-28',
			trip: 'approved',
		},
		{
			plan: outbound(
				'Salavan',
				2020,
				['Trao đổi kinh nghiệm hoạt động công đoàn', 'Đi thực tế một số CĐCS'],
				'Đoàn LĐLĐ tỉnh Quảng Trị trao đổi kinh nghiệm với LHCĐ tỉnh Salavan năm 2020',
			),
			submitted: '2019-10-29',
			trip: 'approved',
		},
		{
			plan: content(
				{
					plan_year: 2019,
					direction: 'in',
					name: 'Đoàn LHCĐ tỉnh Savannakhet thăm LĐLĐ tỉnh Quảng Trị tháng 6/2019',
					in_name_of: 'Liên hiệp Công đoàn tỉnh Savannakhet',
					head_title: 'Chủ tịch Liên hiệp Công đoàn tỉnh Savannakhet',
					member_count: 10,
					country: 'LA',
					partner_id: partners.savannakhet,
					activities: [
						'Hội đàm, thông tin khái quát về tình hình kinh tế - xã hội của 2 tỉnh',
						'Trao đổi kinh nghiệm phát triển đoàn viên, thành lập công đoàn cơ sở khu vực doanh nghiệp ngoài nhà nước',
					],
					days_min: 4,
					days_max: 4,
					timing_kind: 'month',
					timing_month: 6,
				},
				[
					{
						payer: 'LĐLĐ tỉnh Quảng Trị',
						item: 'chi phí ăn, nghỉ, đi lại trong thời gian đoàn ở Quảng Trị',
						source: 'union_budget',
						amount: null,
						currency: null,
					},
				],
			),
			submitted: '2019-03-04',
			trip: {
				departed_on: '2019-06-11',
				returned_on: '2019-06-14',
				report_due_on: '2019-06-29',
				report: {
					on: '2019-06-24',
					summary:
						'Đoàn 10 người do đồng chí Chủ tịch Liên hiệp Công đoàn tỉnh Savannakhet làm trưởng đoàn làm việc tại tỉnh Quảng Trị từ ngày 11 đến 14/6/2019.',
					results:
						'Hai bên hội đàm, thông tin khái quát về tình hình kinh tế - xã hội của 2 tỉnh, chia sẻ kinh nghiệm phát triển đoàn viên, thành lập công đoàn cơ sở khu vực doanh nghiệp ngoài nhà nước, thương lượng, ký kết thỏa ước lao động tập thể; khẳng định tiếp tục duy trì quan hệ hữu nghị truyền thống giữa công đoàn hai tỉnh.',
					activities_done:
						'Hội đàm tại trụ sở LĐLĐ tỉnh Quảng Trị\nThăm một số công đoàn cơ sở khu vực doanh nghiệp ngoài nhà nước',
					proposals:
						'Đề nghị Tổng LĐLĐ Việt Nam tiếp tục hỗ trợ kinh phí cho hoạt động hợp tác với công đoàn các tỉnh Nam Lào.',
				},
			},
		},
		{
			plan: outbound(
				'Salavan',
				2019,
				['Trao đổi kinh nghiệm hoạt động công đoàn', 'Đi thực tế một số CĐCS'],
				'Đoàn LĐLĐ tỉnh Quảng Trị làm việc với LHCĐ tỉnh Salavan tháng 9/2019',
			),
			submitted: '2019-04-15',
			trip: {
				departed_on: '2019-09-17',
				returned_on: '2019-09-20',
				report_due_on: '2019-10-05',
				report: {
					on: '2019-10-02',
					summary:
						'Đoàn 10 người do đồng chí Chủ tịch LĐLĐ tỉnh Quảng Trị làm trưởng đoàn làm việc tại tỉnh Salavan từ ngày 17 đến 20/9/2019.',
					results:
						'Hai bên trao đổi kinh nghiệm hoạt động công đoàn, thống nhất nội dung kế hoạch hợp tác giai đoạn 2020-2022 theo thỏa thuận hợp tác giữa hai tỉnh.',
					activities_done:
						'Hội đàm với LHCĐ tỉnh Salavan\nĐi thực tế một số công đoàn cơ sở',
					proposals: '',
				},
			},
		},
		{
			plan: outbound(
				'Savannakhet',
				2019,
				['Dự Đại hội Liên hiệp Công đoàn tỉnh Savannakhet'],
				'Đoàn LĐLĐ tỉnh Quảng Trị dự Đại hội LHCĐ tỉnh Savannakhet',
			),
			submitted: '2019-02-18',
			trip: {
				cancelled_on: '2019-07-01',
				cancelled:
					'Bạn lùi Đại hội sang năm 2020, hai bên thống nhất không tổ chức đoàn trong năm 2019.',
			},
		},
	]
}

/**
 * Delegations dated from `today` (the day the demo is loaded), so it has work in hand: one on its trip
 * now, one approved and coming in two weeks, one sent yesterday and waiting for the federation's
 * chairman.
 */
function currentPlans(
	partners: { savannakhet: string; salavan: string },
	today: string,
): DemoPlan[] {
	const dated = (
		direction: 'out' | 'in',
		partner: 'Savannakhet' | 'Salavan',
		startIn: number,
		days: number,
		name: (monthYear: string) => string,
		activities: string[],
		headTitle = 'Chủ tịch LĐLĐ tỉnh Quảng Trị',
	) => {
		const start = addDays(today, startIn)
		const [year, month] = start.split('-').map(Number) as [number, number]
		const guests = `Liên hiệp Công đoàn tỉnh ${partner}`
		return content(
			{
				plan_year: year,
				direction,
				name: name(`${month}/${year}`),
				in_name_of:
					direction === 'out' ? 'Liên đoàn Lao động tỉnh Quảng Trị' : guests,
				head_title: direction === 'out' ? headTitle : `Chủ tịch ${guests}`,
				member_count: direction === 'out' ? 6 : 8,
				country: 'LA',
				partner_id:
					partner === 'Savannakhet' ? partners.savannakhet : partners.salavan,
				activities,
				days_min: days,
				days_max: days,
				timing_kind: 'dates',
				start_date: start,
				end_date: addDays(start, days - 1),
			},
			direction === 'out'
				? ldldFunding(partner)
				: [
						{
							payer: 'LĐLĐ tỉnh Quảng Trị',
							item: 'chi phí ăn, nghỉ, đi lại trong thời gian đoàn ở Quảng Trị',
							source: 'union_budget',
							amount: null,
							currency: null,
						},
					],
		)
	}
	return [
		{
			plan: dated(
				'out',
				'Savannakhet',
				-2,
				5,
				when =>
					`Đoàn LĐLĐ tỉnh Quảng Trị làm việc với LHCĐ tỉnh Savannakhet tháng ${when}`,
				[
					'Hội đàm, trao đổi kinh nghiệm tổ chức Đại hội công đoàn các cấp',
					'Thăm một số công đoàn cơ sở',
				],
				'Phó Chủ tịch thường trực LĐLĐ tỉnh Quảng Trị',
			),
			submitted: addDays(today, -40),
			trip: { departed_on: addDays(today, -2) },
			crew: ['Đặng Thị Minh Hà', 'Trần Quốc Dũng'],
		},
		{
			plan: dated(
				'in',
				'Salavan',
				14,
				4,
				when =>
					`Đoàn LHCĐ tỉnh Salavan thăm và làm việc tại tỉnh Quảng Trị tháng ${when}`,
				[
					'Hội đàm, trao đổi kinh nghiệm chăm lo đời sống đoàn viên, người lao động',
					'Thăm khu công nghiệp và một số công đoàn cơ sở',
				],
			),
			submitted: addDays(today, -30),
			trip: 'approved',
		},
		{
			plan: dated(
				'out',
				'Salavan',
				60,
				4,
				when =>
					`Đoàn LĐLĐ tỉnh Quảng Trị trao đổi kinh nghiệm với LHCĐ tỉnh Salavan tháng ${when}`,
				[
					'Trao đổi kinh nghiệm phát triển đoàn viên',
					'Đi thực tế một số công đoàn cơ sở',
				],
			),
			submitted: addDays(today, -1),
			trip: 'waiting',
		},
	]
}

/** Sends one event as it happened on `day` (09:00 in Vietnam): the timeline and the statistics read these times. */
async function send(
	trx: Db,
	planId: string,
	day: string,
	event: PlanEvent,
	{
		changes,
		snapshotExtra,
	}: {
		changes?: PlanFieldChanges
		snapshotExtra?: Record<string, unknown>
	} = {},
) {
	const { version } = await trx
		.selectFrom('plan')
		.select('version')
		.where('id', '=', planId)
		.executeTakeFirstOrThrow()
	const result = await applyPlanEvent(trx, {
		planId,
		expectedVersion: version,
		event,
		changes,
		snapshotExtra,
	})
	if (result.status !== 'ok')
		throw new Error(`demo plan: ${event.type} refused (${result.status})`)
	const at = new Date(`${day}T09:00:00+07:00`)
	await trx
		.updateTable('plan_event')
		.set({ created_at: at })
		.where('id', '=', eb =>
			eb
				.selectFrom('plan_event')
				.select(eb => eb.fn.max('id').as('id'))
				.where('plan_id', '=', planId),
		)
		.execute()
	// The status before it was left on that day too, not when the demo was loaded: the time each
	// step took (statistics) reads it.
	await sql`
		UPDATE plan_event e SET left_at = x.next_at
		FROM (
			SELECT id, lead(created_at) OVER (ORDER BY created_at, id) AS next_at
			FROM plan_event
			WHERE plan_id = ${planId} AND from_status IS DISTINCT FROM to_status
		) x
		WHERE e.id = x.id AND e.left_at IS DISTINCT FROM x.next_at`.execute(trx)
	await trx
		.updateTable('plan')
		.set({ status_changed_at: at })
		.where('id', '=', planId)
		.execute()
}

/**
 * Loads seed 001's plans through the workflow, so each has its real events, dated as they would
 * have happened: submitted by the drafter, approved at every step of the chain, then (2019) gone,
 * back and reported, or cancelled.
 */
export async function seedPlans(
	trx: Db,
	ids: {
		ldld: string
		tinhUy: string
		board: string
		savannakhet: string
		salavan: string
	},
	people: SeededPeople,
) {
	const users = await trx
		.selectFrom('app_user')
		.select(['id', 'email', 'full_name', 'organisation_id', 'roles'])
		.execute()
	const actor = (email: string): Actor => {
		const u = users.find(u => u.email === email)
		if (!u) throw new Error(`demo plan: no user ${email}`)
		return {
			userId: u.id,
			organisationId: u.organisation_id,
			roles: u.roles as Actor['roles'],
		}
	}
	const drafter = actor('soanthao@ldld-quangtri.vn')
	const approvers = [
		'chutich@ldld-quangtri.vn',
		'pheduyet@tinhuy-quangtri.vn',
		'pheduyet@bandoingoai-tld.vn',
	].map(actor)

	const receiver = approvers[2]!
	const today = todayIso()
	for (const { plan, submitted, trip, crew = [] } of [
		...demoPlans(ids),
		...currentPlans(ids, today),
	]) {
		const members = crew.map(name => {
			const person = people.get(name)
			if (!person) throw new Error(`demo plan: no person ${name}`)
			return { name, ...person }
		})
		const row = await insertPlan(trx, {
			organisationId: ids.ldld,
			createdBy: drafter.userId,
			plan_year: plan.fields.plan_year!,
			direction: plan.fields.direction!,
		})
		const content = members.length
			? {
					...plan,
					fields: { ...plan.fields, member_count: members.length },
					members: members.map(m => ({
						full_name: m.name,
						title: m.position,
						organisation_name: 'LĐLĐ tỉnh Quảng Trị',
						passport_type: 'official' as const,
						person_id: m.personId,
					})),
				}
			: plan
		if (!(await savePlanContent(trx, row.id, row.version, content)))
			throw new Error('demo plan: not saved')
		await trx
			.updateTable('plan')
			// Entered a few days before it was sent: the plan tables list plans in this order.
			.set({ created_at: new Date(`${addDays(submitted, -3)}T09:00:00+07:00`) })
			.where('id', '=', row.id)
			.execute()
		await send(trx, row.id, submitted, { type: 'SUBMIT', actor: drafter })
		if (trip === 'waiting') continue
		for (const [i, approver] of approvers.entries())
			await send(trx, row.id, addDays(submitted, [2, 9, 23][i]!), {
				type: 'APPROVE',
				actor: approver,
			})
		if (trip === 'approved') continue
		// The keeper hands the crew's official passports out the day before departure.
		if ('departed_on' in trip)
			for (const member of members) {
				const passportId = member.passports.find(p => p.kind === 'official')!.id
				const { version } = await trx
					.selectFrom('passport')
					.select('version')
					.where('id', '=', passportId)
					.executeTakeFirstOrThrow()
				const keeper = users.find(u => u.id === drafter.userId)!
				if (
					!(await recordHandOut(
						trx,
						{ id: passportId, version },
						{
							organisationId: ids.ldld,
							planId: row.id,
							on: addDays(trip.departed_on, -1),
							handedBy: keeper.full_name,
							receivedBy: member.name,
							actorId: keeper.id,
						},
					))
				)
					throw new Error('demo passport: not handed out')
			}
		await recordTrip(trx, row.id, plan.fields.name!, trip, drafter, receiver)
	}
}

/** The trips as they went: gone (and still away), back, reported and acknowledged, or cancelled. */
async function recordTrip(
	trx: Db,
	planId: string,
	planName: string,
	trip: Exclude<DemoPlan['trip'], 'waiting' | 'approved'>,
	drafter: Actor,
	receiver: Actor,
) {
	if ('cancelled' in trip) {
		await send(
			trx,
			planId,
			trip.cancelled_on,
			{ type: 'CANCEL', actor: drafter, comment: trip.cancelled },
			{ changes: { cancel_reason: trip.cancelled } },
		)
		return
	}
	await send(
		trx,
		planId,
		trip.departed_on,
		{ type: 'DEPART', actor: drafter },
		{ changes: { departed_on: trip.departed_on } },
	)
	if (!('report' in trip)) return
	const { report, ...dates } = trip
	await send(
		trx,
		planId,
		dates.returned_on,
		{ type: 'COMPLETE_TRIP', actor: drafter },
		{
			changes: {
				returned_on: dates.returned_on,
				report_due_on: dates.report_due_on,
				// The demo organisations count the report's deadline in days (the default).
				report_due_count: Math.round(
					(Date.parse(dates.report_due_on) - Date.parse(dates.returned_on)) /
						86_400_000,
				),
				report_due_unit: 'days',
			},
		},
	)
	const { on, ...text } = report
	const content = {
		...text,
		participants: [
			{
				full_name: 'Lê Văn Đức',
				title: 'Chủ tịch',
				organisation_name: 'LĐLĐ tỉnh Quảng Trị',
			},
			{
				full_name: 'Trần Thị Thu Hà',
				title: 'Phó Chủ tịch Thường trực',
				organisation_name: 'LĐLĐ tỉnh Quảng Trị',
			},
		],
	}
	const saved = await saveReport(trx, planId, 0, content, {
		submitted: true,
		newAttachments: [],
		removeAttachmentIds: [],
	})
	if (!saved) throw new Error('demo report: not saved')
	await trx
		.updateTable('trip_report')
		.set({ submitted_at: new Date(`${on}T09:00:00+07:00`) })
		.where('plan_id', '=', planId)
		.execute()
	await send(
		trx,
		planId,
		on,
		{ type: 'SUBMIT_REPORT', actor: drafter },
		{ snapshotExtra: { report: content } },
	)
	await issueTripReportNumber(trx, {
		planId,
		organisationId: drafter.organisationId,
		planName,
		issuedBy: drafter.userId,
		issuedOn: on,
	})
	await send(trx, planId, addDays(on, 4), {
		type: 'ACKNOWLEDGE_REPORT',
		actor: receiver,
	})
}
