import { createRequire } from 'node:module'
import path from 'node:path'
import { cruise, type IViolation } from 'dependency-cruiser'
import { describe, expect, test } from 'vitest'

const require = createRequire(import.meta.url)
const config = require('../../.dependency-cruiser.cjs')

describe('the dependency check (.dependency-cruiser.cjs)', () => {
	test('fails on imports across a forbidden boundary and passes the allowed ones', async () => {
		// A tiny tree laid out like the repo: db→app, app/components→db and workflows→app are
		// wrong; app→lib, db→… and emails→lib are fine.
		const { output } = await cruise(
			['lib', 'db', 'app', 'workflows', 'emails'],
			{
				baseDir: path.resolve(import.meta.dirname, '../fixtures/layers'),
				validate: true,
				ruleSet: { forbidden: config.forbidden },
			},
		)
		if (typeof output === 'string') throw new Error('expected the JSON result')
		const found = output.summary.violations.map(
			(v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`,
		)
		expect(found.sort()).toEqual([
			'components-never-read-data: app/components/widget.ts → db/repo.ts',
			'db-is-data-only: db/repo.ts → app/page.ts',
			'domain-never-imports-pages: workflows/rule.ts → app/page.ts',
		])
	})
})
