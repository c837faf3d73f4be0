import { Field } from '#app/components/forms.tsx'
import { useT } from '#app/utils/i18n.tsx'

/** Files already attached (each can be marked for removal) and a picker for new ones, in a multipart form. */
export function AttachmentsSection({
	attachments,
	errors,
	hint,
}: {
	attachments: { id: string; file_name: string }[]
	errors?: string[]
	hint: string
}) {
	const t = useT()
	return (
		<section className="panel">
			<h2>{t('plan.attachments')}</h2>
			{attachments.length ? (
				<ul>
					{attachments.map(a => (
						<li key={a.id}>
							{a.file_name}{' '}
							<label className="muted">
								<input type="checkbox" name="remove_attachment" value={a.id} />{' '}
								{t('plan.removeAttachment')}
							</label>
						</li>
					))}
				</ul>
			) : null}
			<Field label={t('plan.chooseFiles')} errors={errors} hint={hint}>
				{props => (
					<input
						type="file"
						name="attachments"
						multiple
						accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
						{...props}
					/>
				)}
			</Field>
		</section>
	)
}

/** A plan's or a report's files as download links with their sizes; nothing when there are none. */
export function AttachmentList({
	attachments,
	planId,
}: {
	attachments: { id: string; file_name: string; size: number }[]
	planId: string
}) {
	const t = useT()
	if (!attachments.length) return null
	return (
		<>
			<h2>{t('plan.attachments')}</h2>
			<ul>
				{attachments.map(a => (
					<li key={a.id}>
						<a href={`/plans/${planId}/attachments/${a.id}`}>{a.file_name}</a>{' '}
						<span className="muted">({Math.ceil(a.size / 1024)} KB)</span>
					</li>
				))}
			</ul>
		</>
	)
}
