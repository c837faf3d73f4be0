import { useT } from '#app/utils/i18n.tsx'
import {
	type DocTable,
	hasClosing,
	layoutOf,
	type OfficialDocument,
} from '#workflows/documents/official-document.ts'

/** One of the report's bordered tables, as in the DOCX. */
export function ReportTableView({ table }: { table: DocTable }) {
	const layout = layoutOf(table)
	const total = layout.reduce((n, c) => n + c.weight, 0)
	return (
		<section className="ar-table">
			<p className="ar-heading">{table.title}</p>
			<table>
				<colgroup>
					{layout.map((c, i) => (
						<col key={i} style={{ width: `${(100 * c.weight) / total}%` }} />
					))}
				</colgroup>
				<thead>
					<tr>
						{table.columns.map(c => (
							<th key={c}>{c}</th>
						))}
					</tr>
				</thead>
				<tbody>
					{table.rows.map((row, r) => (
						<tr key={r}>
							{table.columns.map((_, i) => (
								<td
									key={i}
									className={layout[i]!.centred ? 'ar-centre' : undefined}
								>
									{(row[i] ?? []).map((line, l) => (
										<div key={l}>{line}</div>
									))}
								</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
		</section>
	)
}

/** The whole document on an A4-like sheet, laid out as Nghị định 30/2020 asks. */
export function ReportDocument({ report }: { report: OfficialDocument }) {
	return (
		<article
			className={report.landscape ? 'ar-page ar-landscape' : 'ar-page'}
			lang="vi"
		>
			<div className="ar-header">
				<div>
					{report.governingBody ? (
						<div>{report.governingBody.toUpperCase()}</div>
					) : null}
					<div className="ar-org">{report.organisationName.toUpperCase()}</div>
					<hr className="ar-rule" />
					{report.numberLine ? <div>{report.numberLine}</div> : null}
				</div>
				<div>
					<div className="ar-bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
					<div className="ar-motto">
						<span>Độc lập - Tự do - Hạnh phúc</span>
					</div>
					{report.placeDate ? (
						<div className="ar-date">{report.placeDate}</div>
					) : null}
				</div>
			</div>
			<h1 className="ar-title">
				{report.heading}
				{report.titleLines.map(l => (
					<span key={l}>{l}</span>
				))}
			</h1>
			<hr className="ar-rule" />
			{report.intro ? <p className="ar-text">{report.intro}</p> : null}
			{report.sections.map((s, i) =>
				s.table ? (
					<ReportTableView key={i} table={s.table} />
				) : (
					<section key={i}>
						{s.title ? <p className="ar-heading">{s.title}</p> : null}
						{(s.text ?? []).map((l, j) => (
							<p key={j} className="ar-text">
								{l}
							</p>
						))}
					</section>
				),
			)}
			{hasClosing(report) ? (
				<div className="ar-footer">
					<div className="ar-recipients">
						<div className="ar-bold">
							<em>Nơi nhận:</em>
						</div>
						{report.recipients.map((l, i) => (
							<div key={i}>{l}</div>
						))}
					</div>
					<div className="ar-signature">
						{report.signature.map(l => (
							<div key={l} className="ar-bold">
								{l}
							</div>
						))}
						<div className="ar-sign-space" />
						<div className="ar-bold">{report.signerName}</div>
					</div>
				</div>
			) : null}
		</article>
	)
}

/** The A4 sheet, which scrolls sideways on a narrow screen: a labelled region the keyboard can reach. */
export function DocumentSheet({ report }: { report: OfficialDocument }) {
	const t = useT()
	return (
		<div
			className="ar-sheet"
			role="region"
			aria-label={t('document.sheet')}
			tabIndex={0}
		>
			<ReportDocument report={report} />
		</div>
	)
}
