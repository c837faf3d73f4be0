import { Kysely, type Transaction } from 'kysely'
import { PostgresJSDialect } from 'kysely-postgres-js'
import postgres from 'postgres'
import { type DB } from './schema.ts'

export type Db = Kysely<DB> | Transaction<DB>

/** Queries run through every Kysely instance of this process (tests and the benchmark read it). */
export const queryCounter = { count: 0 }

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
