import { Kysely, type Transaction } from 'kysely'
import { PostgresJSDialect } from 'kysely-postgres-js'
import postgres from 'postgres'
import { singleton } from '#lib/singleton.server.ts'
import { type DB } from './schema.ts'

export type Db = Kysely<DB> | Transaction<DB>

/**
 * Queries run through every Kysely instance of this process (tests and the benchmark read it).
 * One object per process, shared by server.ts's modules and the app bundle's copy of this file.
 */
export const queryCounter = singleton('query-counter', () => ({ count: 0 }))

export function createDb(url: string, { max = 10 } = {}) {
	return new Kysely<DB>({
		dialect: new PostgresJSDialect({
			postgres: postgres(url, {
				max,
				onnotice: () => {},
				// Calendar dates stay 'YYYY-MM-DD' strings: no time zone can shift them.
				types: {
					date: {
						to: 1082,
						from: [1082],
						serialize: (x: string) => x,
						parse: (x: string) => x,
					},
				},
			}),
		}),
		log: event => {
			if (event.level === 'query') queryCounter.count++
		},
	})
}
