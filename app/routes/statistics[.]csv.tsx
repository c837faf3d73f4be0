import { type LoaderFunctionArgs } from '@remix-run/node'
import { countryName } from '#lib/countries.ts'
import { exportRows } from '#workflows/statistics/statistics.server.ts'
import { loadStatistics } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'

/**
 * A CSV cell. Text a spreadsheet would run as a formula (a typed partner name or cancel reason
 * beginning with =, +, -, @, a tab or CR) starts with an apostrophe, so it stays text.
 */
function cell(value: string | number) {
	const text =
		typeof value === 'string' && /^[=+\-@\t\r]/.test(value)
			? `'${value}`
			: String(value)
	return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const { stats, fromYear, toYear } = await loadStatistics(request)
			const rows = exportRows(stats, code => countryName(code, 'vi'))
			const body =
				'\uFEFF' + rows.map(r => r.map(cell).join(',')).join('\r\n') + '\r\n'
			return new Response(body, {
				headers: {
					'Content-Type': 'text/csv; charset=utf-8',
					'Content-Disposition': `attachment; filename="thong-ke-${fromYear}-${toYear}.csv"`,
				},
			})
		},
	)
