import { Link } from '@remix-run/react'
import { ListTable } from '#app/components/list.tsx'
import { formatIsoDate, formatNumber } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { type PartnerPage } from './partner-page.server.ts'

/** The partner's agreements, with the 90-day flag; an edit link on the reader's own. */
export function AgreementsTable({ data }: { data: PartnerPage }) {
	const t = useT()
	const { partner } = data
	return (
		<ListTable
			headings={[
				t('partner.agreementTitle'),
				t('partner.agreementKind'),
				t('partner.ourOrganisation'),
				t('partner.signedOn'),
				t('partner.period'),
				t('partner.file'),
			]}
			empty={t('partner.noAgreements')}
		>
			{data.agreements.map(a => (
				<tr key={a.id} className={a.endingSoon ? 'ending-soon' : undefined}>
					<td>
						{a.title}
						{data.canRecord && a.organisation_id === data.organisationId ? (
							<Link
								className="row-action"
								to={`?agreement=${a.id}#agreement-form`}
							>
								{t('partner.editAgreement')}
							</Link>
						) : null}
					</td>
					<td>{t(`partner.kind.${a.kind}`)}</td>
					<td>{a.organisation_short_name}</td>
					<td>{formatIsoDate(a.signed_on)}</td>
					<td>
						{a.valid_from || a.valid_to
							? `${formatIsoDate(a.valid_from)} – ${formatIsoDate(a.valid_to)}`
							: '—'}
						{a.endingSoon ? (
							<>
								{' '}
								<span className="badge badge-warning">
									⚠ {t('partner.endingSoon')} ·{' '}
									{t('partner.endingSoonDays', { days: a.daysLeft ?? 0 })}
								</span>
							</>
						) : a.valid_to && a.valid_to < data.today ? (
							<>
								{' '}
								<span className="badge">{t('partner.expired')}</span>
							</>
						) : null}
					</td>
					<td>
						{a.file_name ? (
							<a
								href={`/partners/${partner.id}/agreements/${a.id}/file`}
								download
							>
								{a.file_name}
							</a>
						) : (
							''
						)}
					</td>
				</tr>
			))}
		</ListTable>
	)
}

export function SupportTable({ data }: { data: PartnerPage }) {
	const t = useT()
	return (
		<ListTable
			headings={[
				t('partner.givenOn'),
				t('partner.organisation'),
				t('partner.amount'),
				t('partner.purpose'),
			]}
			empty={t('partner.noSupport')}
		>
			{data.support.map(s => (
				<tr key={s.id}>
					<td>{formatIsoDate(s.given_on)}</td>
					<td>{s.organisation_short_name}</td>
					<td>
						{formatNumber(Number(s.amount))} {s.currency}
					</td>
					<td>{s.purpose}</td>
				</tr>
			))}
		</ListTable>
	)
}

/** Visits both ways, derived from the plans with this partner. */
export function VisitsTable({ data }: { data: PartnerPage }) {
	const t = useT()
	return (
		<ListTable
			headings={[
				t('partner.year'),
				t('partner.direction'),
				t('partner.plan'),
				t('partner.organisation'),
				t('partner.status'),
			]}
			empty={t('partner.noVisits')}
		>
			{data.visits.map(v => (
				<tr key={v.id}>
					<td>{v.plan_year}</td>
					<td>
						{v.direction === 'out'
							? t('partner.visitOut')
							: t('partner.visitIn')}
					</td>
					<td>
						<Link to={`/plans/${v.id}`}>{v.name || '—'}</Link>
					</td>
					<td>{v.organisation_short_name}</td>
					<td>{t(`status.${v.status}`)}</td>
				</tr>
			))}
		</ListTable>
	)
}
