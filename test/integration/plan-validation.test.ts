/**
 * The plan form's validation through the new and edit routes: a submission with a required
 * field missing, bad dates or a bad attachment answers 400 with the message key on that
 * field, keeps what was typed and saves nothing; a draft may be saved nearly empty; a good
 * attachment is stored with its checksum and served only to those who can see the plan.
 */
import { createHash } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import * as attachmentRoute from '#app/routes/plans.$planId.attachments.$attachmentId.tsx'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import * as editRoute from '#app/routes/plans.$planId.edit.tsx'
import * as newRoute from '#app/routes/plans.new.tsx'
import {
	args,
	completePlanFields,
	insertOrganisation,
	insertPlan,
	insertPlanWorld,
	insertUser,
	multipartRequest,
	planFormData,
	planState,
	request,
	sendPlanEvent,
	sessionCookie,
	settle,
} from '../factories.ts'

let world: Awaited<ReturnType<typeof insertPlanWorld>>
let drafterCookie: string

beforeEach(async () => {
	world = await insertPlanWorld(db)
	drafterCookie = await sessionCookie(world.users.ldld.drafter.id)
})

type Fields = Record<string, string | string[] | undefined>
type Reply = { result: { status: string; initialValue?: Record<string, unknown>; error?: Record<string, string[]> } }

function fields(overrides: Fields = {}): Fields {
	return { ...completePlanFields(world.partner.id), ...overrides }
}

async function postNew(form: FormData, cookie = drafterCookie) {
	return settle(async () => newRoute.action(args(await multipartRequest('/plans/new', form, { cookie })) as never))
}

async function postEdit(planId: string, form: FormData, cookie = drafterCookie) {
	return settle(async () => editRoute.action(args(await multipartRequest(`/plans/${planId}/edit`, form, { cookie }), { planId }) as never))
}

async function refusal(response: Response) {
	if (response.status !== 400) throw new Error(`expected 400, got ${response.status}: ${await response.text()}`)
	return ((await response.json()) as Reply).result
}

async function planCount() {
	return (await db.selectFrom('plan').select('id').execute()).length
}

/** The plan's id from the redirect after a successful save or submission. */
async function savedPlanId(response: Response) {
	if (response.status !== 302) throw new Error(`expected a redirect, got ${response.status}: ${await response.text()}`)
	return response.headers.get('Location')!.split('/').pop()!
}

// [what is wrong, the form's fields changed, the field the message is on, its message key]
const REQUIRED: [string, Fields, string, string][] = [
	['no Tên đoàn', { name: undefined }, 'name', 'error.required'],
	['a blank Tên đoàn', { name: '   ' }, 'name', 'error.required'],
	['no Danh nghĩa đoàn', { in_name_of: '' }, 'in_name_of', 'error.required'],
	['no Trưởng đoàn', { head_title: '' }, 'head_title', 'error.required'],
	['no Nước đến', { country: '' }, 'country', 'error.required'],
	['Việt Nam as Nước đến', { country: 'VN' }, 'country', 'plan.countryForeign'],
	['a country not on the list', { country: 'XX' }, 'country', 'error.invalidChoice'],
	['no partner chosen or named', { partner_id: '', partner_name: '' }, 'partner_name', 'plan.partnerRequired'],
	['a partner that is not a foreign partner', { partner_id: '00000000-0000-4000-8000-000000000000' }, 'partner_id', 'error.invalidChoice'],
	['no Nội dung hoạt động', { activities: '' }, 'activities', 'plan.activitiesRequired'],
	['only empty activity bullets', { activities: '-\n - \n' }, 'activities', 'plan.activitiesRequired'],
	['no Số ngày', { days: '' }, 'days', 'error.required'],
	['Số ngày in words', { days: 'ba ngày' }, 'days', 'plan.daysInvalid'],
	['a day range backwards', { days: '4-3' }, 'days', 'plan.daysInvalid'],
	['no Số thành viên and nobody named', { member_count: '' }, 'member_count', 'plan.membersRequired'],
	['no budget line', { 'budget[0].payer': undefined, 'budget[0].item': undefined, 'budget[0].source': undefined }, 'budget', 'plan.budgetRequired'],
	['a budget line without a payer', { 'budget[0].payer': '' }, 'budget[0].payer', 'error.required'],
	['a budget line without a source', { 'budget[0].source': '' }, 'budget[0].source', 'error.invalidChoice'],
	['an amount without a currency', { 'budget[0].amount': '4500' }, 'budget[0].currency', 'plan.currencyRequired'],
	['no plan year', { plan_year: '' }, 'plan_year', 'plan.yearInvalid'],
	['no direction', { direction: undefined }, 'direction', 'error.invalidChoice'],
	['a month timing without the month', { timing_kind: 'month' }, 'timing_month', 'error.required'],
	['exact dates without the departure', { timing_kind: 'dates', end_date: '13/05/2027' }, 'start_date', 'error.required'],
	['exact dates without the return', { timing_kind: 'dates', start_date: '10/05/2027' }, 'end_date', 'error.required'],
	['a member (Đoàn ra) without a passport type', { 'members[0].full_name': 'Lê Văn Đức' }, 'members[0].passport_type', 'error.required'],
	['a member without a name', { 'members[0].title': 'Chủ tịch', 'members[0].passport_type': 'official' }, 'members[0].full_name', 'error.required'],
	[
		'more members named than planned',
		{ member_count: '1', 'members[0].full_name': 'Lê Văn Đức', 'members[0].passport_type': 'official', 'members[1].full_name': 'Nguyễn Thị Hương', 'members[1].passport_type': 'ordinary' },
		'member_count',
		'plan.countBelowMembers',
	],
]

describe('submitting a new plan', () => {
	test('the complete seed-001 row is accepted (the baseline of the cases below)', async () => {
		const planId = await savedPlanId(await postNew(planFormData(fields())))
		expect((await planState(db, planId))?.status).toBe('step_1')
	})

	test.each(REQUIRED)('with %s answers 400 on the field and saves nothing', async (_what, overrides, field, message) => {
		const result = await refusal(await postNew(planFormData(fields(overrides))))
		expect(result.error).toEqual({ [field]: [message] })
		// What was typed comes back, for the form to show again.
		const typed = fields(overrides)
		for (const key of ['name', 'head_title', 'activities', 'days', 'partner_id'])
			// (multipart sends a textarea's line breaks as CRLF, as browsers do)
			if (!(key in overrides)) expect(String(result.initialValue?.[key]).replaceAll('\r\n', '\n')).toBe(typed[key])
		expect(await planCount()).toBe(0)
	})

	test('several problems at once are all reported, each on its field', async () => {
		const result = await refusal(await postNew(planFormData(fields({ name: '', country: '', days: '', 'budget[0].payer': undefined, 'budget[0].item': undefined, 'budget[0].source': undefined }))))
		expect(result.error).toEqual({
			name: ['error.required'],
			country: ['error.required'],
			days: ['error.required'],
			budget: ['plan.budgetRequired'],
		})
		expect(await planCount()).toBe(0)
	})

	test('an organisation without an approval chain cannot submit: 400, and the new plan is not kept', async () => {
		const noChain = await insertOrganisation(db, { kind: 'provincial_federation', short_name: 'LĐLĐ chưa có quy trình' })
		const drafter = await insertUser(db, { organisation_id: noChain.id, roles: ['drafter'] })
		const cookie = await sessionCookie(drafter.id)
		const result = await refusal(await postNew(planFormData(fields()), cookie))
		expect(result.error).toEqual({ '': ['plan.noChain'] })
		expect(await planCount()).toBe(0)
		// Saving it as a draft is fine.
		await savedPlanId(await postNew(planFormData(fields(), { intent: 'save' }), cookie))
		expect(await planCount()).toBe(1)
	})

	test('a user without the drafter role cannot create a plan (403) and nothing is saved', async () => {
		const approverCookie = await sessionCookie(world.users.ldld.approver.id)
		const response = await postNew(planFormData(fields()), approverCookie)
		expect(response.status).toBe(403)
		expect(await planCount()).toBe(0)
	})
})

describe('saving a draft', () => {
	test('works with nearly every field empty', async () => {
		const planId = await savedPlanId(await postNew(planFormData({ plan_year: '2027', direction: 'in' }, { intent: 'save' })))
		const plan = await db.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow()
		expect(plan).toMatchObject({
			status: 'drafting',
			direction: 'in',
			plan_year: 2027,
			name: '',
			member_count: null,
			country: null,
			partner_id: null,
			activities: [],
			days_min: null,
			chain_id: null,
			current_step_organisation_id: null,
		})
		expect(await db.selectFrom('plan_event').select('id').execute()).toEqual([])

		// Submitting it from the plan page is refused with what is missing, and changes nothing.
		const before = await planState(db, planId)
		const submit = await settle(async () =>
			planRoute.action(args(await request(`/plans/${planId}`, { cookie: drafterCookie, form: { intent: 'SUBMIT', version: String(before!.version) } }), { planId }) as never),
		)
		expect(submit.status).toBe(400)
		const { errors } = await submit.json()
		expect(errors).toEqual(expect.arrayContaining(['plan.incomplete', 'error.required', 'plan.activitiesRequired', 'plan.budgetRequired', 'plan.membersRequired']))
		expect(await planState(db, planId)).toEqual(before)
	})

	test('still checks what is there: types and contradictions', async () => {
		const result = await refusal(await postNew(planFormData({ plan_year: '2027', direction: 'out', days: 'vài ngày', member_count: '0' }, { intent: 'save' })))
		expect(result.error).toEqual({ days: ['plan.daysInvalid'], member_count: ['plan.countInvalid'] })
		expect(await planCount()).toBe(0)
	})
})

describe('dates', () => {
	const dates = (start_date: string, end_date: string, more: Fields = {}) => fields({ timing_kind: 'dates', start_date, end_date, ...more })

	test('exact dates typed dd/mm/yyyy are stored as calendar dates', async () => {
		const planId = await savedPlanId(await postNew(planFormData(dates('10/05/2027', '13/05/2027'))))
		const plan = await db.selectFrom('plan').select(['timing_kind', 'start_date', 'end_date']).where('id', '=', planId).executeTakeFirstOrThrow()
		expect(plan).toEqual({ timing_kind: 'dates', start_date: '2027-05-10', end_date: '2027-05-13' })
	})

	for (const intent of ['save', 'submit'] as const) {
		test(`a return before the departure is refused (${intent})`, async () => {
			const result = await refusal(await postNew(planFormData(dates('20/05/2027', '15/05/2027'), { intent })))
			expect(result.error).toEqual({ end_date: ['plan.endBeforeStart'] })
			expect(await planCount()).toBe(0)
		})

		test(`a date that does not exist is refused (${intent})`, async () => {
			const result = await refusal(await postNew(planFormData(dates('31/02/2027', '03/03/2027'), { intent })))
			expect(result.error).toEqual({ start_date: ['plan.dateInvalid'] })
			expect(result.initialValue?.start_date).toBe('31/02/2027')
			expect(await planCount()).toBe(0)
		})
	}

	test('a date that does not exist does not hide the other missing fields', async () => {
		const result = await refusal(await postNew(planFormData(dates('31/02/2027', '03/03/2027', { in_name_of: '', days: 'vài ngày', 'budget[0].payer': undefined, 'budget[0].item': undefined, 'budget[0].source': undefined }))))
		expect(result.error).toEqual({
			start_date: ['plan.dateInvalid'],
			in_name_of: ['error.required'],
			days: ['plan.daysInvalid'],
			budget: ['plan.budgetRequired'],
		})
		expect(await planCount()).toBe(0)
	})

	test('a departure outside the plan year is refused on submission, but may sit in a draft', async () => {
		const result = await refusal(await postNew(planFormData(dates('28/12/2026', '02/01/2027'))))
		expect(result.error).toEqual({ start_date: ['plan.dateOutsideYear'] })
		expect(await planCount()).toBe(0)

		const draft = await savedPlanId(await postNew(planFormData(dates('28/12/2026', '02/01/2027'), { intent: 'save' })))
		expect((await planState(db, draft))?.status).toBe('drafting')
	})
})

describe('editing', () => {
	test('a submission with a field missing leaves a draft as it was', async () => {
		const { id } = await insertPlan(db, world.users.ldld.drafter, { partnerId: world.partner.id })
		const before = await planState(db, id)
		for (const [, overrides, field, message] of REQUIRED.slice(0, 6)) {
			const result = await refusal(await postEdit(id, planFormData(fields({ ...overrides, version: String(before!.version) }))))
			expect(result.error?.[field]).toEqual([message])
			expect(await planState(db, id)).toEqual(before)
		}
	})

	test('a resubmission with a field missing or bad dates leaves a returned plan as it was', async () => {
		const { users } = world
		const { id } = await insertPlan(db, users.ldld.drafter, { partnerId: world.partner.id })
		await sendPlanEvent(db, id, 'SUBMIT', users.ldld.drafter)
		await sendPlanEvent(db, id, 'RETURN', users.ldld.approver)
		const before = await planState(db, id)
		const members = async () => db.selectFrom('plan_member').select('id').where('plan_id', '=', id).execute()

		const version = String(before!.version)
		for (const [overrides, field, message] of [
			[{ name: '', 'members[0].full_name': 'Lê Văn Đức', 'members[0].passport_type': 'official' }, 'name', 'error.required'],
			[{ timing_kind: 'dates', start_date: '20/05/2027', end_date: '15/05/2027' }, 'end_date', 'plan.endBeforeStart'],
			[{ timing_kind: 'dates', start_date: '31/02/2027', end_date: '15/05/2027' }, 'start_date', 'plan.dateInvalid'],
		] as const) {
			const result = await refusal(await postEdit(id, planFormData(fields({ ...overrides, version }))))
			expect(result.error).toEqual({ [field]: [message] })
			expect(await planState(db, id)).toEqual(before)
			expect(await members()).toEqual([])
		}
	})

	test('a save with a stale version answers 409 and changes nothing', async () => {
		const { id } = await insertPlan(db, world.users.ldld.drafter, { partnerId: world.partner.id })
		const before = await planState(db, id)
		const response = await postEdit(id, planFormData(fields({ name: 'Tên mới', version: String(before!.version - 1) }), { intent: 'save' }))
		expect(response.status).toBe(409)
		expect((await response.json()).result.error).toEqual({ '': ['error.conflict'] })
		expect(await planState(db, id)).toEqual(before)
	})
})

describe('attachments', () => {
	const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
	const pngBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])
	const exeBytes = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120), Buffer.from('This program cannot be run in DOS mode.')])
	const file = (bytes: Buffer, name: string, type = 'application/pdf') => new File([new Uint8Array(bytes)], name, { type })

	async function attachmentRows() {
		return db.selectFrom('plan_attachment').select(['plan_id', 'file_name', 'content_type', 'size', 'sha256', 'data']).execute()
	}

	const BAD: [string, () => File, string][] = [
		['over 10 MB', () => file(Buffer.concat([pdfBytes, Buffer.alloc(10 * 1024 * 1024 + 1 - pdfBytes.length)]), 'chuong-trinh.pdf'), 'attachment.fileTooLarge'],
		['a PNG named .pdf', () => file(pngBytes, 'thu-moi.pdf'), 'attachment.fileType'],
		['an executable named .pdf', () => file(exeBytes, 'thu-moi.pdf'), 'attachment.fileType'],
		['a PDF named .exe', () => file(pdfBytes, 'thu-moi.exe', 'application/octet-stream'), 'attachment.fileType'],
		['a text file named .docx', () => file(Buffer.from('PK but not a zip'), 'chuong-trinh.docx'), 'attachment.fileType'],
	]

	for (const intent of ['save', 'submit'] as const) {
		test.each(BAD)(`%s is refused by name on ${intent}, and nothing is saved`, async (_what, make, message) => {
			const bad = make()
			const result = await refusal(await postNew(planFormData(fields(), { intent, files: [file(pdfBytes, 'ok.pdf'), bad] })))
			expect(result.error).toEqual({ attachments: [`${message}::${JSON.stringify({ name: bad.name })}`] })
			expect(await planCount()).toBe(0)
			expect(await attachmentRows()).toEqual([])
		})
	}

	test('a bad attachment on an edit leaves the plan and its attachments as they were', async () => {
		const planId = await savedPlanId(await postNew(planFormData(fields(), { intent: 'save', files: [file(pdfBytes, 'thu-moi.pdf')] })))
		const before = { plan: await planState(db, planId), files: await attachmentRows() }
		const result = await refusal(
			await postEdit(planId, planFormData(fields({ name: 'Tên mới', version: String(before.plan!.version) }), { files: [file(pngBytes, 'anh.pdf')] })),
		)
		expect(result.error).toEqual({ attachments: [`attachment.fileType::${JSON.stringify({ name: 'anh.pdf' })}`] })
		expect({ plan: await planState(db, planId), files: await attachmentRows() }).toEqual(before)
	})

	test('a file of exactly 10 MB is accepted', async () => {
		const bytes = Buffer.concat([pdfBytes, Buffer.alloc(10 * 1024 * 1024 - pdfBytes.length)])
		const planId = await savedPlanId(await postNew(planFormData(fields(), { intent: 'save', files: [file(bytes, 'ke-hoach.pdf')] })))
		const [row] = await attachmentRows()
		expect(row).toMatchObject({ plan_id: planId, size: 10 * 1024 * 1024, sha256: createHash('sha256').update(bytes).digest('hex') })
	})

	test('a small PDF is stored with its sha256 and served only to those who can see the plan', async () => {
		const { users } = world
		const name = 'Thư mời Savannakhet.pdf'
		const planId = await savedPlanId(await postNew(planFormData(fields(), { intent: 'save', files: [file(pdfBytes, name)] })))
		const rows = await db.selectFrom('plan_attachment').selectAll().where('plan_id', '=', planId).execute()
		expect(rows).toHaveLength(1)
		const [stored] = rows
		expect(stored).toMatchObject({
			file_name: name,
			content_type: 'application/pdf',
			size: pdfBytes.length,
			sha256: createHash('sha256').update(pdfBytes).digest('hex'),
			uploaded_by: users.ldld.drafter.id,
		})
		expect(Buffer.from(stored.data).equals(pdfBytes)).toBe(true)

		const download = async (user: { id: string }) =>
			settle(async () =>
				attachmentRoute.loader(
					args(await request(`/plans/${planId}/attachments/${stored.id}`, { user }), { planId, attachmentId: stored.id }) as never,
				),
			)
		const expectFile = async (response: Response) => {
			expect(response.status).toBe(200)
			expect(response.headers.get('Content-Type')).toBe('application/pdf')
			expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
			expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
			expect(Buffer.from(await response.arrayBuffer()).equals(pdfBytes)).toBe(true)
		}

		// A draft: its own organisation only.
		await expectFile(await download(users.ldld.drafter))
		await expectFile(await download(users.ldld.admin))
		for (const user of [users.tinhUy.approver, users.board.approver, users.otherFed.drafter]) expect((await download(user)).status).toBe(404)

		// Submitted: the organisations of its chain, and the board; still not another province.
		await sendPlanEvent(db, planId, 'SUBMIT', users.ldld.drafter)
		for (const user of [users.ldld.approver, users.tinhUy.approver, users.board.approver]) await expectFile(await download(user))
		for (const user of [users.otherFed.drafter, users.otherFed.approver, users.otherTinhUy.approver]) expect((await download(user)).status).toBe(404)

		// The plan page lists it without its bytes.
		const page = await settle(async () => planRoute.loader(args(await request(`/plans/${planId}`, { user: users.tinhUy.approver }), { planId }) as never))
		expect((await page.json()).attachments).toEqual([{ id: stored.id, file_name: name, size: pdfBytes.length }])
	})
})

describe('amounts and rows left blank', () => {
	const budgetLines = (planId: string) =>
		db
			.selectFrom('plan_budget_line')
			.select(['amount', 'currency'])
			.where('plan_id', '=', planId)
			.orderBy('position')
			.execute()

	test('amounts typed the Vietnamese way are kept as the numbers they are', async () => {
		const planId = await savedPlanId(
			await postNew(
				planFormData(
					fields({
						'budget[0].amount': '45.000.000',
						'budget[0].currency': 'VND',
						'budget[1].payer': 'LHCĐ tỉnh Savannakhet',
						'budget[1].item': 'Ăn, nghỉ',
						'budget[1].source': 'partner',
						'budget[1].amount': '4.500,50',
						'budget[1].currency': 'USD',
					}),
				),
			),
		)
		expect((await budgetLines(planId)).map(l => Number(l.amount))).toEqual([
			45_000_000, 4500.5,
		])
	})

	test.each([['4,500'], ['45.00.000'], ['4.500 USD'], ['1.000.000.000.000']])(
		'an amount of %s is refused next to the field, with how to write it',
		async amount => {
			const result = await refusal(
				await postNew(
					planFormData(
						fields({
							'budget[0].amount': amount,
							'budget[0].currency': 'USD',
						}),
					),
				),
			)
			expect(result.error).toEqual({
				'budget[0].amount': ['plan.amountInvalid'],
			})
			expect(result.initialValue?.budget).toMatchObject([{ amount }])
			expect(await planCount()).toBe(0)
		},
	)

	test('a member row and a budget row added and left blank do not stop a draft or a submission, and are not kept', async () => {
		const blank = {
			'members[0].full_name': 'Lê Văn Đức',
			'members[0].passport_type': 'official',
			'members[1].full_name': '',
			'members[1].title': '',
			'members[1].organisation_name': '',
			'members[1].passport_type': '',
			'budget[1].payer': '',
			'budget[1].item': '',
			'budget[1].source': 'partner',
			'budget[1].amount': '',
			'budget[1].currency': '',
		}
		for (const intent of ['save', 'submit'] as const) {
			const planId = await savedPlanId(
				await postNew(planFormData(fields(blank), { intent })),
			)
			const members = await db
				.selectFrom('plan_member')
				.select('full_name')
				.where('plan_id', '=', planId)
				.execute()
			expect(members.map(m => m.full_name)).toEqual(['Lê Văn Đức'])
			expect(await budgetLines(planId)).toHaveLength(1)
		}
		// A message stays on its own row when a blank row comes before it.
		const second = await refusal(
			await postNew(
				planFormData(
					fields({
						'members[0].full_name': '',
						'members[0].passport_type': '',
						'members[1].full_name': 'Trần Thị Thu Hà',
					}),
				),
			),
		)
		expect(second.error).toEqual({
			'members[1].passport_type': ['error.required'],
		})
		// A row with anything typed in still needs its name.
		const result = await refusal(
			await postNew(
				planFormData(
					fields({ ...blank, 'members[1].title': 'Phó Chủ tịch' }),
					{ intent: 'save' },
				),
			),
		)
		expect(result.error).toEqual({ 'members[1].full_name': ['error.required'] })
	})
})
