import { useId } from 'react'

export interface BarSeries {
	name: string
	color: string
	values: number[]
}

/** A grouped bar chart as server-rendered SVG, with its title and a table alternative for screen readers. */
export function BarChart({
	title,
	labels,
	series,
	horizontal = false,
	tableLabel,
}: {
	title: string
	labels: string[]
	series: BarSeries[]
	horizontal?: boolean
	tableLabel: string
}) {
	const id = useId()
	const max = Math.max(1, ...series.flatMap(s => s.values))
	const band = horizontal ? 18 * series.length + 14 : 0
	// Narrow enough that on a 390 px phone no label is drawn below 12 px.
	const width = 360
	const height = horizontal ? labels.length * band + 40 : 240
	const plotLeft = horizontal ? 120 : 32
	const plotTop = 24
	const plotW = width - plotLeft - 40
	const plotH = height - plotTop - 36
	const ticks = niceTicks(max)
	const top = ticks[ticks.length - 1]!
	return (
		<figure className="chart">
			<svg
				viewBox={`0 0 ${width} ${height}`}
				role="img"
				aria-labelledby={`${id}-t`}
				preserveAspectRatio="xMinYMin meet"
			>
				<title id={`${id}-t`}>{title}</title>
				{ticks.map(t => {
					const pos = horizontal
						? plotLeft + (t / top) * plotW
						: plotTop + plotH - (t / top) * plotH
					return horizontal ? (
						<g key={t}>
							<line
								x1={pos}
								x2={pos}
								y1={plotTop - 8}
								y2={height - 16}
								stroke="#e5e7eb"
							/>
							<text
								x={pos}
								y={height - 4}
								fontSize="14"
								textAnchor="middle"
								fill="#6b7280"
							>
								{t}
							</text>
						</g>
					) : (
						<g key={t}>
							<line
								x1={plotLeft}
								x2={width - 10}
								y1={pos}
								y2={pos}
								stroke="#e5e7eb"
							/>
							<text
								x={plotLeft - 6}
								y={pos + 4}
								fontSize="14"
								textAnchor="end"
								fill="#6b7280"
							>
								{t}
							</text>
						</g>
					)
				})}
				{labels.map((label, i) =>
					horizontal ? (
						<g key={label}>
							<text
								x={plotLeft - 8}
								y={plotTop + i * band + band / 2}
								fontSize="15"
								textAnchor="end"
								fill="#111827"
							>
								{label.length > 15 ? label.slice(0, 14) + '…' : label}
							</text>
							{series.map((s, j) => {
								const v = s.values[i] ?? 0
								const w = (v / top) * plotW
								const y = plotTop + i * band + 4 + j * 18
								return (
									<g key={s.name}>
										<rect
											x={plotLeft}
											y={y}
											width={w}
											height={16}
											rx={2}
											fill={s.color}
										/>
										{v > 0 && (
											<text
												x={plotLeft + w + 4}
												y={y + 13}
												fontSize="14"
												fill="#374151"
											>
												{v}
											</text>
										)}
									</g>
								)
							})}
						</g>
					) : (
						<g key={label}>
							{series.map((s, j) => {
								const v = s.values[i] ?? 0
								const groupW = plotW / labels.length
								const barW = Math.min(28, (groupW - 8) / series.length)
								const x =
									plotLeft +
									i * groupW +
									(groupW - barW * series.length) / 2 +
									j * barW
								const h = (v / top) * plotH
								return (
									<g key={s.name}>
										<rect
											x={x}
											y={plotTop + plotH - h}
											width={barW - 2}
											height={h}
											rx={2}
											fill={s.color}
										/>
										{v > 0 && (
											<text
												x={x + barW / 2 - 1}
												y={plotTop + plotH - h - 3}
												fontSize="14"
												textAnchor="middle"
												fill="#374151"
											>
												{v}
											</text>
										)}
									</g>
								)
							})}
							<text
								x={plotLeft + (i + 0.5) * (plotW / labels.length)}
								y={height - 14}
								fontSize="15"
								textAnchor="middle"
								fill="#111827"
							>
								{label}
							</text>
						</g>
					),
				)}
			</svg>
			<figcaption>
				<ul className="chart-legend">
					{series.map(s => (
						<li key={s.name}>
							<span
								className="swatch"
								style={{ background: s.color }}
								aria-hidden="true"
							/>
							{s.name}
						</li>
					))}
				</ul>
				<details>
					<summary>{tableLabel}</summary>
					<table>
						<thead>
							<tr>
								<th scope="col" />
								{series.map(s => (
									<th key={s.name} scope="col">
										{s.name}
									</th>
								))}
							</tr>
						</thead>
						<tbody>
							{labels.map((label, i) => (
								<tr key={label}>
									<th scope="row">{label}</th>
									{series.map(s => (
										<td key={s.name}>{s.values[i] ?? 0}</td>
									))}
								</tr>
							))}
						</tbody>
					</table>
				</details>
			</figcaption>
		</figure>
	)
}

function niceTicks(max: number) {
	const raw = max / 4
	const pow = 10 ** Math.floor(Math.log10(raw))
	const step = [1, 2, 5, 10].map(m => m * pow).find(s => s >= raw) ?? raw
	const ticks: number[] = []
	for (let t = 0; t < max + step; t += step)
		ticks.push(Math.max(1, Math.round(t)) === 1 && t === 0 ? 0 : Math.round(t))
	return [...new Set(ticks)]
}
