import { AttachmentList } from '#app/components/attachments-section.tsx'
import { useT } from '#app/utils/i18n.tsx'
import { memberText } from '#workflows/plans/plan-display.ts'
import { type PlanDraft } from '#workflows/plans/plan-schema.ts'

/** The plan's fields, its members and its files. */
export function PlanDetails({
	rows,
	draft,
	attachments,
	planId,
}: {
	rows: { key: string; label: string; value: string }[]
	draft: PlanDraft
	attachments: { id: string; file_name: string; size: number }[]
	planId: string
}) {
	const t = useT()
	return (
		<section className="panel">
			<h2>{t('plan.details')}</h2>
			<table className="details">
				<tbody>
					{rows.map(row => (
						<tr key={row.key}>
							<th scope="row">{row.label}</th>
							<td className="pre">
								{row.value || <span className="muted">{t('plan.notSet')}</span>}
							</td>
						</tr>
					))}
				</tbody>
			</table>
			{draft.members?.length ? (
				<>
					<h2>{t('plan.members')}</h2>
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th>{t('common.rowNumber')}</th>
									<th>{t('plan.member.fullName')}</th>
									<th>{t('plan.member.title')}</th>
									<th>{t('plan.member.organisation')}</th>
									{draft.direction === 'out' ? (
										<th>{t('plan.member.passport')}</th>
									) : null}
								</tr>
							</thead>
							<tbody>
								{draft.members.map((m, i) => (
									<tr key={memberText(m) + i}>
										<td>{i + 1}</td>
										<td>{m.full_name}</td>
										<td>{m.title}</td>
										<td>{m.organisation_name}</td>
										{draft.direction === 'out' ? (
											<td>
												{m.passport_type
													? t(`passport.${m.passport_type}`)
													: ''}
											</td>
										) : null}
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</>
			) : null}
			<AttachmentList attachments={attachments} planId={planId} />
		</section>
	)
}
