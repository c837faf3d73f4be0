import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ListTable } from '#app/components/list.tsx'
import { formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { respond, web } from '#app/utils/domain.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { addPassport } from '#workflows/passports/passports.server.ts'
import { loadPersonPage } from '#workflows/people/people.server.ts'
import { AddPassportForm } from './passport-form.tsx'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			return json(await loadPersonPage(user, params.personId))
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: ActionFunctionArgs) => {
			const user = await requireUser(request)
			return respond(
				await addPassport(user, params.personId, await request.formData()),
			)
		},
	)

export default function PersonRoute() {
	const { person, passports, plans, canEdit } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<div className="toolbar">
				<h1>{person.full_name}</h1>
				{canEdit ? (
					<Link className="button secondary" to={`/people/${person.id}/edit`}>
						{t('person.edit')}
					</Link>
				) : null}
			</div>
			<dl className="panel facts">
				<dt>{t('person.position')}</dt>
				<dd>{person.position || '—'}</dd>
				<dt>{t('person.unit')}</dt>
				<dd>{person.unit || '—'}</dd>
				<dt>{t('person.bornOn')}</dt>
				<dd>{formatIsoDate(person.born_on) || '—'}</dd>
				<dt>{t('person.email')}</dt>
				<dd>{person.email || '—'}</dd>
			</dl>
			<section>
				<h2>{t('person.passports')}</h2>
				<ListTable
					headings={[
						t('passport.number'),
						t('passport.kind'),
						t('passport.issuedOn'),
						t('passport.expiresOn'),
						t('passport.state'),
					]}
					empty={t('person.noPassports')}
				>
					{passports.map(p => (
						<tr key={p.id}>
							<td>
								<Link to={`/passports/${p.id}`}>{p.number}</Link>
							</td>
							<td>{t(`passport.${p.kind}`)}</td>
							<td>{formatIsoDate(p.issued_on)}</td>
							<td>{formatIsoDate(p.expires_on)}</td>
							<td>
								{p.state === 'out' && p.plan_name
									? t('passport.outFor', { plan: p.plan_name })
									: t(`passport.state.${p.state}`)}
							</td>
						</tr>
					))}
				</ListTable>
			</section>
			{canEdit ? <AddPassportForm lastResult={actionData?.result} /> : null}
			<section>
				<h2>{t('person.plans')}</h2>
				{plans.length ? (
					<ul>
						{plans.map(p => (
							<li key={p.id}>
								<Link to={`/plans/${p.id}`}>
									{p.name || t('plan.notSet')}
								</Link>{' '}
								<span className="muted">({p.plan_year})</span>
							</li>
						))}
					</ul>
				) : (
					<p className="muted">{t('person.noPlans')}</p>
				)}
			</section>
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [data?.person.full_name, t('person.list')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
