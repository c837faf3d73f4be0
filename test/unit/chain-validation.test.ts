import { describe, expect, test } from 'vitest'
import { type OrganisationKind } from '#db/schema.ts'
import { validateChain } from '#workflows/plans/chain-validation.ts'

const kinds: Record<string, OrganisationKind> = {
	ldld: 'provincial_federation',
	tinhUy: 'party_committee',
	board: 'vgcl_board',
	laos: 'foreign_partner',
}
const kindOf = (id: string) => kinds[id]
const steps = (...ids: string[]) => ids.map(id => ({ organisation_id: id, label_vi: `Bước ${id}` }))

describe('validateChain', () => {
	test('accepts the usual provincial chain', () => {
		const { chainError, stepErrors } = validateChain(steps('ldld', 'tinhUy', 'board'), kindOf)
		expect(chainError).toBeNull()
		expect(stepErrors.size).toBe(0)
	})

	test('refuses an empty chain', () => {
		expect(validateChain([], kindOf).chainError).toBe('chain.noSteps')
	})

	test('refuses the same organisation twice in a row, on the second step', () => {
		const { chainError, stepErrors } = validateChain(steps('ldld', 'tinhUy', 'tinhUy', 'board'), kindOf)
		expect(chainError).toBeNull()
		expect([...stepErrors]).toEqual([[2, 'chain.sameOrgTwice']])
	})

	test('allows the same organisation again once another step is between them', () => {
		expect(validateChain(steps('ldld', 'tinhUy', 'ldld'), kindOf).stepErrors.size).toBe(0)
	})

	test('refuses a foreign partner as an approver, wherever it is', () => {
		expect([...validateChain(steps('laos'), kindOf).stepErrors]).toEqual([[0, 'chain.partnerStep']])
		expect([...validateChain(steps('ldld', 'laos', 'board'), kindOf).stepErrors]).toEqual([[1, 'chain.partnerStep']])
	})

	test('reports one error per step, for every bad step', () => {
		const { stepErrors } = validateChain(steps('laos', 'laos', 'board', 'board'), kindOf)
		expect([...stepErrors]).toEqual([
			[0, 'chain.partnerStep'],
			[1, 'chain.partnerStep'],
			[3, 'chain.sameOrgTwice'],
		])
	})
})
