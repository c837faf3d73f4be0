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
