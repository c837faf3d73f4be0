import { type Server } from 'node:http'

// Shared with stop-signals.js, which `npm start` preloads to catch a signal even earlier.
const state = ((globalThis as { __stopSignals?: StopSignals }).__stopSignals ??=
	{ requested: false, run: null })
type StopSignals = {
	requested: boolean
	run: (() => void) | null
	installed?: boolean
}
if (!state.installed) {
	state.installed = true
	const onSignal = () => {
		if (state.requested) return
		state.requested = true
		state.run?.()
	}
	process.on('SIGINT', onSignal)
	process.on('SIGTERM', onSignal)
}

/** Whether a stop signal has arrived. */
export const stopRequested = () => state.requested

/**
 * Stops the process in order on SIGINT or SIGTERM, whichever comes first. Imported first by
 * server.ts, so that a signal during start-up is already caught: the steps run once it is
 * known what to stop. A second signal (a second Ctrl-C, or npm passing on the terminal's)
 * changes nothing; one line says it stopped. If the steps hang, the process still ends within
 * `limitMs`.
 */
export function stopOnSignals(
	steps: () => Promise<void>,
	{ stopped, limitMs = 14_000 }: { stopped: string; limitMs?: number },
) {
	state.run = () => {
		setTimeout(() => {
			console.error(`${stopped} (forcibly, after ${limitMs / 1000} s)`)
			process.exit(1)
		}, limitMs).unref()
		steps().then(
			() => {
				console.log(stopped)
				process.exit(0)
			},
			(error: unknown) => {
				console.error(
					`${stopped} (${error instanceof Error ? error.message : String(error)})`,
				)
				process.exit(1)
			},
		)
	}
	if (state.requested) state.run()
}

/** Stops taking requests; those under way get 5 s to finish. */
export async function closeServer(server: Server) {
	const closed = new Promise<void>(resolve => server.close(() => resolve()))
	server.closeIdleConnections()
	if (!(await within(closed, 5_000))) server.closeAllConnections()
	await within(closed, 1_000)
}

/** Whether `work` settled within `ms`. */
export async function within(work: Promise<unknown>, ms: number) {
	let timer: NodeJS.Timeout | undefined
	const timeout = new Promise<false>(
		resolve => (timer = setTimeout(() => resolve(false), ms)),
	)
	const settled = work.then(
		() => true,
		() => true,
	)
	const result = await Promise.race([settled, timeout])
	clearTimeout(timer)
	return result
}
