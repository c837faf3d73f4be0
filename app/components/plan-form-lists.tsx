import {
	type FieldMetadata,
	type FormMetadata,
	getInputProps,
	getSelectProps,
} from '@conform-to/react'
import { useEffect, useRef } from 'react'
import { DirectoryPicker } from '#app/components/directory-picker.tsx'
import { ErrorList, Field, TextField } from '#app/components/forms.tsx'
import { CURRENCIES, FUNDING_SOURCES, PASSPORT_TYPES } from '#lib/enums.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import type { PlanFormValues } from './plan-form.tsx'

/** The plan form's delegation members, one row each, added and removed in place. */
export function MembersSection({
	form,
	fields,
	direction,
	head,
}: {
	form: FormMetadata<PlanFormValues>
	fields: ReturnType<FormMetadata<PlanFormValues>['getFieldset']>
	direction: string
	/** The head of delegation: typed once, member 1. */
	head: { full_name: string; title: string }
}) {
	const t = useT()
	const members = fields.members.getFieldList()
	const list = useRef<HTMLOListElement>(null)
	useFocusOnAdded(list, members.length)
	// Member 1 follows the head of delegation while it is empty or still what the head was.
	const first = members[0]?.getFieldset()
	const lastHead = useRef(head)
	useEffect(() => {
		const before = lastHead.current
		lastHead.current = head
		if (before.full_name === head.full_name && before.title === head.title)
			return
		if (!head.full_name.trim()) return
		if (!first) {
			form.insert({
				name: fields.members.name,
				defaultValue: { full_name: head.full_name, title: head.title },
			})
			return
		}
		for (const [key, value] of [
			['full_name', head.full_name],
			['title', head.title],
		] as const) {
			const current = first[key].value ?? ''
			if (!current || current === before[key])
				form.update({ name: first[key].name, value })
		}
	}, [head, first, form, fields.members.name])
	return (
		<section className="panel">
			<h2>{t('plan.members')}</h2>
			<DirectoryPicker
				onPick={person => {
					const picked = {
						full_name: person.full_name,
						title: person.position || undefined,
						organisation_name: person.unit || undefined,
						passport_type:
							direction === 'out'
								? (person.passport_kind ?? undefined)
								: undefined,
						person_id: person.id,
					}
					// The same person typed by hand (e.g. member 1, from the head of delegation), or
					// else a row left blank, takes the pick; what was typed in it stays.
					const rows = members.map(member => member.getFieldset())
					const typed = (value: string | undefined) =>
						(value ?? '').trim().toLocaleLowerCase('vi')
					const row =
						rows.find(
							r =>
								!r.person_id.value &&
								typed(r.full_name.value) === typed(person.full_name),
						) ??
						rows.find(
							r =>
								!r.person_id.value &&
								!r.full_name.value &&
								!r.title.value &&
								!r.organisation_name.value,
						)
					if (!row) {
						form.insert({ name: fields.members.name, defaultValue: picked })
						return
					}
					for (const key of [
						'full_name',
						'title',
						'organisation_name',
						'passport_type',
						'person_id',
					] as const)
						if (!row[key].value && picked[key])
							form.update({ name: row[key].name, value: picked[key] })
				}}
			/>
			<ol className="steps" ref={list}>
				{members.map((member, index) => {
					const m = member.getFieldset()
					const row = t('plan.member.row', { n: index + 1 })
					return (
						<li key={member.key} className="step">
							<div className="grid-4">
								<TextField
									label={t('plan.member.fullName')}
									labelSuffix={row}
									required
									field={m.full_name}
									placeholder={t('plan.placeholder.headName')}
								/>
								<TextField
									label={t('plan.member.title')}
									labelSuffix={row}
									field={m.title}
								/>
								<TextField
									label={t('plan.member.organisation')}
									labelSuffix={row}
									field={m.organisation_name}
								/>
								{direction === 'out' ? (
									<Field
										label={t('plan.member.passport')}
										labelSuffix={row}
										required
										errors={m.passport_type.errors}
									>
										{props => (
											<select {...getSelectProps(m.passport_type)} {...props}>
												<option value="" />
												{PASSPORT_TYPES.map(p => (
													<option key={p} value={p}>
														{t(`passport.${p}`)}
													</option>
												))}
											</select>
										)}
									</Field>
								) : null}
							</div>
							{m.person_id.value ? (
								<p className="muted">
									<input {...getInputProps(m.person_id, { type: 'hidden' })} />
									{t('person.fromDirectory')}
								</p>
							) : m.full_name.value ? (
								<div className="checks">
									<label>
										<input
											{...getInputProps(m.add_to_directory, {
												type: 'checkbox',
											})}
										/>
										{t('person.addToDirectory')}
									</label>
								</div>
							) : null}
							<button
								className="danger small"
								{...form.remove.getButtonProps({
									name: fields.members.name,
									index,
								})}
							>
								{t('plan.removeMember')}
							</button>
						</li>
					)
				})}
			</ol>
			<ErrorList errors={fields.members.errors} />
			<button
				className="secondary"
				{...form.insert.getButtonProps({ name: fields.members.name })}
			>
				{t('plan.addMember')}
			</button>
		</section>
	)
}

/** After a row is added, the focus goes to its first field. */
function useFocusOnAdded(
	list: React.RefObject<HTMLOListElement | null>,
	count: number,
) {
	const before = useRef(count)
	useEffect(() => {
		if (count > before.current)
			list.current
				?.querySelector<HTMLElement>(
					'li:last-child input, li:last-child select',
				)
				?.focus()
		before.current = count
	}, [count, list])
}

/** The plan form's budget lines: payer, item, source, amount and currency. */
export function BudgetSection({
	form,
	fields,
}: {
	form: FormMetadata<PlanFormValues>
	fields: ReturnType<FormMetadata<PlanFormValues>['getFieldset']>
}) {
	const t = useT()
	const budget = fields.budget.getFieldList()
	const list = useRef<HTMLOListElement>(null)
	useFocusOnAdded(list, budget.length)
	return (
		<section className="panel">
			<h2>{t('plan.budget')}</h2>
			<ol className="steps" ref={list}>
				{budget.map((line, index) => {
					const b = line.getFieldset()
					const row = t('plan.budget.row', { n: index + 1 })
					return (
						<li key={line.key} className="step">
							<div className="grid-5">
								<TextField
									label={t('plan.budget.payer')}
									required
									labelSuffix={row}
									field={b.payer}
								/>
								<TextField
									label={t('plan.budget.item')}
									required
									labelSuffix={row}
									field={b.item}
								/>
								<Field
									label={t('plan.budget.source')}
									labelSuffix={row}
									errors={b.source.errors}
								>
									{props => (
										<select {...getSelectProps(b.source)} {...props}>
											<option value="" />
											{FUNDING_SOURCES.map(s => (
												<option key={s} value={s}>
													{t(`source.${s}`)}
												</option>
											))}
										</select>
									)}
								</Field>
								<Field
									label={t('plan.budget.amount')}
									labelSuffix={row}
									errors={b.amount.errors}
								>
									{props => (
										<input
											{...getInputProps(b.amount, { type: 'text' })}
											{...props}
											inputMode="decimal"
											placeholder={t('plan.budget.amountExample')}
										/>
									)}
								</Field>
								<Field
									label={t('plan.budget.currency')}
									labelSuffix={row}
									errors={b.currency.errors}
								>
									{props => (
										<select {...getSelectProps(b.currency)} {...props}>
											<option value="" />
											{CURRENCIES.map(c => (
												<option key={c} value={c}>
													{c}
												</option>
											))}
										</select>
									)}
								</Field>
							</div>
							<button
								className="danger small"
								{...form.remove.getButtonProps({
									name: fields.budget.name,
									index,
								})}
							>
								{t('plan.removeBudget')}
							</button>
						</li>
					)
				})}
			</ol>
			<ErrorList errors={fields.budget.errors} />
			<button
				className="secondary"
				{...form.insert.getButtonProps({ name: fields.budget.name })}
			>
				{t('plan.addBudget')}
			</button>
		</section>
	)
}

/** The chain's optional steps the drafter may send the plan through. */
export function OptionalStepsField({
	steps,
	field,
}: {
	steps: { id: string; label_vi: string; label_en: string }[]
	field: FieldMetadata<string[] | undefined>
}) {
	const t = useT()
	const locale = useLocale()
	if (!steps.length) return null
	// One checked box comes back from the form as a string, several as an array.
	const checked = new Set<unknown>([field.value ?? []].flat())
	return (
		<fieldset className="field">
			<legend>{t('plan.optionalSteps')}</legend>
			<div className="checks">
				{steps.map(step => (
					<label key={step.id}>
						<input
							type="checkbox"
							name={field.name}
							value={step.id}
							defaultChecked={checked.has(step.id)}
						/>
						{locale === 'en' && step.label_en ? step.label_en : step.label_vi}
					</label>
				))}
			</div>
			<ErrorList errors={field.errors} />
		</fieldset>
	)
}
