import { Link } from '@remix-run/react'
import {
	type AnswerView,
	WrittenAnswerLine,
} from '#app/components/written-answer.tsx'
import { formatDateTime, formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'

interface PlanFileView {
	documents: {
		id: string
		kind: string
		notation: string
		subject: string
		issued_on: string
	}[]
	answers: AnswerView[]
	report: { submitted_at: string | null } | null
	acknowledged: {
		created_at: string
		actor_name: string
		organisation_name: string
	} | null
}

/** "Hồ sơ": everything on file for the plan, in order, and the whole of it as one ZIP. */
export function PlanFile({
	planId,
	file,
	attachments,
	submitted,
}: {
	planId: string
	file: PlanFileView
	attachments: { id: string; file_name: string }[]
	submitted: boolean
}) {
	const t = useT()
	return (
		<section className="panel" aria-labelledby="plan-file-title">
			<div className="toolbar">
				<h2 id="plan-file-title">{t('planFile.title')}</h2>
				<a
					className="button secondary"
					href={`/plans/${planId}/file.zip`}
					download
				>
					{t('planFile.zip')}
				</a>
			</div>
			<ol className="plan-file">
				{submitted ? (
					<li>
						<Link to={`/plans/${planId}/document`}>
							{t('planDocument.open')}
						</Link>
						{file.documents.filter(d => d.kind === 'KH').length ? null : (
							<span className="muted"> · {t('planDocument.preview')}</span>
						)}
					</li>
				) : null}
				{file.documents
					.filter(d => d.kind === 'KH')
					.map(d => (
						<li key={d.id}>
							<Link to={`/plans/${planId}/document?v=${d.id}`}>
								{t('planDocument.issuedVersion', {
									notation: d.notation,
									date: formatIsoDate(d.issued_on),
								})}
							</Link>
						</li>
					))}
				{attachments.map(a => (
					<li key={a.id}>
						<a href={`/plans/${planId}/attachments/${a.id}`} download>
							{a.file_name}
						</a>
					</li>
				))}
				{file.answers.map(a => (
					<li key={a.id}>
						<WrittenAnswerLine answer={a} planId={planId} />
					</li>
				))}
				{file.documents
					.filter(d => d.kind === 'BC')
					.map(d => (
						<li key={d.id}>
							<Link to={`/plans/${planId}/report-document`}>
								{t('reportDocument.fileLine', {
									notation: d.notation,
									date: formatIsoDate(d.issued_on),
								})}
							</Link>
						</li>
					))}
				{file.report?.submitted_at ? (
					<li>
						<Link to={`/plans/${planId}/report`}>
							{t('planFile.report', {
								time: formatDateTime(file.report.submitted_at),
							})}
						</Link>
					</li>
				) : null}
				{file.acknowledged ? (
					<li>
						{t('planFile.acknowledged', {
							name: file.acknowledged.actor_name,
							organisation: file.acknowledged.organisation_name,
							time: formatDateTime(file.acknowledged.created_at),
						})}
					</li>
				) : null}
			</ol>
		</section>
	)
}
