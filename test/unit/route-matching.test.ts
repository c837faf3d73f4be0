import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'

// The server loads the router's CommonJS build, which patches/ changes to rank a route tree's
// branches and compile each pattern once. Matching must stay what it was, including on the second
// and later calls that read the kept branches.
const { matchRoutes } = createRequire(import.meta.url)(
	'@remix-run/router',
) as typeof import('@remix-run/router')

const routes = [
	{
		id: 'root',
		path: '',
		children: [
			{ id: 'home', index: true },
			{ id: 'plans', path: 'plans' },
			{ id: 'plans.new', path: 'plans/new' },
			{ id: 'plan', path: 'plans/:planId' },
			{ id: 'plan.edit', path: 'plans/:planId/edit' },
			{ id: 'response', path: 'requests/:requestId/responses/:responseId' },
			{ id: 'statistics.csv', path: 'statistics.csv' },
			{ id: 'splat', path: '*' },
		],
	},
]

const leaf = (path: string) => {
	const matches = matchRoutes(routes, path)
	const last = matches?.at(-1)
	return last && { id: last.route.id, params: last.params }
}

describe('route matching (patched router)', () => {
	test('the same answers on every call: static before dynamic, params, splat', () => {
		for (let round = 0; round < 3; round++) {
			expect(leaf('/')).toEqual({ id: 'home', params: {} })
			expect(leaf('/plans/new')).toEqual({ id: 'plans.new', params: {} })
			expect(leaf('/plans/abc')).toEqual({
				id: 'plan',
				params: { planId: 'abc' },
			})
			expect(leaf('/PLANS/x%20y/edit')).toEqual({
				id: 'plan.edit',
				params: { planId: 'x y' },
			})
			expect(leaf('/requests/1/responses/2')).toEqual({
				id: 'response',
				params: { requestId: '1', responseId: '2' },
			})
			expect(leaf('/statistics.csv')?.id).toBe('statistics.csv')
			expect(leaf('/statistics/csv')).toEqual({
				id: 'splat',
				params: { '*': 'statistics/csv' },
			})
		}
	})

	test('params of one match do not leak into the next', () => {
		const first = leaf('/plans/one')
		const second = leaf('/plans/two')
		expect(first?.params).toEqual({ planId: 'one' })
		expect(second?.params).toEqual({ planId: 'two' })
	})

	test('a new route tree is ranked on its own', () => {
		const other = [{ id: 'only', path: 'plans/:x' }]
		expect(matchRoutes(other, '/plans/new')?.at(-1)?.route.id).toBe('only')
		expect(leaf('/plans/new')?.id).toBe('plans.new')
	})
})
