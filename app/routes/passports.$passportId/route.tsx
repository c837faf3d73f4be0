import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors } from '#app/components/forms.tsx'
import { PassportDue } from '#app/components/passport-due.tsx'
import { formatDateTime, formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { respond, web } from '#app/utils/domain.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import {
	actOnPassport,
	loadPassportPage,
} from '#workflows/passports/passports.server.ts'
import { HandBackForm, HandOutForm, MarkForm } from './passport-forms.tsx'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			return json(await loadPassportPage(user, params.passportId))
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: ActionFunctionArgs) => {
			const user = await requireUser(request)
			return respond(
				await actOnPassport(user, params.passportId, await request.formData()),
			)
		},
	)

export default function PassportRoute() {
	const { passport: p, plans, canEdit, today, me } =
		useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const last = (intent: string) =>
		actionData?.intent === intent ||
		(intent === 'mark' &&
			(actionData?.intent === 'lost' || actionData?.intent === 'cancelled'))
			? actionData?.result
			: undefined
	return (
		<>
			<div className="toolbar">
				<h1>
					{t('passport.list')} {p.number}
				</h1>
			</div>
			<dl className="panel facts">
				<dt>{t('passport.holder')}</dt>
				<dd>
					<Link to={`/people/${p.person_id}`}>{p.holder_name}</Link>
					{p.holder_position ? ` (${p.holder_position})` : ''}
				</dd>
				<dt>{t('passport.kind')}</dt>
				<dd>{t(`passport.${p.kind}`)}</dd>
				<dt>{t('passport.issuedOn')}</dt>
				<dd>{formatIsoDate(p.issued_on)}</dd>
				<dt>{t('passport.expiresOn')}</dt>
				<dd>{formatIsoDate(p.expires_on)}</dd>
				<dt>{t('passport.state')}</dt>
				<dd>
					{p.state === 'out' && p.plan_id ? (
						<>
							{t('passport.state.out')}:{' '}
							<Link to={`/plans/${p.plan_id}`}>{p.plan_name}</Link>
							<PassportDue
								dueOn={p.due_on}
								returnedOn={p.returned_on}
								days={p.passport_return_working_days}
								today={today}
							/>
						</>
					) : (
						t(`passport.state.${p.state}`)
					)}
				</dd>
			</dl>
			{canEdit && p.state === 'in_safe' ? (
				<HandOutForm
					version={p.version}
					plans={plans}
					today={today}
					me={me}
					holder={p.holder_name}
					expiresOn={p.expires_on}
					lastResult={last('hand_out')}
				/>
			) : null}
			{canEdit && p.state === 'out' ? (
				<HandBackForm
					version={p.version}
					today={today}
					me={me}
					holder={p.holder_name}
					lastResult={last('hand_back')}
				/>
			) : null}
			{/* A refused hand-out of a passport someone else just handed out still shows why. */}
			{canEdit && p.state !== 'in_safe' && last('hand_out') ? (
				<FormErrors errors={last('hand_out')?.error?.[''] ?? null} />
			) : null}
			<section>
				<h2>{t('passport.history')}</h2>
				<ol className="timeline">
					{p.history.map(e => (
						<li key={e.id}>
							<strong>{t(`passport.event.${e.event}`)}</strong>{' '}
							{formatIsoDate(e.happened_on)}
							{e.plan_name ? ` · ${e.plan_name}` : ''}
							{e.handed_by ? ` · ${t('passport.handedBy')}: ${e.handed_by}` : ''}
							{e.received_by
								? ` · ${t('passport.receivedBy')}: ${e.received_by}`
								: ''}
							{e.note ? ` · ${e.note}` : ''}
							<div className="muted">
								{e.actor_name}, {formatDateTime(e.created_at)}
							</div>
						</li>
					))}
				</ol>
			</section>
			{canEdit && p.state !== 'cancelled' ? (
				<MarkForm
					version={p.version}
					today={today}
					canLose={p.state !== 'lost'}
					lastResult={last('mark')}
				/>
			) : null}
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [
		data && `${t('passport.list')} ${data.passport.number}`,
		t('passport.list'),
	])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
