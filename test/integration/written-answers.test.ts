/**
 * Written answers on the chain: a step whose chain settings require one refuses APPROVE without
 * it (a field error, nothing changes), refuses a file that is not a PDF by its content, and keeps
 * the answer with the decision; the plan's ZIP holds it, and another organisation gets 404.
 */
import JSZip from 'jszip'
import { expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import * as zipRoute from '#app/routes/plans.$planId.file[.]zip/route.tsx'
import {
	args,
	insertPlan,
	insertPlanWorld,
	multipartRequest,
	planState,
	request,
	sendPlanEvent,
	settle,
} from '../factories.ts'

const PDF = new TextEncoder().encode(
	'%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
)

async function atTinhUy() {
	const world = await insertPlanWorld(db)
	await db
		.updateTable('chain_step')
		.set({ requires_written_answer: true })
		.where('chain_id', '=', world.chains.ldld.id)
		.where('organisation_id', '=', world.orgs.tinhUy.id)
		.execute()
	const plan = await insertPlan(db, world.users.ldld.drafter, {
		partnerId: world.partner.id,
		members: 2,
	})
	await sendPlanEvent(db, plan.id, 'SUBMIT', world.users.ldld.drafter)
	await sendPlanEvent(db, plan.id, 'APPROVE', world.users.ldld.approver)
	return { world, planId: plan.id }
}

function approveForm(
	version: number,
	answer?: { file: Blob; name: string; number?: string },
) {
	const form = new FormData()
	form.set('intent', 'APPROVE')
	form.set('version', String(version))
	form.set('comment', 'Đồng ý.')
	if (answer) {
		form.set('answer_kind', 'cong_van')
		form.set('answer_number', answer.number ?? '123-CV/TU')
		form.set('answer_date', '05/03/2027')
		form.set('answer_signer', 'Hoàng Văn Bình')
		form.set('answer_file', answer.file, answer.name)
	}
	return form
}

const post = async (planId: string, user: { id: string }, form: FormData) =>
	settle(async () =>
		planRoute.action(
			args(await multipartRequest(`/plans/${planId}`, form, { user }), {
				planId,
			}) as never,
		),
	)

test('a step that requires a written answer refuses APPROVE without one, and a file that is not a PDF', async () => {
	const { world, planId } = await atTinhUy()
	const before = await planState(db, planId)
	expect(before?.status).toBe('step_2')
	const approver = world.users.tinhUy.approver

	const bare = await post(planId, approver, approveForm(before!.version))
	expect(bare.status).toBe(400)
	const refused = (await bare.json()) as {
		answerErrors: Record<string, string[]>
		confirm: { intent: string }
		comment: string
	}
	expect(refused.answerErrors).toEqual({ answer_file: ['answer.required'] })
	expect(refused.confirm.intent).toBe('APPROVE')
	expect(refused.comment).toBe('Đồng ý.')
	expect(await planState(db, planId)).toEqual(before)

	const fake = await post(
		planId,
		approver,
		approveForm(before!.version, {
			file: new Blob([new TextEncoder().encode('not a pdf at all')]),
			name: 'cong-van.pdf',
		}),
	)
	expect(fake.status).toBe(400)
	expect(
		((await fake.json()) as { answerErrors: unknown }).answerErrors,
	).toEqual({ answer_file: ['attachment.fileType'] })
	expect(await planState(db, planId)).toEqual(before)
	expect(await db.selectFrom('written_answer').select('id').execute()).toEqual(
		[],
	)

	const ok = await post(
		planId,
		approver,
		approveForm(before!.version, {
			file: new Blob([PDF]),
			name: 'cong-van-123.pdf',
		}),
	)
	expect(ok.status).toBe(302)
	expect((await planState(db, planId))?.status).toBe('step_3')
	const answers = await db
		.selectFrom('written_answer as a')
		.innerJoin('plan_event as e', 'e.id', 'a.plan_event_id')
		.select([
			'a.kind',
			'a.number',
			'a.issued_on',
			'a.signer',
			'a.file_name',
			'e.event',
		])
		.execute()
	expect(answers).toEqual([
		{
			kind: 'cong_van',
			number: '123-CV/TU',
			issued_on: '2027-03-05',
			signer: 'Hoàng Văn Bình',
			file_name: 'cong-van-123.pdf',
			event: 'APPROVE',
		},
	])

	// The plan page shows it; the board's step does not require one.
	const page = await settle(async () =>
		planRoute.loader(
			args(
				await request(`/plans/${planId}`, { user: world.users.board.approver }),
				{
					planId,
				},
			) as never,
		),
	)
	const data = (await page.json()) as {
		answerRequired: boolean
		file: { answers: { number: string }[] }
	}
	expect(data.answerRequired).toBe(false)
	expect(data.file.answers.map(a => a.number)).toEqual(['123-CV/TU'])
	await sendPlanEvent(db, planId, 'APPROVE', world.users.board.approver)
	expect((await planState(db, planId))?.status).toBe('approved')

	// The drafter's ZIP holds the answer's PDF byte for byte; another province gets 404.
	const zipResponse = await settle(async () =>
		zipRoute.loader(
			args(
				await request(`/plans/${planId}/file.zip`, {
					user: world.users.ldld.drafter,
				}),
				{
					planId,
				},
			) as never,
		),
	)
	expect(zipResponse.status).toBe(200)
	expect(zipResponse.headers.get('Content-Disposition')).toMatch(
		/filename="ho-so-.*\.zip"/,
	)
	const zip = await JSZip.loadAsync(await zipResponse.arrayBuffer())
	const names = Object.keys(zip.files)
	expect(names).toEqual(['01 Van ban tra loi Tỉnh ủy Quảng Trị 123-CV-TU.pdf'])
	expect(
		new Uint8Array(await zip.file(names[0]!)!.async('uint8array')),
	).toEqual(PDF)

	const other = await settle(async () =>
		zipRoute.loader(
			args(
				await request(`/plans/${planId}/file.zip`, {
					user: world.users.otherFed.drafter,
				}),
				{
					planId,
				},
			) as never,
		),
	)
	expect(other.status).toBe(404)
})
