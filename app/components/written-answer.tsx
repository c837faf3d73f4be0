import { ErrorList } from '#app/components/error-list.tsx'
import { formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'

const KINDS = ['cong_van', 'quyet_dinh', 'thong_bao'] as const
type FieldName =
	| 'answer_kind'
	| 'answer_number'
	| 'answer_date'
	| 'answer_signer'
	| 'answer_file'

/** The written answer's fields inside a decision form; required ones are marked. */
export function WrittenAnswerFields({
	required,
	errors = {},
}: {
	required: boolean
	errors?: Partial<Record<FieldName, string[]>>
}) {
	const t = useT()
	const field = (
		name: FieldName,
		label: string,
		control: (props: {
			id: string
			name: FieldName
			'aria-invalid'?: true
			'aria-describedby'?: string
		}) => JSX.Element,
	) => (
		<div className="field">
			<label htmlFor={name}>{label}</label>
			{control({
				id: name,
				name,
				'aria-invalid': errors[name]?.length ? true : undefined,
				'aria-describedby': errors[name]?.length ? `${name}-error` : undefined,
			})}
			<ErrorList id={`${name}-error`} errors={errors[name]} />
		</div>
	)
	return (
		<fieldset className="written-answer">
			<legend>
				{t('answer.title')}
				{required ? ' *' : ''}
			</legend>
			<p className="hint">{t('answer.hint')}</p>
			<div className="grid-2">
				{field('answer_kind', t('answer.kind'), props => (
					<select {...props} defaultValue="cong_van">
						{KINDS.map(k => (
							<option key={k} value={k}>
								{t(`answer.kind.${k}`)}
							</option>
						))}
					</select>
				))}
				{field('answer_number', t('answer.number'), props => (
					<input type="text" {...props} required={required} />
				))}
				{field('answer_date', t('answer.date'), props => (
					<input
						type="text"
						inputMode="numeric"
						placeholder="dd/mm/yyyy"
						{...props}
						required={required}
					/>
				))}
				{field('answer_signer', t('answer.signer'), props => (
					<input type="text" {...props} required={required} />
				))}
			</div>
			{field('answer_file', t('answer.file'), props => (
				<input
					type="file"
					accept="application/pdf,.pdf"
					{...props}
					required={required}
				/>
			))}
		</fieldset>
	)
}

export interface AnswerView {
	id: string
	plan_event_id: string
	organisation_name: string
	kind: string
	number: string
	issued_on: string
	signer: string
	file_name: string
}

/** "Công văn số 123-CV/TU ngày 05/03/2026 của Tỉnh ủy Quảng Trị, người ký: …" with its scan. */
export function WrittenAnswerLine({
	answer,
	planId,
}: {
	answer: AnswerView
	planId: string
}) {
	const t = useT()
	return (
		<span className="written-answer-line">
			{t('answer.line', {
				kind: t(`answer.kind.${answer.kind}`),
				number: answer.number,
				date: formatIsoDate(answer.issued_on),
				organisation: answer.organisation_name,
				signer: answer.signer,
			})}{' '}
			<a href={`/plans/${planId}/answers/${answer.id}`} download>
				{t('answer.download')}
			</a>
		</span>
	)
}
