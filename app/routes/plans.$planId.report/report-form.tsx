import {
	getFormProps,
	getInputProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import {
	AttachmentList,
	AttachmentsSection,
} from '#app/components/attachments-section.tsx'
import { Form, useNavigation } from '@remix-run/react'
import { type z } from 'zod'
import {
	ErrorList,
	Field,
	FormErrors,
	RequiredLegend,
} from '#app/components/forms.tsx'
import { useDraftOrSubmitValidation } from '#app/components/draft-validation.ts'
import { useT } from '#app/utils/i18n.tsx'
import {
	ReportDraftSchema,
	ReportSubmitSchema,
} from '#workflows/reports/report-schema.ts'
import { formatDateTime } from '#lib/format.ts'

export interface ReportValues {
	summary: string
	results: string
	activities_done: string
	proposals: string
	participants: {
		full_name: string
		title: string
		organisation_name: string
	}[]
}

type ReportFormValues = z.input<typeof ReportDraftSchema> & {
	attachments?: string
}

interface Attachment {
	id: string
	file_name: string
	size: number
}

export const SECTIONS = [
	['summary', 'report.summary'],
	['results', 'report.results'],
	['activities_done', 'report.activitiesDone'],
	['proposals', 'report.proposals'],
] as const

/** The drafter's form: four sections, who went (add/remove rows), attachments; save or submit. */
export function ReportForm({
	report,
	versions,
	attachments,
	lastResult,
}: {
	report: ReportValues
	versions: { plan: number; report: number }
	attachments: Attachment[]
	lastResult?: SubmissionResult<string[]>
}) {
	const t = useT()
	const busy = useNavigation().state !== 'idle'
	const [form, fields] = useForm<ReportFormValues>({
		id: 'report',
		lastResult,
		defaultValue: {
			...report,
			plan_version: versions.plan,
			report_version: versions.report,
		},
		constraint: getZodConstraint(ReportDraftSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: useDraftOrSubmitValidation({
			draft: ReportDraftSchema,
			submit: ReportSubmitSchema,
			submitting: lastResult?.initialValue?.intent === 'submit',
		}),
	})
	const participants = fields.participants.getFieldList()
	const text = getInputProps
	return (
		<Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<RequiredLegend />
			<input {...getInputProps(fields.plan_version, { type: 'hidden' })} />
			<input {...getInputProps(fields.report_version, { type: 'hidden' })} />
			<section className="panel">
				{SECTIONS.map(([name, label]) => (
					<Field
						key={name}
						label={t(label)}
						errors={fields[name].errors}
						hint={t(`${label}Hint`)}
						required={name !== 'proposals'}
					>
						{props => (
							<textarea
								{...getTextareaProps(fields[name])}
								{...props}
								rows={name === 'proposals' ? 3 : 5}
							/>
						)}
					</Field>
				))}
			</section>
			<section className="panel">
				<h2>{t('report.participants')}</h2>
				<p className="hint">{t('report.participantsHint')}</p>
				<ol className="steps">
					{participants.map((participant, index) => {
						const p = participant.getFieldset()
						return (
							<li key={participant.key} className="step">
								<div className="grid-4">
									<Field
										label={t('plan.member.fullName')}
										errors={p.full_name.errors}
									>
										{props => (
											<input
												{...text(p.full_name, { type: 'text' })}
												{...props}
											/>
										)}
									</Field>
									<Field label={t('plan.member.title')} errors={p.title.errors}>
										{props => (
											<input {...text(p.title, { type: 'text' })} {...props} />
										)}
									</Field>
									<Field
										label={t('plan.member.organisation')}
										errors={p.organisation_name.errors}
									>
										{props => (
											<input
												{...text(p.organisation_name, { type: 'text' })}
												{...props}
											/>
										)}
									</Field>
								</div>
								<button
									className="danger small"
									{...form.remove.getButtonProps({
										name: fields.participants.name,
										index,
									})}
								>
									{t('report.removeParticipant')}
								</button>
							</li>
						)
					})}
				</ol>
				<ErrorList errors={fields.participants.errors} />
				<button
					className="secondary"
					{...form.insert.getButtonProps({ name: fields.participants.name })}
				>
					{t('report.addParticipant')}
				</button>
			</section>
			<AttachmentsSection
				attachments={attachments}
				errors={fields.attachments.errors}
				hint={t('report.attachmentsHint')}
			/>
			<div className="actions sticky-actions">
				<button
					type="submit"
					name="intent"
					value="save"
					className="secondary"
					disabled={busy}
				>
					{t('plan.saveDraft')}
				</button>
				<button type="submit" name="intent" value="submit" disabled={busy}>
					{t('report.submit')}
				</button>
			</div>
		</Form>
	)
}

/** The report as the receivers read it. */
export function ReportView({
	report,
	attachments,
	planId,
	submittedAt,
}: {
	report: ReportValues
	attachments: Attachment[]
	planId: string
	submittedAt: string | null
}) {
	const t = useT()
	return (
		<section className="panel report-view">
			{submittedAt ? (
				<p className="muted">
					{t('report.submittedAt', { time: formatDateTime(submittedAt) })}
				</p>
			) : null}
			{SECTIONS.map(([name, label]) => (
				<div key={name}>
					<h2>{t(label)}</h2>
					<p className="pre">
						{report[name] || <span className="muted">{t('plan.notSet')}</span>}
					</p>
				</div>
			))}
			<h2>{t('report.participants')}</h2>
			{report.participants.length ? (
				<div className="table-wrap">
					<table>
						<thead>
							<tr>
								<th>{t('common.rowNumber')}</th>
								<th>{t('plan.member.fullName')}</th>
								<th>{t('plan.member.title')}</th>
								<th>{t('plan.member.organisation')}</th>
							</tr>
						</thead>
						<tbody>
							{report.participants.map((p, i) => (
								<tr key={`${p.full_name}-${i}`}>
									<td>{i + 1}</td>
									<td>{p.full_name}</td>
									<td>{p.title}</td>
									<td>{p.organisation_name}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : (
				<p className="muted">{t('plan.notSet')}</p>
			)}
			<AttachmentList attachments={attachments} planId={planId} />
		</section>
	)
}
