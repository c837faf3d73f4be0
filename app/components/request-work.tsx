import { Link } from '@remix-run/react'
import { formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'

interface RequestWorkRow {
	id: string
	title: string
	number_symbol: string
	due_on: string
	issuer_short_name: string
	response_id: string
	status: string
}

/** Report requests the organisation has still to answer, the soonest due first (home page and inbox). */
export function RequestWork({
	rows,
	today,
}: {
	rows: RequestWorkRow[]
	today: string
}) {
	const t = useT()
	if (!rows.length) return null
	return (
		<section className="panel highlight" aria-labelledby="request-work">
			<h2 id="request-work">{t('home.requests')}</h2>
			<ul className="work-list">
				{rows.map(r => (
					<li key={r.id}>
						<Link to={`/requests/${r.id}/responses/${r.response_id}`}>
							{r.title}
						</Link>{' '}
						<span className="muted">
							({r.issuer_short_name}, {r.number_symbol};{' '}
							{t(`request.status.${r.status}`)})
						</span>{' '}
						<span className={r.due_on < today ? 'late' : undefined}>
							{t('home.requestDue', { due: formatIsoDate(r.due_on) })}
							{r.due_on < today ? ` (${t('request.late')})` : ''}
						</span>
					</li>
				))}
			</ul>
		</section>
	)
}
