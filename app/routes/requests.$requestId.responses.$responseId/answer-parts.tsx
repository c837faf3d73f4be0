import { Form, Link } from '@remix-run/react'
import { ErrorList } from '#app/components/forms.tsx'
import { useT } from '#app/utils/i18n.tsx'

interface HeaderData {
	request: {
		id: string
		number_symbol: string
		issued_on: string
		due_on: string
		issuer: string
		letter: string | null
	}
	response: {
		id: string
		status: string
		organisation: string
		submitted_at: string
		return_comment: string | null
		late: boolean
	}
	citation: string
	role: 'answerer' | 'issuer'
}

/** What was asked, by whom and by when; the answer's state; the issuer's comment when it was returned. */
export function AnswerHeader({ data }: { data: HeaderData }) {
	const t = useT()
	const { request: r, response: x } = data
	return (
		<div className="panel">
			<dl className="facts">
				<dt>{t('request.from')}</dt>
				<dd>
					{r.issuer}, {r.number_symbol} ({r.issued_on})
				</dd>
				<dt>{t('request.organisation')}</dt>
				<dd>{x.organisation}</dd>
				<dt>{t('request.due')}</dt>
				<dd className={x.late ? 'late' : undefined}>
					{r.due_on}
					{x.late ? ` (${t('request.late')})` : ''}
				</dd>
				<dt>{t('request.state')}</dt>
				<dd>
					{t(`request.status.${x.status}`)}
					{x.submitted_at ? ` (${x.submitted_at})` : ''}
				</dd>
			</dl>
			<p className="muted">{data.citation}</p>
			{x.return_comment ? (
				<div className="panel callout callout-returned">
					<p>{t('request.returnedBecause')}</p>
					<blockquote>{x.return_comment}</blockquote>
				</div>
			) : null}
			<div className="actions">
				<a
					className="button secondary"
					href={`/requests/${r.id}/responses/${x.id}/docx`}
					download
				>
					{t('request.docx')}
				</a>
				{r.letter ? (
					<a className="button secondary" href={`/requests/${r.id}/letter`}>
						{t('request.openLetter')}
					</a>
				) : null}
				{data.role === 'issuer' ? (
					<Link className="button secondary" to={`/requests/${r.id}`}>
						{t('request.backToTracking')}
					</Link>
				) : null}
			</div>
		</div>
	)
}

/** The issuer sends a submitted answer back with a comment. */
export function ReturnForm({
	version,
	errors,
}: {
	version: number
	errors: Record<string, string[] | null>
}) {
	const t = useT()
	return (
		<Form method="post" className="panel">
			<h2>{t('request.return')}</h2>
			<input type="hidden" name="intent" value="return" />
			<input type="hidden" name="version" value={version} />
			<ErrorList errors={errors['']} />
			<div className="field">
				<label htmlFor="return-comment">{t('request.returnComment')}</label>
				<textarea
					id="return-comment"
					name="comment"
					rows={3}
					aria-invalid={errors.comment?.length ? true : undefined}
					aria-describedby={
						errors.comment?.length ? 'return-comment-error' : undefined
					}
				/>
				<ErrorList id="return-comment-error" errors={errors.comment} />
			</div>
			<button type="submit">{t('request.returnButton')}</button>
		</Form>
	)
}
