/**
 * The body limits in front of every action: an in-process express app with the same
 * middleware as server.ts, whose handler turns the request into a Remix Request the way
 * @remix-run/express does and runs the real route action. A malformed post answers 400/413 at
 * once and changes nothing; a well-formed one reaches the action with its body intact.
 */
import http from 'node:http'
import { type AddressInfo } from 'node:net'
import { createReadableStreamFromReadable } from '@remix-run/node'
import express from 'express'
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import * as forgotRoute from '#app/routes/forgot-password.tsx'
import * as loginRoute from '#app/routes/login.tsx'
import * as adminUserRoute from '#app/routes/admin.users.new.tsx'
import * as requestNewRoute from '#app/routes/requests.new/route.tsx'
import * as answerRoute from '#app/routes/requests.$requestId.responses.$responseId/route.tsx'
import { NQ03_REVIEW } from '#lib/report-template.ts'
import * as partnerNewRoute from '#app/routes/partners.new.tsx'
import * as calendarRoute from '#app/routes/admin.calendar/route.tsx'
import * as documentsRoute from '#app/routes/documents/route.tsx'
import * as personNewRoute from '#app/routes/people.new.tsx'
import * as personEditRoute from '#app/routes/people.$personId.edit.tsx'
import * as personRoute from '#app/routes/people.$personId._index/route.tsx'
import * as passportRoute from '#app/routes/passports.$passportId/route.tsx'
import { insertPassport } from '#db/repos/passport.server.ts'
import { insertPerson } from '#db/repos/person.server.ts'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import * as editRoute from '#app/routes/plans.$planId.edit.tsx'
import * as reportRoute from '#app/routes/plans.$planId.report/route.tsx'
import * as newRoute from '#app/routes/plans.new.tsx'
import * as settingsRoute from '#app/routes/settings.tsx'
import * as substitutesRoute from '#app/routes/substitutes.tsx'
import { bodyLimits } from '#app/utils/body-limits.server.ts'
import {
	fuzzCases,
	multipartBody,
	URLENCODED,
	urlEncoded,
} from '../body-fuzz.ts'
import {
	completePlanFields,
	insertPlan,
	insertPlanWorld,
	insertUser,
	sessionCookie,
} from '../factories.ts'

type Action = (args: {
	request: Request
	params: Record<string, string>
	context: Record<string, unknown>
}) => Promise<unknown>
const ROUTES: [RegExp, Action][] = [
	[/^\/plans\/new$/, newRoute.action as Action],
	[/^\/plans\/(?<planId>[^/]+)\/edit$/, editRoute.action as Action],
	[/^\/plans\/(?<planId>[^/]+)\/report$/, reportRoute.action as Action],
	[/^\/plans\/(?<planId>[^/]+)$/, planRoute.action as Action],
	[/^\/login$/, loginRoute.action as Action],
	[/^\/forgot-password$/, forgotRoute.action as Action],
	[/^\/settings$/, settingsRoute.action as Action],
	[/^\/substitutes$/, substitutesRoute.action as Action],
	[/^\/admin\/users\/new$/, adminUserRoute.action as Action],
	[/^\/partners\/new$/, partnerNewRoute.action as Action],
	[/^\/admin\/calendar$/, calendarRoute.action as Action],
	[/^\/documents$/, documentsRoute.action as Action],
	[/^\/people\/new$/, personNewRoute.action as Action],
	[/^\/people\/(?<personId>[^/]+)\/edit$/, personEditRoute.action as Action],
	[/^\/people\/(?<personId>[^/]+)$/, personRoute.action as Action],
	[/^\/passports\/(?<passportId>[^/]+)$/, passportRoute.action as Action],
	[/^\/requests\/new$/, requestNewRoute.action as Action],
	[/^\/requests\/(?<requestId>[^/]+)\/responses\/(?<responseId>[^/]+)$/, answerRoute.action as Action],
]

/** What an action threw that was not a Response: each would be a 500 from Remix. */
const crashes: string[] = []
let server: ReturnType<express.Express['listen']>
let base: string

beforeAll(async () => {
	const app = express()
	app.use(bodyLimits())
	app.get('/ping', (_req, res) => void res.send('pong'))
	app.post('*', async (req, res) => {
		const route = ROUTES.find(([pattern]) => pattern.test(req.path))
		if (!route) return void res.status(404).end()
		const params = route[0].exec(req.path)?.groups ?? {}
		let response: Response
		try {
			// The body as @remix-run/express hands it to Remix: a stream read from `req`.
			const request = new Request(`${base}${req.url}`, {
				method: req.method,
				headers: req.headers as Record<string, string>,
				body: createReadableStreamFromReadable(req),
				duplex: 'half',
			} as RequestInit)
			const result = await route[1]({
				request,
				params,
				context: { clientIp: req.ip ?? 'x' },
			})
			response = result instanceof Response ? result : Response.json(result)
		} catch (error) {
			if (error instanceof Response) response = error
			else {
				crashes.push(`${req.path}: ${String(error)}`)
				response = new Response('crash', { status: 500 })
			}
		}
		res.status(response.status).send(Buffer.from(await response.arrayBuffer()))
	})
	server = app.listen(0, '127.0.0.1')
	await new Promise(resolve => server.once('listening', resolve))
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
	server?.closeAllConnections()
	await new Promise(resolve => server?.close(resolve))
})

let world: Awaited<ReturnType<typeof insertPlanWorld>>
let cookie: string
let planId: string
let people: { personId: string; passportId: string }
let answerPath: string
beforeEach(async () => {
	crashes.length = 0
	world = await insertPlanWorld(db)
	const user = await insertUser(db, {
		organisation_id: world.orgs.ldld.id,
		roles: ['drafter', 'approver', 'admin'],
	})
	cookie = await sessionCookie(user.id)
	// An organisation under LĐLĐ Quảng Trị, so its report-request form reaches the action.
	await db
		.updateTable('organisation')
		.set({ parent_id: world.orgs.ldld.id })
		.where('id', '=', world.orgs.otherFed.id)
		.execute()
	// A report request to LĐLĐ Quảng Trị, whose answer form the fuzz posts to.
	const asked = await db
		.insertInto('report_request')
		.values({
			organisation_id: world.orgs.board.id,
			number_symbol: '2749/TLĐ',
			issued_on: '2021-09-30',
			title: 'Báo cáo tổng kết Nghị quyết 03',
			audience: 'chosen',
			due_on: '2099-10-15',
			template: NQ03_REVIEW,
			created_by: world.users.board.approver.id,
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	const answer = await db
		.insertInto('report_response')
		.values({ request_id: asked.id, organisation_id: world.orgs.ldld.id })
		.returning('id')
		.executeTakeFirstOrThrow()
	answerPath = `/requests/${asked.id}/responses/${answer.id}`
	planId = (
		await insertPlan(db, user, { partnerId: world.partner.id, members: 2 })
	).id
	const person = await insertPerson(db, world.orgs.ldld.id, user.id, {
		full_name: 'Nguyễn Văn An',
		position: '',
		unit: '',
		born_on: null,
	})
	const passport = await insertPassport(db, {
		organisation_id: world.orgs.ldld.id,
		person_id: person.id,
		number: 'C1234567',
		kind: 'official',
		issued_on: '2020-01-01',
		expires_on: '2030-01-01',
	})
	people = { personId: person.id, passportId: passport!.id }
})

async function post(path: string, body: Buffer, contentType: string | null) {
	const headers: Record<string, string> = { Cookie: cookie, Origin: base }
	if (contentType) headers['Content-Type'] = contentType
	const response = await fetch(`${base}${path}`, {
		method: 'POST',
		headers,
		body: new Uint8Array(body),
		redirect: 'manual',
	})
	return { status: response.status, text: await response.text() }
}

/** Every table a form can write to, counted, and the plan's version. */
async function fingerprint() {
	const { rows } = await sql<Record<string, string>>`SELECT
		(SELECT count(*) FROM plan) AS plans, (SELECT max(version) FROM plan) AS version,
		(SELECT count(*) FROM plan_member) AS members, (SELECT count(*) FROM plan_event) AS events,
		(SELECT count(*) FROM app_user) AS users, (SELECT count(*) FROM organisation) AS organisations,
		(SELECT count(*) FROM substitution) AS substitutions, (SELECT count(*) FROM login_attempt) AS attempts,
		(SELECT count(*) FROM graphile_worker.jobs) AS jobs,
		(SELECT count(*) FROM person) AS people, (SELECT max(version) FROM person) AS person_version,
		(SELECT count(*) FROM passport) AS passports, (SELECT count(*) FROM passport_event) AS passport_events,
		(SELECT count(*) FROM report_request) AS requests, (SELECT sum(version) FROM report_response) AS answers,
		(SELECT string_agg(locale::text, ',' ORDER BY id) FROM app_user) AS locales`.execute(
		db,
	)
	return rows[0]
}

const multipart = (
	parts: Parameters<typeof multipartBody>[0],
	options?: Parameters<typeof multipartBody>[2],
) => {
	const boundary = '----formboundary7MA4YWxk'
	return [
		multipartBody(parts, boundary, options),
		`multipart/form-data; boundary=${boundary}`,
	] as const
}

describe('refused at once, in the reader’s language', () => {
	test.each([
		[
			'members[4000] on the plan form',
			() => multipart([['members[4000].full_name', 'x']]),
			400,
			'danh sách vượt quá',
		],
		[
			'members[100000] urlencoded',
			() =>
				[urlEncoded([['members[100000].full_name', 'x']]), URLENCODED] as const,
			400,
			'danh sách vượt quá',
			'decide',
		],
		[
			'a NUL byte in a text field',
			() => multipart([['name', 'Đoàn\u0000ra']]),
			400,
			'ký tự điều khiển',
		],
		[
			'invalid UTF-8 in a field name',
			() => [Buffer.from('na%C3%28me=x'), URLENCODED] as const,
			400,
			'UTF-8',
			'decide',
		],
		[
			'a broken escape',
			() => [Buffer.from('name=%E1%BA'), URLENCODED] as const,
			400,
			'UTF-8',
			'decide',
		],
		[
			'a multipart body cut off',
			() =>
				[
					multipart([['name', 'Đoàn ra']])[0].subarray(0, 60),
					multipart([])[1],
				] as const,
			400,
			'không đầy đủ',
		],
		[
			'LF-only line ends',
			() => multipart([['name', 'Đoàn ra']], { eol: '\n' }),
			400,
			'không đầy đủ',
		],
		['a part with name=""', () => multipart([['', 'x']]), 400, 'không đầy đủ'],
		[
			'multipart without a boundary',
			() => [multipart([['name', 'x']])[0], 'multipart/form-data'] as const,
			400,
			'không đầy đủ',
		],
		[
			'a urlencoded body on the plan form',
			() => [urlEncoded([['name', 'x']]), URLENCODED] as const,
			400,
			'định dạng',
		],
		[
			'JSON on the plan form',
			() => [Buffer.from('{"name":"x"}'), 'application/json'] as const,
			400,
			'định dạng',
		],
		[
			'a text field over 256 KB',
			() => multipart([['activities', 'x'.repeat(300 * 1024)]]),
			413,
			'vượt quá giới hạn',
		],
	] as [string, () => readonly [Buffer, string], number, string, 'decide'?][])(
		'%s',
		async (_what, make, status, message, form) => {
			const [body, type] = make()
			const before = await fingerprint()
			const started = Date.now()
			const response = await post(
				form === 'decide' ? `/plans/${planId}` : `/plans/${planId}/edit`,
				body,
				type,
			)
			expect(Date.now() - started).toBeLessThan(1000)
			expect(response.status).toBe(status)
			expect(response.text).toContain(message)
			expect(response.text).toContain('<title>')
			expect(await fingerprint()).toEqual(before)
		},
	)

	test('in English for a reader who chose English', async () => {
		const lang = `lang=${encodeURIComponent(Buffer.from(JSON.stringify('en')).toString('base64'))}`
		const response = await fetch(`${base}/login`, {
			method: 'POST',
			headers: { Cookie: lang, 'Content-Type': URLENCODED },
			body: 'email=a%00b',
		})
		expect(response.status).toBe(400)
		const text = await response.text()
		expect(text).toContain('<html lang="en">')
		expect(text).toContain('control characters')
	})

	test('a body over 1 MB is refused by its declared length without being read', async () => {
		const response = await post(
			'/settings',
			urlEncoded([['locale', 'y'.repeat(1100 * 1024)]]),
			URLENCODED,
		)
		expect(response.status).toBe(413)
	})

	test('a multipart body on a form without files (sign-in, settings) is refused before it is read', async () => {
		for (const path of ['/login', '/settings', '/LOGIN']) {
			const [body, type] = multipart([
				['email', 'a@b.vn'],
				['file', { filename: 'x.bin', content: Buffer.alloc(64 * 1024) }],
			])
			const before = await fingerprint()
			const response = await post(path, body, type)
			expect(response.status).toBe(400)
			expect(response.text).toContain('định dạng mà trang này không nhận')
			expect(await fingerprint()).toEqual(before)
		}
		// Declared at 45 MB and sent slowly: refused at once, without waiting for the body.
		const started = Date.now()
		const status = await new Promise<number>((resolve, reject) => {
			const req = http.request(`${base}/login`, {
				method: 'POST',
				headers: {
					Origin: base,
					'Content-Type': multipart([])[1],
					'Content-Length': String(45 * 1024 * 1024),
				},
			})
			req.on('response', response => {
				resolve(response.statusCode ?? 0)
				req.destroy()
			})
			req.on('error', reject)
			req.write(Buffer.alloc(1024))
		})
		expect(status).toBe(400)
		expect(Date.now() - started).toBeLessThan(1000)
	})

	test('a huge list index answers within a second while another request is served', async () => {
		const [body, type] = multipart([
			['members[100000].full_name', 'x'],
			['version', '1'],
			['intent', 'save'],
		])
		const started = Date.now()
		const [huge, other] = await Promise.all([
			post(`/plans/${planId}/edit`, body, type),
			fetch(`${base}/ping`).then(r => r.text()),
		])
		expect(huge.status).toBe(400)
		expect(other).toBe('pong')
		expect(Date.now() - started).toBeLessThan(1000)
	})
})

describe('what passes reaches the action unchanged', () => {
	test('a full plan form with Vietnamese text, tabs and line breaks and a file is saved as sent', async () => {
		const fields = Object.entries({
			...completePlanFields(world.partner.id),
			activities: '- Hội đàm\t(sáng)\r\n- Thăm CĐCS',
			'members[1].full_name': 'Lê Thị Hồng',
			'members[0].full_name': 'Nguyễn Văn An',
		})
		const pdf = Buffer.concat([
			Buffer.from('%PDF-1.4\n'),
			Buffer.alloc(2000, 0x20),
		])
		const [body, type] = multipart([
			...fields,
			['attachments', { filename: 'Kế hoạch.pdf', content: pdf }],
			['intent', 'save'],
		])
		const response = await post('/plans/new', body, type)
		expect(response.status).toBe(302)
		expect(crashes).toEqual([])
		const plan = await db
			.selectFrom('plan')
			.select(['id', 'name'])
			.where('id', '!=', planId)
			.executeTakeFirstOrThrow()
		expect(plan.name).toBe('Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)')
		const members = await db
			.selectFrom('plan_member')
			.select('full_name')
			.where('plan_id', '=', plan.id)
			.orderBy('position')
			.execute()
		expect(members.map(m => m.full_name)).toEqual([
			'Nguyễn Văn An',
			'Lê Thị Hồng',
		])
		const files = await db
			.selectFrom('plan_attachment')
			.select(['file_name', 'size'])
			.where('plan_id', '=', plan.id)
			.execute()
		expect(files).toEqual([{ file_name: 'Kế hoạch.pdf', size: pdf.length }])
	})

	test.each([
		[
			'an amount of 1e12, more than numeric(14,2) holds',
			{ 'budget[0].amount': '1000000000000', 'budget[0].currency': 'VND' },
			'budget[0].amount',
		],
		[
			'version=99999999999, more than an integer holds',
			{ version: '99999999999' },
			'version',
		],
	])('%s is a field error, not a 500', async (_what, extra, field) => {
		const { version } = await db
			.selectFrom('plan')
			.select('version')
			.where('id', '=', planId)
			.executeTakeFirstOrThrow()
		const fields = Object.entries({
			...completePlanFields(world.partner.id),
			version: String(version),
			...extra,
			intent: 'save',
		})
		const before = await fingerprint()
		const response = await post(
			`/plans/${planId}/edit`,
			...multipart([
				...fields,
				['attachments', { filename: '', content: Buffer.alloc(0) }],
			]),
		)
		expect(crashes).toEqual([])
		expect(response.status).toBe(400)
		expect(JSON.parse(response.text).result.error).toHaveProperty([field])
		expect(await fingerprint()).toEqual(before)
	})

	test('a file to remove named by something that is not an id removes nothing and saves the rest', async () => {
		const { version } = await db
			.selectFrom('plan')
			.select('version')
			.where('id', '=', planId)
			.executeTakeFirstOrThrow()
		const response = await post(
			`/plans/${planId}/edit`,
			...multipart([
				...Object.entries({
					...completePlanFields(world.partner.id),
					version: String(version),
					remove_attachment: 'abc',
					intent: 'save',
				}),
				['attachments', { filename: '', content: Buffer.alloc(0) }],
			]),
		)
		expect(crashes).toEqual([])
		expect(response.status).toBe(302)
		const saved = await db
			.selectFrom('plan')
			.select('version')
			.where('id', '=', planId)
			.executeTakeFirstOrThrow()
		expect(saved.version).toBe(version + 1)
	})
})

test('fuzz: 300 posts over every form (seed 20270915) give no 5xx, and refused ones change nothing', async () => {
	const cases = fuzzCases(20270915, 300, planId, people, answerPath)
	const failures: string[] = []
	for (const [i, c] of cases.entries()) {
		const before = c.refused ? await fingerprint() : null
		const response = await post(c.path, c.body, c.contentType)
		if (response.status >= 500)
			failures.push(`#${i} ${c.what} on ${c.path}: ${response.status}`)
		if (c.refused) {
			if (response.status !== 400 && response.status !== 413)
				failures.push(
					`#${i} ${c.what} on ${c.path}: ${response.status}, expected 400/413`,
				)
			else if (JSON.stringify(await fingerprint()) !== JSON.stringify(before))
				failures.push(`#${i} ${c.what} changed data`)
		}
	}
	expect(crashes).toEqual([])
	expect(failures).toEqual([])
	// The mix covered both kinds.
	expect(cases.filter(c => c.refused).length).toBeGreaterThan(100)
	expect(cases.filter(c => !c.refused).length).toBeGreaterThan(20)
}, 120_000)
