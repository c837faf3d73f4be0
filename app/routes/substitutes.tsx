import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { sql } from 'kysely'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field } from '#app/components/forms.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatIsoDate, parseDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { forbidden, hasRole } from '#workflows/access/permissions.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { db } from '#db/client.server.ts'
import { recordAudit } from '#db/repos/audit-log.server.ts'
import {
	createSubstitution,
	endSubstitutionEarly,
	listSubstitutions,
} from '#db/repos/substitution.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'

/**
 * Approvers name their own substitute; the organisation's admin names one for any of its
 * approvers. A substitute is any active user of the same organisation (a deputy who is not an
 * approver gains the approver's decisions for the range; see `decisionActor`).
 */
async function requireManager(request: Request) {
	const user = await requireUser(request)
	const isAdmin = hasRole(user, 'admin')
	if (!isAdmin && !hasRole(user, 'approver')) throw forbidden()
	return { user, isAdmin }
}

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const { user, isAdmin } = await requireManager(request)
			const today = todayIso()
			const [people, substitutions] = await Promise.all([
				db
					.selectFrom('app_user')
					.select(['id', 'full_name', 'roles'])
					.where('organisation_id', '=', user.organisationId)
					.where('active', '=', true)
					.orderBy(sql`full_name COLLATE vi`)
					.limit(500)
					.execute(),
				listSubstitutions(
					db,
					{
						organisationId: user.organisationId,
						userId: isAdmin ? null : user.id,
					},
					today,
				),
			])
			return json({
				userId: user.id,
				isAdmin,
				principals: isAdmin
					? people.filter(p => p.roles.includes('approver'))
					: people.filter(p => p.id === user.id),
				// An approver's substitute is someone else; an admin's choice depends on the principal.
				people: people
					.filter(p => isAdmin || p.id !== user.id)
					.map(p => ({ id: p.id, full_name: p.full_name })),
				substitutions,
			})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: ActionFunctionArgs) => {
			const { user, isAdmin } = await requireManager(request)
			const form = Object.fromEntries(await request.formData())
			const text = (key: string) => String(form[key] ?? '')
			if (text('intent') === 'end') {
				const id = z.uuid().safeParse(text('id'))
				if (!id.success) throw forbidden()
				const ended = await db.transaction().execute(async trx => {
					const done = await endSubstitutionEarly(trx, {
						id: id.data,
						organisationId: user.organisationId,
						principalId: isAdmin ? null : user.id,
					})
					if (done)
						await recordAudit(trx, {
							actorId: user.id,
							organisationId: user.organisationId,
							action: 'substitution.ended',
							subjectId: id.data,
							after: { ended_early: true },
						})
					return done
				})
				if (!ended) throw forbidden()
				return redirectWithToast('/substitutes', {
					type: 'success',
					message: 'substitutes.ended',
				})
			}
			const values = {
				principal_id: isAdmin ? text('principal_id') : user.id,
				substitute_id: text('substitute_id'),
				starts_on: text('starts_on'),
				ends_on: text('ends_on'),
			}
			const errors: Record<string, string[]> = {}
			const startsOn = parseDate(values.starts_on)
			const endsOn = parseDate(values.ends_on)
			if (!startsOn) errors.starts_on = ['substitutes.errors.date']
			if (!endsOn) errors.ends_on = ['substitutes.errors.date']
			// A hand-made post may name someone by anything: only an id can name a user.
			const isId = (value: string) => z.uuid().safeParse(value).success
			if (!isId(values.substitute_id))
				errors.substitute_id = ['substitutes.errors.substitute']
			if (!isId(values.principal_id))
				errors.principal_id = ['error.invalidChoice']
			// Shown with a missing substitute too, not only once everything else is right.
			if (startsOn && startsOn < todayIso())
				errors.starts_on = ['substitutes.errors.past']
			if (startsOn && endsOn && endsOn < startsOn)
				errors.ends_on = ['substitutes.errors.order']
			if (startsOn && endsOn && !Object.keys(errors).length) {
				const result = await db.transaction().execute(async trx => {
					const created = await createSubstitution(
						trx,
						{
							organisationId: user.organisationId,
							principalId: values.principal_id,
							substituteId: values.substitute_id,
							startsOn,
							endsOn,
							createdBy: user.id,
						},
						todayIso(),
					)
					if (created.ok)
						await recordAudit(trx, {
							actorId: user.id,
							organisationId: user.organisationId,
							action: 'substitution.created',
							subjectId: created.id,
							after: { ...values, starts_on: startsOn, ends_on: endsOn },
						})
					return created
				})
				if (result.ok)
					return redirectWithToast('/substitutes', {
						type: 'success',
						message: 'substitutes.saved',
					})
				errors[result.field] = [result.error]
			}
			return json({ values, errors }, { status: 400 })
		},
	)

export default function SubstitutesRoute() {
	const data = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const t = useT()
	const values = result?.values
	return (
		<div className="panel narrow">
			<h1>{t('substitutes.title')}</h1>
			<p className="hint">{t('substitutes.intro')}</p>
			{data.substitutions.length ? (
				<ul>
					{data.substitutions.map(s => (
						<li key={s.id}>
							{t('substitutes.row', {
								substitute: s.substitute_name,
								principal: s.principal_name,
								from: formatIsoDate(s.starts_on),
								to: formatIsoDate(s.ends_on),
							})}{' '}
							<Form method="post" style={{ display: 'inline' }}>
								<input type="hidden" name="intent" value="end" />
								<input type="hidden" name="id" value={s.id} />
								<button type="submit" className="secondary">
									{t('substitutes.end')}
								</button>
							</Form>
						</li>
					))}
				</ul>
			) : (
				<p>{t('substitutes.none')}</p>
			)}
			<h2>{t('substitutes.new')}</h2>
			<Form method="post">
				{data.isAdmin ? (
					<Field
						label={t('substitutes.principal')}
						errors={result?.errors.principal_id}
					>
						{props => (
							<select
								{...props}
								name="principal_id"
								defaultValue={values?.principal_id}
							>
								{data.principals.map(p => (
									<option key={p.id} value={p.id}>
										{p.full_name}
									</option>
								))}
							</select>
						)}
					</Field>
				) : null}
				<Field
					label={t('substitutes.substitute')}
					errors={result?.errors.substitute_id}
				>
					{props => (
						<select
							{...props}
							name="substitute_id"
							defaultValue={values?.substitute_id ?? ''}
						>
							<option value="">—</option>
							{data.people.map(p => (
								<option key={p.id} value={p.id}>
									{p.full_name}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t('substitutes.from')} errors={result?.errors.starts_on}>
					{props => (
						<input
							{...props}
							name="starts_on"
							placeholder="dd/mm/yyyy"
							defaultValue={values?.starts_on}
						/>
					)}
				</Field>
				<Field label={t('substitutes.to')} errors={result?.errors.ends_on}>
					{props => (
						<input
							{...props}
							name="ends_on"
							placeholder="dd/mm/yyyy"
							defaultValue={values?.ends_on}
						/>
					)}
				</Field>
				<button type="submit">{t('common.save')}</button>
			</Form>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('substitutes.title')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
