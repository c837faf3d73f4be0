import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
	redirect,
} from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import {
	listNotifications,
	markNotificationsRead,
} from '#db/repos/notification.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatDateTime } from '#lib/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { pageFrom } from '#app/utils/misc.ts'
import { notificationMessage } from '#workflows/notify/notification-text.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'

const ReadSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('open'), id: z.uuid() }),
	z.object({ intent: z.literal('read-all') }),
])

/** A report request's notification opens the answer it is about. */
function requestLink(params: unknown) {
	const p = params as { requestId?: unknown; responseId?: unknown } | null
	const uuid = /^[0-9a-f-]{36}$/
	return typeof p?.requestId === 'string' &&
		typeof p.responseId === 'string' &&
		uuid.test(p.requestId) &&
		uuid.test(p.responseId)
		? `/requests/${p.requestId}/responses/${p.responseId}`
		: null
}

/** The weekly list of passports expiring within 6 months opens the passports page. */
function passportsLink(params: unknown) {
	const p = params as { weekOf?: unknown; until?: unknown } | null
	return typeof p?.weekOf === 'string' && typeof p.until === 'string'
		? '/passports'
		: null
}

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const page = pageFrom(new URL(request.url))
			return json({ ...(await listNotifications(db, user.id, page)), page })
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: ActionFunctionArgs) => {
			const user = await requireUser(request)
			const parsed = ReadSchema.safeParse(
				Object.fromEntries(await request.formData()),
			)
			if (!parsed.success) return redirect('/notifications')
			if (parsed.data.intent === 'read-all') {
				await markNotificationsRead(db, user.id)
				return redirect('/notifications')
			}
			const row = await markNotificationsRead(db, user.id, parsed.data.id)
			return redirect(
				row?.plan_id
					? `/plans/${row.plan_id}`
					: (requestLink(row?.params) ??
							passportsLink(row?.params) ??
							'/notifications'),
			)
		},
	)

export default function NotificationsRoute() {
	const { rows, total, page } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	const text = (kind: string, params: Record<string, unknown>) => {
		const message = notificationMessage(kind, params, locale)
		return t(message.key, message.params)
	}
	return (
		<>
			<div className="toolbar">
				<h1>{t('notify.title')}</h1>
				{rows.some(r => !r.read_at) ? (
					<Form method="post">
						<button
							type="submit"
							name="intent"
							value="read-all"
							className="secondary"
						>
							{t('notify.markAll')}
						</button>
					</Form>
				) : null}
			</div>
			{rows.length === 0 ? (
				<p className="panel muted">{t('notify.empty')}</p>
			) : null}
			<ul className="notifications">
				{rows.map(n => (
					<li key={n.id} className={n.read_at ? 'read' : 'unread'}>
						<Form method="post">
							<input type="hidden" name="id" value={n.id} />
							<button
								type="submit"
								name="intent"
								value="open"
								className="link notification"
							>
								{n.read_at ? null : (
									<span className="dot" aria-label={t('notify.unread')} />
								)}
								<span>
									{text(n.kind, (n.params ?? {}) as Record<string, unknown>)}
								</span>
								<time className="muted" dateTime={n.created_at}>
									{formatDateTime(n.created_at)}
								</time>
							</button>
						</Form>
					</li>
				))}
			</ul>
			<Pagination total={total} page={page} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('notify.title')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
