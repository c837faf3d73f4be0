import { describe, expect, test } from 'vitest'
import {
	type ReportPlan,
	resultsFacts,
} from '#workflows/annual-report/tables.ts'

const plan = (overrides: Partial<ReportPlan>): ReportPlan => ({
	id: overrides.name ?? 'x',
	plan_year: 2026,
	direction: 'in',
	status: 'approved',
	name: 'Đoàn',
	in_name_of: '',
	head_title: '',
	head_name: '',
	member_count: 5,
	country: 'LA',
	partner_name: '',
	activities: [],
	days_min: 3,
	days_max: 4,
	timing_kind: 'year',
	timing_month: null,
	start_date: null,
	end_date: null,
	departed_on: null,
	returned_on: null,
	cancel_reason: null,
	budget: [],
	answers: [],
	...overrides,
})

describe("the annual report's facts", () => {
	test('an approved visit still to come is listed as coming, not as a trip whose record is missing', () => {
		const plans = [
			plan({
				name: 'Đoàn LHCĐ tỉnh Salavan',
				timing_kind: 'dates',
				start_date: '2026-12-21',
				end_date: '2026-12-24',
			}),
			plan({
				name: 'Đoàn đi Lào tháng 10',
				direction: 'out',
				timing_kind: 'month',
				timing_month: 10,
			}),
		]
		const text = resultsFacts(plans, 2026, 'LĐLĐ tỉnh Quảng Trị', '2026-12-07')
		expect(text).toContain(
			'Có 1 đoàn đã được phê duyệt, chưa đến thời gian thực hiện:\n- Đoàn LHCĐ tỉnh Salavan (21/12/2026 - 24/12/2026).',
		)
		expect(text).toContain(
			'Có 1 đoàn đã được phê duyệt nhưng chưa cập nhật kết quả chuyến đi:\n- Đoàn đi Lào tháng 10.',
		)
		// Once its dates have passed, it is late with its record too.
		expect(
			resultsFacts(plans, 2026, 'LĐLĐ tỉnh Quảng Trị', '2026-12-22'),
		).toContain(
			'Có 2 đoàn đã được phê duyệt nhưng chưa cập nhật kết quả chuyến đi:',
		)
	})

	test('a plan for the whole year is coming until the year ends', () => {
		const plans = [plan({ name: 'Đoàn trong năm' })]
		expect(resultsFacts(plans, 2026, 'LĐLĐ', '2026-12-31')).toContain(
			'chưa đến thời gian thực hiện',
		)
		expect(resultsFacts(plans, 2026, 'LĐLĐ', '2027-01-01')).toContain(
			'chưa cập nhật kết quả',
		)
	})
})
