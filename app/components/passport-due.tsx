import { formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'

/** "Hạn nộp lại: trước 15/02/2027, 5 ngày làm việc sau ngày về" (expected while the return is not recorded). */
export function PassportDue({
	dueOn,
	returnedOn,
	days,
	today,
}: {
	dueOn: string | null
	returnedOn: string | null
	days: number
	today: string
}) {
	const t = useT()
	if (!dueOn) return null
	const overdue = Boolean(returnedOn) && dueOn < today
	return (
		<p className={overdue ? 'form-error' : 'muted'}>
			{t(returnedOn ? 'passport.due' : 'passport.dueExpected', {
				date: formatIsoDate(dueOn),
				days,
			})}
			{overdue ? ` (${t('passport.overdue')})` : null}
		</p>
	)
}
