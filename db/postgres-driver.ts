import {
	type CompiledQuery,
	type DatabaseConnection,
	type Driver,
	PostgresAdapter,
	PostgresIntrospector,
	PostgresQueryCompiler,
	type QueryResult,
	type TransactionSettings,
	type Dialect,
	type Kysely,
} from 'kysely'
import { type Sql, type TransactionSql } from 'postgres'
import { reportDatabaseError } from './availability.ts'

/**
 * Kysely on postgres.js without `sql.reserve()`. A reserved connection that PostgreSQL closes
 * (a restart, `pg_ctl stop -m fast`) goes back into postgres.js's pool as if open when released,
 * and the next query written to it throws from a timer (`Cannot read properties of null
 * (reading 'write')`, porsager/postgres#1208), which ends the process. So single queries go to
 * the pool, and transactions run inside `sql.begin()`, which notices a closed connection itself.
 * Outside a transaction, two queries may run on different connections: session state (SET,
 * session advisory locks) needs a transaction (`pg_advisory_xact_lock`).
 */
export class PostgresJsDialect implements Dialect {
	/** `onStatement` is told of the BEGIN, COMMIT and ROLLBACK it sends (Kysely logs the rest). */
	constructor(
		private sql: Sql,
		private onStatement: () => void = () => {},
	) {}
	createAdapter() {
		return new PostgresAdapter()
	}
	createDriver() {
		return new PostgresJsDriver(this.sql, this.onStatement)
	}
	createIntrospector(db: Kysely<any>) {
		return new PostgresIntrospector(db)
	}
	createQueryCompiler() {
		return new PostgresQueryCompiler()
	}
}

class Rollback extends Error {}

/**
 * Put in a query (`.modifyFront(sql.raw(PREPARED))`) with more parameters than
 * PREPARE_MAX_PARAMS that runs on every request with the same text, to prepare it too. Not for
 * queries whose text varies (long lists of values, multi-row inserts): each text would stay
 * prepared on the connection.
 */
export const PREPARED = '/* prepared */'

/**
 * Reads are prepared once per connection, and PostgreSQL keeps their plans: the pages' queries
 * took longer to plan than to run (the inbox's: 0.7 ms to parse, 2 ms to plan, 2.5 ms to run).
 * A read's text varies only with its filters and with lists of at most this many values, so a
 * connection keeps a bounded number of them (and postgres.js replaces a connection every 30–60
 * minutes). Writes and DDL are not prepared.
 */
const PREPARE_MAX_PARAMS = 16

function prepared(query: CompiledQuery) {
	return (
		query.sql.includes(PREPARED) ||
		(query.parameters.length <= PREPARE_MAX_PARAMS &&
			/^\s*(select|with)\b/i.test(query.sql))
	)
}

class PostgresJsConnection implements DatabaseConnection {
	tx: {
		sql: TransactionSql
		settle: (commit: boolean) => void
		settled?: boolean
		done: Promise<unknown>
		/** Set when the transaction's connection was lost: nothing may be written to it again. */
		lost?: unknown
	} | null = null

	constructor(private sql: Sql) {}

	async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
		if (this.tx?.lost) throw this.tx.lost
		const target = this.tx?.sql ?? this.sql
		const result = await target.unsafe(
			query.sql,
			[...(query.parameters as any[])],
			{ prepare: prepared(query) },
		)
		const { command, count } = result
		return {
			numAffectedRows:
				command === 'INSERT' ||
				command === 'UPDATE' ||
				command === 'DELETE' ||
				command === 'MERGE'
					? BigInt(count)
					: undefined,
			rows: Array.from(result.values()) as R[],
		}
	}

	// eslint-disable-next-line require-yield
	async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
		throw new Error('Streaming is not supported')
	}
}

class PostgresJsDriver implements Driver {
	constructor(
		private sql: Sql,
		private onStatement: () => void,
	) {}

	async init() {}

	async acquireConnection() {
		return new PostgresJsConnection(this.sql)
	}

	async beginTransaction(
		connection: DatabaseConnection,
		settings: TransactionSettings,
	) {
		const c = connection as PostgresJsConnection
		const options = [
			settings.isolationLevel && `isolation level ${settings.isolationLevel}`,
			settings.accessMode,
		]
			.filter(Boolean)
			.join(' ')
		this.onStatement()
		await new Promise<void>((ready, fail) => {
			let started = false
			const done = this.sql.begin(options, tx => {
				started = true
				return new Promise((commit, rollback) => {
					c.tx = {
						sql: tx,
						settle: yes => {
							c.tx!.settled = true
							if (yes) commit(null)
							else rollback(new Rollback())
						},
						done,
					}
					ready()
				})
			})
			done.catch(error => {
				if (!started) {
					reportDatabaseError(error)
					fail(error)
				}
				// The connection closed under the transaction: its promise is never settled, so
				// postgres.js writes no ROLLBACK or COMMIT to the dead connection.
				else if (c.tx && !(error instanceof Rollback)) c.tx.lost = error
			})
		})
	}

	async commitTransaction(connection: DatabaseConnection) {
		const tx = await this.#open(connection)
		if (tx.lost) throw tx.lost
		this.onStatement()
		tx.settle(true)
		await tx.done
	}

	async rollbackTransaction(connection: DatabaseConnection) {
		const tx = await this.#open(connection)
		// Lost, or its COMMIT failed (Kysely then rolls back): PostgreSQL has ended it already.
		if (tx.lost || tx.settled) return
		this.onStatement()
		tx.settle(false)
		await tx.done.catch(error => {
			if (!(error instanceof Rollback)) throw error
		})
	}

	/** Lets a connection loss during the last query reach `tx.lost` first (it arrives a tick later). */
	async #open(connection: DatabaseConnection) {
		const tx = (connection as PostgresJsConnection).tx
		if (!tx) throw new Error('No transaction is open on this connection')
		await new Promise(resolve => setImmediate(resolve))
		return tx
	}

	async releaseConnection() {}

	async destroy() {
		await this.sql.end({ timeout: 5 })
	}
}
