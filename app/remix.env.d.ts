/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import '@remix-run/node'

declare module '@remix-run/node' {
	interface AppLoadContext {
		clientIp: string
		/** This response's Content-Security-Policy nonce for Remix's inline scripts. */
		cspNonce?: string
		/** Benchmark only (BENCH=1): SQL queries this process has run. */
		queryCounter?: { count: number }
	}
}
