import {
	getFormProps,
	getSelectProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { Form } from '@remix-run/react'
import {
	Field,
	FormErrors,
	SubmitButton,
	TextField,
} from '#app/components/forms.tsx'
import { formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'

type Result = SubmissionResult<string[]> | undefined

interface Values {
	version: string
	plan_id: string
	happened_on: string
	handed_by: string
	received_by: string
	note: string
}

/** When, who gave and who took the passport, and a note: the same for handing out and back. */
function HandoverFields({
	fields,
}: {
	fields: ReturnType<typeof useForm<Values>>[1]
}) {
	const t = useT()
	return (
		<>
			<TextField
				label={t('passport.date')}
				field={fields.happened_on}
				required
				inputMode="numeric"
			/>
			<TextField
				label={t('passport.handedBy')}
				field={fields.handed_by}
				required
			/>
			<TextField
				label={t('passport.receivedBy')}
				field={fields.received_by}
				required
			/>
			<TextField label={t('passport.note')} field={fields.note} />
		</>
	)
}

/** Hands the passport out for an approved plan its holder is a member of. */
export function HandOutForm({
	version,
	plans,
	today,
	me,
	holder,
	expiresOn,
	lastResult,
}: {
	version: number
	plans: { id: string; name: string; validUntil: string | null }[]
	expiresOn: string
	today: string
	me: string
	holder: string
	lastResult: Result
}) {
	const t = useT()
	const [form, fields] = useForm<Values>({
		id: 'hand-out',
		lastResult,
		defaultValue: {
			plan_id: plans.length === 1 ? plans[0]!.id : '',
			happened_on: formatIsoDate(today),
			handed_by: me,
			received_by: holder,
		},
	})
	return (
		<Form method="post" className="panel" {...getFormProps(form)}>
			<h2>{t('passport.handOut')}</h2>
			<FormErrors id={form.errorId} errors={form.errors} />
			<input type="hidden" name="version" value={version} />
			{plans.length ? null : <p className="muted">{t('passport.noPlans')}</p>}
			{plans.some(p => p.validUntil) ? (
				<div className="callout callout-returned" role="note">
					<ul>
						{plans.flatMap(p =>
							p.validUntil
								? [
										<li key={p.id}>
											{t('passport.warning.handOut', {
												plan: p.name,
												date: formatIsoDate(expiresOn),
												until: formatIsoDate(p.validUntil),
											})}
										</li>,
									]
								: [],
						)}
					</ul>
				</div>
			) : null}
			<div className="grid-2">
				<Field
					label={t('passport.plan')}
					errors={fields.plan_id.errors}
					required
				>
					{props => (
						<select {...getSelectProps(fields.plan_id)} {...props}>
							<option value="" />
							{plans.map(p => (
								<option key={p.id} value={p.id}>
									{p.name}
								</option>
							))}
						</select>
					)}
				</Field>
				<HandoverFields fields={fields} />
			</div>
			<SubmitButton className="button" name="intent" value="hand_out">
				{t('passport.handOut')}
			</SubmitButton>
		</Form>
	)
}

/** Takes the passport back into the safe. */
export function HandBackForm({
	version,
	today,
	me,
	holder,
	lastResult,
}: {
	version: number
	today: string
	me: string
	holder: string
	lastResult: Result
}) {
	const t = useT()
	const [form, fields] = useForm<Values>({
		id: 'hand-back',
		lastResult,
		defaultValue: {
			happened_on: formatIsoDate(today),
			handed_by: holder,
			received_by: me,
		},
	})
	return (
		<Form method="post" className="panel" {...getFormProps(form)}>
			<h2>{t('passport.handBack')}</h2>
			<FormErrors id={form.errorId} errors={form.errors} />
			<input type="hidden" name="version" value={version} />
			<div className="grid-2">
				<HandoverFields fields={fields} />
			</div>
			<SubmitButton className="button" name="intent" value="hand_back">
				{t('passport.handBack')}
			</SubmitButton>
		</Form>
	)
}

/** Records the passport lost or cancelled, with the reason. */
export function MarkForm({
	version,
	today,
	canLose,
	lastResult,
}: {
	version: number
	today: string
	canLose: boolean
	lastResult: Result
}) {
	const t = useT()
	const [form, fields] = useForm<Values>({
		id: 'mark',
		lastResult,
		defaultValue: { happened_on: formatIsoDate(today) },
	})
	return (
		<details className="panel" open={Boolean(lastResult)}>
			<summary>
				{t('passport.markLost')} / {t('passport.markCancelled')}
			</summary>
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="version" value={version} />
				<div className="grid-2">
					<TextField
						label={t('passport.date')}
						field={fields.happened_on}
						required
						inputMode="numeric"
					/>
					<TextField
						label={t('passport.reason')}
						field={fields.note}
						required
					/>
				</div>
				{canLose ? (
					<SubmitButton className="danger" name="intent" value="lost">
						{t('passport.markLost')}
					</SubmitButton>
				) : null}{' '}
				<SubmitButton className="danger" name="intent" value="cancelled">
					{t('passport.markCancelled')}
				</SubmitButton>
			</Form>
		</details>
	)
}
