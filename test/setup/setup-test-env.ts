import { afterEach, beforeEach, vi } from 'vitest'

// A console.error during a test fails it, unless the test expects it and says so with
// `vi.spyOn(console, 'error').mockImplementation(() => {})` (epic tests/setup/setup-test-env.ts).
let unexpected: unknown[][] = []

beforeEach(() => {
	unexpected = []
	const original = console.error
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		unexpected.push(args)
		original(...args)
	})
})

afterEach(() => {
	vi.restoreAllMocks()
	const calls = unexpected
	unexpected = []
	if (calls.length) {
		throw new Error(
			`console.error was called ${calls.length} time(s) during this test; mock it if that is expected:\n` +
				calls.map(args => args.map(String).join(' ')).join('\n'),
		)
	}
})
