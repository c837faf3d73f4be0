// `npm run worker`: the job queue as its own process (several may run side by side).
import { readFileSync } from 'node:fs'
import path from 'node:path'

function databaseUrl() {
	if (process.env.DATABASE_URL) return process.env.DATABASE_URL
	// Without DATABASE_URL, join the embedded server that `npm start` runs from ./data.
	const port = readFileSync(
		path.resolve(process.env.DATA_DIR ?? 'data', 'port'),
		'utf8',
	).trim()
	return `postgres://postgres:postgres@127.0.0.1:${port}/app`
}

process.env.DATABASE_URL = databaseUrl()
const { surviveDatabaseOutages } = await import('#db/availability.ts')
surviveDatabaseOutages()
const { startWorker } = await import('./worker.server.ts')
const runner = await startWorker(process.env.DATABASE_URL, {
	concurrency: Number(process.env.WORKER_CONCURRENCY ?? 2),
})
console.log('Tiến trình xử lý hàng đợi (email, nhắc việc) đang chạy.')
const stop = () => void runner.stop().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
await runner.promise
