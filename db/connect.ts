import { Kysely, type Transaction } from 'kysely'
import postgres from 'postgres'
import { singleton } from '#lib/singleton.server.ts'
import { reportDatabaseError, watchDatabase } from './availability.ts'
import { PostgresJsDialect } from './postgres-driver.ts'
import { type DB } from './schema.ts'

export type Db = Kysely<DB> | Transaction<DB>

/**
 * Queries run through every Kysely instance of this process (tests and the benchmark read it).
 * One object per process, shared by server.ts's modules and the app bundle's copy of this file.
 */
export const queryCounter = singleton('query-counter', () => ({ count: 0 }))

/** The postgres.js client with this app's settings, for createDb and the benchmark's scripts. */
export function connectPostgres(url: string, { max = 10 } = {}) {
	return postgres(url, {
		max,
		// While the server is down, a query fails at once rather than waiting for it.
		connect_timeout: 5,
		onnotice: () => {},
		// No JIT: its compile time is paid on every run of a query whose estimated cost is high
		// (the statistics page spent 2.8 of its 3.1 s compiling, the query itself 0.3 s), and
		// these queries never run long enough to win it back.
		connection: { jit: 'off' },
		// Calendar dates stay 'YYYY-MM-DD' strings: no time zone can shift them.
		types: {
			date: {
				to: 1082,
				from: [1082],
				serialize: (x: string) => x,
				parse: (x: string) => x,
			},
		},
	})
}

export function createDb(url: string, { max = 10 } = {}) {
	watchDatabase(url)
	return new Kysely<DB>({
		dialect: new PostgresJsDialect(
			connectPostgres(url, { max }),
			() => queryCounter.count++,
		),
		log: event => {
			if (event.level === 'query') queryCounter.count++
			else reportDatabaseError(event.error)
		},
	})
}
