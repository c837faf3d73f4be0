// Preloaded by `npm start` (node --import ./stop-signals.js), before TypeScript and the app load,
// which can take seconds: a Ctrl-C or SIGTERM that comes meanwhile is kept, and server.ts acts on
// it (app/utils/shutdown.server.ts) once it knows what to stop, instead of Node dying half-started.
const state = (globalThis.__stopSignals ??= { requested: false, run: null })
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
