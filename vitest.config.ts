import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['test/integration/**/*.test.{ts,tsx}'],
					environment: 'node',
					globalSetup: ['test/setup/global-setup.ts'],
					setupFiles: ['test/setup/db-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
				},
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['test/e2e/global-setup.ts'],
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
})
