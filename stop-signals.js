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

// A Ctrl-C reaches the whole process group, tsx's esbuild service included: the app's modules
// still loading then fail to compile. After a stop was asked for, that is the stop, not a crash
// (the embedded PostgreSQL, if started, is stopped by its watchdog when this process ends).
process.on('uncaughtException', error => {
	if (state.requested) {
		console.log('Đã dừng ứng dụng.')
		process.exit(0)
	}
	console.error(error)
	process.exit(1)
})
