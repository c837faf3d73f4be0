import { type LoaderFunctionArgs } from '@remix-run/node'
import ExcelJS from 'exceljs'
import { countryName } from '#lib/countries.ts'
import { exportRows } from '#workflows/statistics/statistics.server.ts'
import { loadStatistics } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const { stats, fromYear, toYear } = await loadStatistics(request)
			const workbook = new ExcelJS.Workbook()
			const sheet = workbook.addWorksheet('Thống kê')
			sheet.addRow([`Thống kê công tác đối ngoại ${fromYear}–${toYear}`]).font =
				{
					bold: true,
					size: 14,
				}
			sheet.addRow([])
			for (const row of exportRows(stats, code => countryName(code, 'vi'))) {
				const added = sheet.addRow(row)
				if (row.length && typeof row[2] === 'string')
					added.font = { bold: true }
			}
			sheet.columns.forEach((c, i) => (c.width = i === 0 ? 40 : 18))
			const buffer = await workbook.xlsx.writeBuffer()
			return new Response(new Uint8Array(buffer as ArrayBuffer), {
				headers: {
					'Content-Type':
						'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
					'Content-Disposition': `attachment; filename="thong-ke-${fromYear}-${toYear}.xlsx"`,
				},
			})
		},
	)
