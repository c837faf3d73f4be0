import { EventEmitter } from 'node:events'
import {
	parseCronItems,
	run,
	type Runner,
	type WorkerEvents,
} from 'graphile-worker'
import postgres from 'postgres'
import { quietLogger } from '#db/migrate.ts'
import { taskList } from './tasks.server.ts'

/**
 * The recurring jobs. graphile-worker's cron reads times in UTC: 01:00 UTC is 08:00 in
 * Asia/Ho_Chi_Minh (UTC+7 all year). Given here rather than in a `crontab` file, so no file is
 * read and a missing one does not matter. Runs missed while no worker was up (up to 3 days back)
 * are made up for when one starts: each backfilled job carries the time it was due (`_cron.ts`)
 * and runs for that day.
 */
export const CRON_ITEMS = parseCronItems([
	{
		task: 'daily_reminders',
		identifier: 'daily_reminders',
		match: '0 1 * * *',
		options: { backfillPeriod: 3 * 24 * 60 * 60 * 1000, maxAttempts: 5 },
	},
])

/** Runs the job queue in this process until `stop()`; several processes may run it at once. */
export async function startWorker(
	connectionString: string,
	{
		concurrency = 2,
		pollInterval = 1000,
		/** Schedule the daily reminders (graphile-worker's cron); several workers still schedule each run once. */
		cron = true,
	} = {},
): Promise<Runner> {
	const events: WorkerEvents = new EventEmitter()
	const ids = new Set<string>()
	// Jobs are locked in the name of the worker pool (and, in older versions, of each worker).
	events.on('pool:create', ({ workerPool }) => ids.add(workerPool.id))
	events.on('worker:create', ({ worker }) => ids.add(worker.workerId))
	const runner = await run({
		connectionString,
		concurrency,
		pollInterval,
		taskList,
		parsedCronItems: cron ? CRON_ITEMS : [],
		logger: quietLogger,
		noHandleSignals: true,
		events,
	})
	workerIds.set(runner, ids)
	return runner
}

const workerIds = new WeakMap<Runner, Set<string>>()

/**
 * Stops the runner: jobs under way get `graceMs` to finish. A job still running then (an SMTP
 * server that does not answer) is unlocked, so that the next worker runs it at once rather than
 * after graphile-worker's 4-hour lock expiry.
 */
export async function stopWorker(
	runner: Runner,
	connectionString: string,
	graceMs = 8_000,
) {
	let timer: NodeJS.Timeout | undefined
	const stopped = await Promise.race([
		runner.stop().then(
			() => true,
			() => true,
		),
		new Promise<false>(
			resolve => (timer = setTimeout(() => resolve(false), graceMs)),
		),
	])
	clearTimeout(timer)
	if (stopped) return
	const sql = postgres(connectionString, { max: 1, onnotice: () => {} })
	try {
		await sql`SELECT graphile_worker.force_unlock_workers(${[...(workerIds.get(runner) ?? [])]}::text[])`
	} finally {
		await sql.end()
	}
}
