import { useT } from '#app/utils/i18n.tsx'

/**
 * Issuing takes the next number of the register for good: the button asks once more before it
 * submits its form (a disclosure, so it works without JavaScript too).
 */
export function IssueButton({ secondary = false }: { secondary?: boolean }) {
	const t = useT()
	return (
		<details className="issue-confirm">
			<summary className={secondary ? 'button secondary' : 'button'}>
				{t('planDocument.issue')}
			</summary>
			<p role="alert">{t('planDocument.issueConfirm')}</p>
			<button type="submit">{t('planDocument.issueYes')}</button>
		</details>
	)
}
