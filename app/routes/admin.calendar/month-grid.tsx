import { useT } from '#app/utils/i18n.tsx'

/** One month, Monday first: days off red (declared ones orange), make-up working days green. */
export function MonthGrid({
	year,
	month,
	holidayNames,
	declared,
}: {
	year: number
	month: number
	holidayNames: Map<string, string>
	declared: Map<string, 'off' | 'working'>
}) {
	const t = useT()
	const first = new Date(Date.UTC(year, month - 1, 1))
	const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
	const lead = (first.getUTCDay() + 6) % 7
	const cells: (number | null)[] = [
		...Array.from({ length: lead }, () => null),
		...Array.from({ length }, (_, i) => i + 1),
	]
	const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) =>
		cells.slice(w * 7, w * 7 + 7),
	)
	return (
		<div className="month">
			<table>
				<caption>{t('calendar.month', { month })}</caption>
				<thead>
					<tr>
						{t('calendar.weekdays')
							.split(',')
							.map(d => (
								<th key={d} scope="col">
									{d}
								</th>
							))}
					</tr>
				</thead>
				<tbody>
					{weeks.map((week, w) => (
						<tr key={w}>
							{week.map((day, i) => {
								if (!day) return <td key={i} />
								const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
								const kind = declared.get(iso)
								const holiday = holidayNames.get(iso)
								const className =
									kind === 'working'
										? 'make-up'
										: kind === 'off'
											? 'declared-off'
											: holiday
												? 'off'
												: i >= 5
													? 'weekend'
													: undefined
								return (
									<td
										key={i}
										className={className}
										title={kind ? t(`calendar.kind.${kind}`) : holiday}
										data-date={iso}
									>
										{day}
									</td>
								)
							})}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
