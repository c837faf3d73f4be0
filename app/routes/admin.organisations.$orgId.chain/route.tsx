import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, FormErrors } from '#app/components/forms.tsx'
import { db } from '#db/client.server.ts'
import { recordAudit } from '#db/repos/audit-log.server.ts'
import {
	getCurrentChain,
	insertChainVersion,
	listChainVersions,
} from '#db/repos/chain.server.ts'
import { listOrganisationChoices } from '#db/repos/organisation.server.ts'
import { formatDateTime } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { invariantResponse } from '#app/utils/misc.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { countActiveApprovers } from '#db/repos/step-approval.server.ts'
import { type ChainValues, chainSchema, stepValues } from './chain-schema.ts'
import { ChainStepRow } from './chain-step.tsx'
import { requireOrganisationForAdmin } from '#app/utils/access.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'

async function loadInScope(request: Request, orgId: string | undefined) {
	const { user, organisation } = await requireOrganisationForAdmin(
		request,
		orgId,
	)
	invariantResponse(organisation.kind !== 'foreign_partner', 'error.notFound')
	return { user, organisation }
}

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const { organisation } = await loadInScope(request, params.orgId)
			const [chain, choices, history, approvers] = await Promise.all([
				getCurrentChain(db, organisation.id),
				listOrganisationChoices(db),
				listChainVersions(db, organisation.id),
				countActiveApprovers(db),
			])
			return json({
				organisation: { id: organisation.id, name_vi: organisation.name_vi },
				chain,
				choices,
				history,
				approvers,
			})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: ActionFunctionArgs) => {
			const { user, organisation } = await loadInScope(request, params.orgId)
			const kinds = new Map(
				(await listOrganisationChoices(db)).map(org => [org.id, org.kind]),
			)
			const approvers = await countActiveApprovers(db)
			const submission = parseWithZod(await request.formData(), {
				schema: chainSchema(
					id => kinds.get(id),
					id => approvers[id] ?? 0,
				),
			})
			if (submission.status !== 'success')
				return json({ result: submission.reply() }, { status: 400 })

			const { expectedVersion, steps = [] } = submission.value
			const rows = steps.map(step => ({
				...step,
				label_en: step.label_en ?? '',
				optional: step.optional ?? false,
				requires_written_answer: step.requires_written_answer ?? false,
				min_approvals:
					step.approval_rule === 'min' ? (step.min_approvals ?? null) : null,
			}))
			const current = await getCurrentChain(db, organisation.id)
			const unchanged =
				current?.version === expectedVersion &&
				JSON.stringify(current.steps.map(stepValues)) === JSON.stringify(rows)
			if (unchanged)
				return redirectWithToast(request.url, {
					type: 'success',
					message: 'chain.unchanged',
				})

			const saved = await insertChainVersion(db, {
				organisationId: organisation.id,
				expectedVersion,
				steps: rows,
				createdBy: user.id,
				onSaved: (trx, chain) =>
					recordAudit(trx, {
						actorId: user.id,
						organisationId: organisation.id,
						action: 'chain.published',
						subjectId: chain.id,
						before: current
							? {
									version: current.version,
									steps: current.steps.map(stepValues),
								}
							: null,
						after: { version: chain.version, steps: rows },
					}),
			})
			if (!saved)
				return json(
					{ result: submission.reply({ formErrors: ['error.conflict'] }) },
					{ status: 409 },
				)
			return redirectWithToast(request.url, {
				type: 'success',
				message: 'chain.saved',
				params: { version: saved.version },
			})
		},
	)

export default function ChainRoute() {
	const { organisation, chain, choices, history, approvers } =
		useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const kinds = new Map(choices.map(org => [org.id, org.kind]))
	const schema = chainSchema(
		id => kinds.get(id),
		id => approvers[id] ?? 0,
	)
	const [form, fields] = useForm<ChainValues>({
		id: `chain-${chain?.version ?? 0}`,
		lastResult: actionData?.result,
		defaultValue: {
			expectedVersion: chain?.version ?? 0,
			steps: chain?.steps.map(step => ({
				...stepValues(step),
				optional: step.optional ? 'on' : undefined,
				requires_written_answer: step.requires_written_answer
					? 'on'
					: undefined,
				min_approvals: step.min_approvals ?? undefined,
			})),
		},
		constraint: getZodConstraint(schema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
	})
	const steps = fields.steps.getFieldList()
	return (
		<>
			<h1>{t('chain.title', { organisation: organisation.name_vi })}</h1>
			<p className="muted">
				{chain
					? t('chain.version', {
							version: chain.version,
							date: formatDateTime(chain.created_at),
						})
					: t('chain.noVersion')}
			</p>
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input {...getInputProps(fields.expectedVersion, { type: 'hidden' })} />
				<ol className="steps">
					{steps.map((step, index) => (
						<ChainStepRow
							key={step.key}
							form={form}
							stepsName={fields.steps.name}
							step={step}
							index={index}
							count={steps.length}
							choices={choices}
						/>
					))}
				</ol>
				<ErrorList id={fields.steps.errorId} errors={fields.steps.errors} />
				<div className="actions">
					<button
						className="secondary"
						{...form.insert.getButtonProps({
							name: fields.steps.name,
							defaultValue: { organisation_id: '', label_vi: '', label_en: '' },
						})}
					>
						{t('chain.addStep')}
					</button>
					<button type="submit">{t('common.save')}</button>
				</div>
			</Form>
			{history.length > 1 ? (
				<section>
					<h2>{t('chain.history')}</h2>
					<ul>
						{history.slice(1).map(version => (
							<li key={version.version}>
								{t('chain.version', {
									version: version.version,
									date: formatDateTime(version.created_at),
								})}
								{version.created_by_name ? ` — ${version.created_by_name}` : ''}
								: {(version.labels ?? []).join(' → ')}
							</li>
						))}
					</ul>
				</section>
			) : null}
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [
		data && t('chain.title', { organisation: data.organisation.name_vi }),
		t('nav.organisations'),
	])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
