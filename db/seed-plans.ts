import { type Kysely, sql, type Transaction } from 'kysely'
import {
	applyPlanEvent,
	type PlanFieldChanges,
} from '#workflows/plan/plan.server.ts'
import { type PlanEvent } from '#workflows/plan/plan.machine.ts'
import {
	insertPlan,
	savePlanContent,
	type PlanContent,
} from './repos/plan.server.ts'
import { type DB } from './schema.ts'

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

/** Seed 001: the 2020 plan of LĐLĐ tỉnh Quảng Trị, and the 2019 delegations its report tells of. */
function demoPlans(partners: { savannakhet: string; salavan: string }) {
	const outbound = (
		partner: 'Savannakhet' | 'Salavan',
		year: number,
		activities: string[],
	) =>
		content(
			{
				plan_year: year,
				direction: 'out',
				name: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
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
			plan: outbound('Savannakhet', 2020, [
				'Hội đàm trao đổi kinh nghiệm với LHCD Savannakhet',
				'Đi thực tế một số CĐCS',
			]),
			trip: 'approved' as const,
		},
		{
			plan: outbound('Salavan', 2020, [
				'Trao đổi kinh nghiệm hoạt động công đoàn',
				'Đi thực tế một số CĐCS',
			]),
			trip: 'approved' as const,
		},
		{
			plan: content(
				{
					plan_year: 2019,
					direction: 'in',
					name: 'Đoàn LHCĐ tỉnh Savannakhet (Đoàn vào)',
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
			trip: {
				departed_on: '2019-06-11',
				returned_on: '2019-06-14',
				report_due_on: '2019-06-29',
			},
		},
		{
			plan: outbound('Salavan', 2019, [
				'Trao đổi kinh nghiệm hoạt động công đoàn',
				'Đi thực tế một số CĐCS',
			]),
			trip: {
				departed_on: '2019-09-17',
				returned_on: '2019-09-20',
				report_due_on: '2019-10-05',
			},
		},
		{
			plan: outbound('Savannakhet', 2019, [
				'Dự Đại hội Liên hiệp Công đoàn tỉnh Savannakhet',
			]),
			trip: {
				cancelled:
					'Bạn lùi Đại hội sang năm 2020, hai bên thống nhất không tổ chức đoàn trong năm 2019.',
			},
		},
	]
}

async function send(
	trx: Db,
	planId: string,
	event: PlanEvent,
	changes?: PlanFieldChanges,
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
	})
	if (result.status !== 'ok')
		throw new Error(`demo plan: ${event.type} refused (${result.status})`)
}

/**
 * Loads seed 001's plans through the workflow, so each has its real events: submitted by the
 * drafter, approved at every step of the chain, then departed and returned, or cancelled.
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
) {
	const users = await trx
		.selectFrom('app_user')
		.select(['id', 'email', 'organisation_id', 'roles'])
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

	for (const { plan, trip } of demoPlans(ids)) {
		const row = await insertPlan(trx, {
			organisationId: ids.ldld,
			createdBy: drafter.userId,
			plan_year: plan.fields.plan_year!,
			direction: plan.fields.direction!,
		})
		// One transaction gives every plan the same now(): keep the order they were entered in.
		await trx
			.updateTable('plan')
			.set({ created_at: sql`clock_timestamp()` })
			.where('id', '=', row.id)
			.execute()
		if (!(await savePlanContent(trx, row.id, row.version, plan)))
			throw new Error('demo plan: not saved')
		await send(trx, row.id, { type: 'SUBMIT', actor: drafter })
		for (const approver of approvers)
			await send(trx, row.id, { type: 'APPROVE', actor: approver })
		// Trips are left unrecorded: a returned 2019 trip without its report would show as
		// owed and overdue on every demo screen.
		if (trip === 'approved' || !trip.cancelled) continue
		await send(
			trx,
			row.id,
			{ type: 'CANCEL', actor: drafter, comment: trip.cancelled },
			{ cancel_reason: trip.cancelled },
		)
	}
}
