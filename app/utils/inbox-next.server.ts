import { db } from '#db/client.server.ts'
import { nextInboxItem } from '#db/repos/work.server.ts'
import { type MessageKey, translate, type Params } from '#lib/i18n/index.ts'
import { type SessionUser } from './auth.server.ts'
import { redirectWithToast } from './toast.server.ts'

/** After a decision, on to the next item waiting in "Chờ tôi xử lý" (or back to the empty inbox), saying what was done. */
export async function redirectToNextInboxItem(
	user: SessionUser,
	planId: string,
	done: MessageKey,
	params?: Params,
) {
	const next = await nextInboxItem(db, user.organisationId, planId)
	const doneText = translate(user.locale, done, params)
	if (!next)
		return redirectWithToast('/inbox', {
			type: 'success',
			message: 'inbox.doneAll',
			params: { done: doneText },
		})
	return redirectWithToast(
		next.kind === 'report' ? `/plans/${next.id}/report` : `/plans/${next.id}`,
		{
			type: 'success',
			message: 'inbox.doneNext',
			params: { done: doneText, name: next.name },
		},
	)
}
