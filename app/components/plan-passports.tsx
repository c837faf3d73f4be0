import { Link } from '@remix-run/react'
import { type PassportType } from '#lib/enums.ts'
import { formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { PassportDue } from './passport-due.tsx'

type Warning =
	| { kind: 'none'; member: string; needed: PassportType | null }
	| {
			kind: 'expiring'
			member: string
			number: string
			expiresOn: string
			validUntil: string
	  }

/** The plan page's passport panel: warnings for the approvers and drafter, and passports out with the trip. */
export function PlanPassports({
	passports,
	today,
}: {
	passports: {
		warnings: Warning[]
		out: { id: string; number: string; holder: string }[]
		dueOn: string | null
		returnedOn: string | null
		days: number
	} | null
	today: string
}) {
	const t = useT()
	if (!passports || (!passports.warnings.length && !passports.out.length))
		return null
	return (
		<section className="panel" aria-labelledby="plan-passports">
			<h2 id="plan-passports">{t('person.passports')}</h2>
			{passports.warnings.length ? (
				<div className="callout callout-returned" role="note">
					<strong>{t('passport.warnings')}</strong>
					<ul>
						{passports.warnings.map(w => (
							<li key={`${w.kind}-${w.member}`}>
								{w.kind === 'none'
									? t('passport.warning.none', {
											member: w.member,
											kind: w.needed
												? t(`passport.${w.needed}`).toLowerCase()
												: '',
										})
									: t('passport.warning.expiring', {
											member: w.member,
											number: w.number,
											date: formatIsoDate(w.expiresOn),
											until: formatIsoDate(w.validUntil),
										})}
							</li>
						))}
					</ul>
				</div>
			) : null}
			{passports.out.length ? (
				<>
					<ul>
						{passports.out.map(p => (
							<li key={p.id}>
								<Link to={`/passports/${p.id}`}>{p.number}</Link> · {p.holder}:{' '}
								{t('passport.state.out')}
							</li>
						))}
					</ul>
					<PassportDue
						dueOn={passports.dueOn}
						returnedOn={passports.returnedOn}
						days={passports.days}
						today={today}
					/>
				</>
			) : null}
		</section>
	)
}
