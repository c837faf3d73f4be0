import { db } from '#db/client.server.ts'
import { nextInboxItem } from '#db/repos/work.server.ts'
import { type MessageKey, translate, type Params } from '#lib/i18n/index.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import { done } from '#workflows/outcome.ts'

/** After a decision, on to the next item waiting in "Chờ tôi xử lý" (or back to the empty inbox), saying what was done. */
export async function doneThenNext(
	user: SessionUser,
	planId: string,
	message: MessageKey,
	params?: Params,
) {
	const next = await nextInboxItem(db, user.organisationId, planId)
	const doneText = translate(user.locale, message, params)
	if (!next) return done(planId, 'inbox.doneAll', { done: doneText }, '/inbox')
	return done(
		planId,
		'inbox.doneNext',
		{ done: doneText, name: next.name },
		next.kind === 'report' ? `/plans/${next.id}/report` : `/plans/${next.id}`,
	)
}
