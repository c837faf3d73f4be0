import {
	getFormProps,
	getInputProps,
	getSelectProps,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, FormErrors } from '#app/components/forms.tsx'
import { db } from '#db/client.server.ts'
import {
	getCurrentChain,
	insertChainVersion,
	listChainVersions,
} from '#db/repos/chain.server.ts'
import { listOrganisationChoices } from '#db/repos/organisation.server.ts'
import { APPROVAL_RULES, type OrganisationKind } from '#db/schema.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { invariantResponse } from '#app/utils/misc.ts'
import { requireOrganisationForAdmin } from '#app/utils/permissions.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import {
	validateChain,
	validateStepApprovals,
} from '#workflows/chain-validation.ts'
import { countActiveApprovers } from '#db/repos/step-approval.server.ts'

const label = z.string().trim().max(200, { error: 'error.tooLong' })

/** `kindOf` knows the organisations a step may name; an unknown id is refused like a partner. */
function chainSchema(
	kindOf: (id: string) => OrganisationKind | undefined,
	approversOf: (id: string) => number,
) {
	return z
		.object({
			expectedVersion: z.number().int().min(0),
			steps: z
				.array(
					z.object({
						organisation_id: z.uuid({ error: 'error.invalidChoice' }),
						label_vi: label.min(1, { error: 'error.required' }),
						label_en: label.optional(),
						optional: z.boolean().optional(),
						approval_rule: z.enum(APPROVAL_RULES).default('any'),
						min_approvals: z
							.number({ error: 'approvals.minRequired' })
							.int({ error: 'approvals.minRequired' })
							.optional(),
					}),
				)
				.optional(),
		})
		.superRefine(({ steps = [] }, ctx) => {
			const { chainError, stepErrors } = validateChain(
				steps,
				id => kindOf(id) ?? 'foreign_partner',
			)
			if (chainError)
				ctx.addIssue({ code: 'custom', path: ['steps'], message: chainError })
			for (const [index, message] of stepErrors)
				ctx.addIssue({
					code: 'custom',
					path: ['steps', index, 'organisation_id'],
					message,
				})
			for (const [index, message] of validateStepApprovals(steps, approversOf))
				ctx.addIssue({
					code: 'custom',
					path: ['steps', index, 'min_approvals'],
					message,
				})
		})
}

async function loadInScope(request: Request, orgId: string | undefined) {
	const { user, organisation } = await requireOrganisationForAdmin(
		request,
		orgId,
	)
	invariantResponse(organisation.kind !== 'foreign_partner', 'error.notFound')
	return { user, organisation }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
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
}

export async function action({ request, params }: ActionFunctionArgs) {
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
		min_approvals:
			step.approval_rule === 'min' ? (step.min_approvals ?? null) : null,
	}))
	const current = await getCurrentChain(db, organisation.id)
	const unchanged =
		current?.version === expectedVersion &&
		JSON.stringify(
			current.steps.map(
				({
					organisation_id,
					label_vi,
					label_en,
					optional,
					approval_rule,
					min_approvals,
				}) => ({
					organisation_id,
					label_vi,
					label_en,
					optional,
					approval_rule,
					min_approvals,
				}),
			),
		) === JSON.stringify(rows)
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
}

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
	const [form, fields] = useForm({
		id: `chain-${chain?.version ?? 0}`,
		lastResult: actionData?.result,
		defaultValue: {
			expectedVersion: chain?.version ?? 0,
			steps: chain?.steps.map(
				({
					organisation_id,
					label_vi,
					label_en,
					optional,
					approval_rule,
					min_approvals,
				}) => ({
					organisation_id,
					label_vi,
					label_en,
					optional: optional ? 'on' : undefined,
					approval_rule,
					min_approvals: min_approvals ?? undefined,
				}),
			),
		},
		constraint: getZodConstraint(schema),
		shouldRevalidate: 'onBlur',
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
					{steps.map((step, index) => {
						const stepFields = step.getFieldset()
						return (
							<li key={step.key} className="step">
								<div className="step-head">
									<strong>{t('chain.step', { n: index + 1 })}</strong>
									<div className="actions">
										<button
											className="secondary small"
											{...form.reorder.getButtonProps({
												name: fields.steps.name,
												from: index,
												to: index - 1,
											})}
											disabled={index === 0}
											aria-label={`${t('chain.moveUp')} — ${t('chain.step', { n: index + 1 })}`}
										>
											{t('chain.moveUp')}
										</button>
										<button
											className="secondary small"
											{...form.reorder.getButtonProps({
												name: fields.steps.name,
												from: index,
												to: index + 1,
											})}
											disabled={index === steps.length - 1}
											aria-label={`${t('chain.moveDown')} — ${t('chain.step', { n: index + 1 })}`}
										>
											{t('chain.moveDown')}
										</button>
										<button
											className="danger small"
											{...form.remove.getButtonProps({
												name: fields.steps.name,
												index,
											})}
											aria-label={`${t('chain.removeStep')} — ${t('chain.step', { n: index + 1 })}`}
										>
											{t('chain.removeStep')}
										</button>
									</div>
								</div>
								<div className="grid-2">
									<Field
										label={t('chain.stepOrganisation')}
										errors={stepFields.organisation_id.errors}
									>
										{props => (
											<select
												{...getSelectProps(stepFields.organisation_id)}
												{...props}
											>
												<option value="" />
												{choices.map(org => (
													<option key={org.id} value={org.id}>
														{org.name_vi}
													</option>
												))}
											</select>
										)}
									</Field>
									<Field
										label={t('chain.labelVi')}
										errors={stepFields.label_vi.errors}
									>
										{props => (
											<input
												{...getInputProps(stepFields.label_vi, {
													type: 'text',
												})}
												{...props}
											/>
										)}
									</Field>
									<Field
										label={t('chain.labelEn')}
										errors={stepFields.label_en.errors}
									>
										{props => (
											<input
												{...getInputProps(stepFields.label_en, {
													type: 'text',
												})}
												{...props}
											/>
										)}
									</Field>
								</div>
								<label className="checks">
									<input
										{...getInputProps(stepFields.optional, {
											type: 'checkbox',
										})}
									/>
									{t('chain.optional')}
								</label>
								<div className="grid-2">
									<Field
										label={t('approvals.ruleLabel')}
										errors={stepFields.approval_rule.errors}
									>
										{props => (
											<select
												{...getSelectProps(stepFields.approval_rule)}
												{...props}
											>
												{APPROVAL_RULES.map(rule => (
													<option key={rule} value={rule}>
														{t(`approvals.ruleOption.${rule}`)}
													</option>
												))}
											</select>
										)}
									</Field>
									<Field
										label={t('approvals.minLabel')}
										errors={stepFields.min_approvals.errors}
									>
										{props => (
											<input
												{...getInputProps(stepFields.min_approvals, {
													type: 'number',
												})}
												min={1}
												{...props}
											/>
										)}
									</Field>
								</div>
							</li>
						)
					})}
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

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
