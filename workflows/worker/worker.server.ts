import { parseCronItems, run, type Runner } from 'graphile-worker'
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
	return run({
		connectionString,
		concurrency,
		pollInterval,
		taskList,
		parsedCronItems: cron ? CRON_ITEMS : [],
		logger: quietLogger,
		noHandleSignals: true,
	})
}
