import postgres from 'postgres'
import { singleton } from '#lib/singleton.server.ts'

// Errors that say the server cannot be reached (or is going away), not that a query is wrong.
const CONNECTION_ERRORS = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENOTFOUND',
	'EPIPE',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT',
	'57P01', // admin_shutdown
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now (starting up, shutting down)
	'08000',
	'08001',
	'08003',
	'08004',
	'08006',
])

export function isConnectionError(error: unknown): boolean {
	if (!error || typeof error !== 'object') return false
	const { code, cause, errors } = error as {
		code?: unknown
		cause?: unknown
		errors?: unknown
	}
	if (typeof code === 'string' && CONNECTION_ERRORS.has(code)) return true
	if (Array.isArray(errors) && errors.some(isConnectionError)) return true
	if (error instanceof Error && /Connection terminated/i.test(error.message))
		return true
	return cause !== error && isConnectionError(cause)
}

/**
 * Whether this process last found the database unreachable. A connection error marks it down;
 * then a probe connects every half second and marks it up again as soon as a query answers.
 * One state per process (shared by server.ts's modules and the app bundle's copy of this file).
 */
const state = singleton('database-availability', () => ({
	url: '',
	down: false,
	probing: false,
	listeners: new Set<(down: boolean) => void>(),
}))

/** The URL the probe connects to (the first pool created in this process sets it). */
export function watchDatabase(url: string) {
	state.url ||= url
}

export function isDatabaseDown() {
	return state.down
}

/** Calls `listener(down)` on every change; returns the function that stops it. */
export function onDatabaseAvailability(listener: (down: boolean) => void) {
	state.listeners.add(listener)
	return () => void state.listeners.delete(listener)
}

/** Call with any database error: a connection error marks the database down until a probe answers. */
export function reportDatabaseError(error: unknown) {
	if (!isConnectionError(error) || state.down || !state.url) return
	state.down = true
	console.error(
		`Không kết nối được cơ sở dữ liệu (${describe(error)}); đang thử lại…`,
	)
	for (const listener of state.listeners) listener(true)
	void probe()
}

export async function databaseAnswers(url = state.url, timeoutSeconds = 2) {
	const sql = postgres(url, {
		max: 1,
		connect_timeout: timeoutSeconds,
		idle_timeout: 1,
		onnotice: () => {},
	})
	try {
		await sql`SELECT 1`
		return true
	} catch {
		return false
	} finally {
		await sql.end({ timeout: 1 }).catch(() => {})
	}
}

async function probe() {
	if (state.probing) return
	state.probing = true
	try {
		while (!(await databaseAnswers()))
			await new Promise(resolve => setTimeout(resolve, 500).unref())
	} finally {
		state.probing = false
	}
	state.down = false
	console.log('Đã kết nối lại cơ sở dữ liệu.')
	for (const listener of state.listeners) listener(false)
}

function describe(error: unknown) {
	const { code, message } = error as { code?: string; message?: string }
	return [code, message].filter(Boolean).join(': ')
}

/**
 * A rejection that nobody handled and that only says the database went away (a driver's
 * background write) is reported, not fatal: the work it belonged to is retried where it
 * started. Any other one still ends the process, as Node would.
 */
export function surviveDatabaseOutages() {
	process.on('unhandledRejection', reason => {
		if (!isConnectionError(reason)) throw reason
		if (!state.down) reportDatabaseError(reason)
	})
}
