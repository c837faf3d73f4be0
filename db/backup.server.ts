import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import postgres, { type TransactionSql } from 'postgres'
import { migrateDatabase } from './migrate.ts'

/**
 * A logical backup with what the embedded package ships (no pg_dump): every table of the app's
 * schema and of the job queue's, copied out with COPY inside one REPEATABLE READ transaction, so
 * the file is one consistent moment of a database that keeps serving. The schema itself is not
 * in the file: a restore builds it with the migrations (the same ones, checked), then copies the
 * rows back. Gzipped text: a JSON header line, then per table a `\table <name>` line, its rows
 * in COPY's text format and a `\.` line.
 */
const SCHEMAS = ['public', 'graphile_worker']

function connect(url: string) {
	return postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 })
}

async function tablesOf(sql: TransactionSql) {
	const rows = await sql<{ name: string }[]>`
		SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
		WHERE schemaname IN ${sql(SCHEMAS)} ORDER BY schemaname, tablename`
	return rows.map(r => r.name)
}

async function migrationsOf(sql: TransactionSql) {
	const app = await sql<{ name: string }[]>`SELECT name FROM kysely_migration ORDER BY name`
	const [queue] = await sql<{ id: number }[]>`SELECT max(id)::int AS id FROM graphile_worker.migrations`
	return { app: app.map(r => r.name), queue: queue?.id ?? 0 }
}

/**
 * A query giving each row of `table` as one line of COPY's text format (what `COPY … FROM STDIN`
 * reads back): the columns COPY takes (not generated ones), tab-separated, \N for null.
 * Read with a cursor rather than `COPY … TO STDOUT`: postgres.js leaves its socket paused when a
 * COPY's rows arrive before the stream is read, and the backup then hung for good.
 */
async function copyLinesQuery(sql: TransactionSql, table: string) {
	const columns = await sql<{ name: string }[]>`
		SELECT quote_ident(attname) AS name FROM pg_attribute
		WHERE attrelid = ${table}::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
		ORDER BY attnum`
	const fields = columns.map(
		({ name }) =>
			`CASE WHEN ${name} IS NULL THEN '\\N' ELSE replace(replace(replace(replace(${name}::text, '\\', '\\\\'), E'\\n', '\\n'), E'\\r', '\\r'), E'\\t', '\\t') END`,
	)
	return `SELECT concat_ws(E'\\t', ${fields.join(', ')}) AS line FROM ${table}`
}

export async function backupDatabase(url: string, file: string) {
	const sql = connect(url)
	const gzip = createGzip()
	const written = pipeline(gzip, createWriteStream(file))
	const write = async (text: string) => {
		if (!gzip.write(text)) await once(gzip, 'drain')
	}
	try {
		const counts = await sql.begin('isolation level repeatable read read only', async tx => {
			const tables = await tablesOf(tx)
			const header = { format: 'doingoai-backup', version: 1, createdAt: new Date().toISOString(), migrations: await migrationsOf(tx), tables }
			await write(`${JSON.stringify(header)}\n`)
			const counts: Record<string, number> = {}
			for (const table of tables) {
				await write(`\\table ${table}\n`)
				let rows = 0
				for await (const batch of tx.unsafe(await copyLinesQuery(tx, table)).cursor(500)) {
					await write(batch.map(row => `${row.line}\n`).join(''))
					rows += batch.length
				}
				await write('\\.\n')
				counts[table] = rows
			}
			return counts
		})
		gzip.end()
		await written
		return counts
	} finally {
		await sql.end()
	}
}

/** Loads a backup into an empty database: the migrations build the schema, then COPY brings the rows back. */
export async function restoreDatabase(url: string, file: string) {
	const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]()
	const first = await lines.next()
	const header = JSON.parse(first.done ? '{}' : first.value) as {
		format?: string
		migrations: { app: string[]; queue: number }
		tables: string[]
	}
	if (header.format !== 'doingoai-backup') throw new Error(`${file} is not a backup made by npm run db:backup`)

	const sql = connect(url)
	try {
		const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ${sql(SCHEMAS)}`
		if (n > 0) throw new Error('The database to restore into is not empty')
		await migrateDatabase(url)
		const now = await sql.begin(tx => migrationsOf(tx))
		if (JSON.stringify(now) !== JSON.stringify(header.migrations))
			throw new Error('This backup was made by another version of the app (its migrations differ); restore it with that version')
		await sql.begin(async tx => {
			// Rows go in as they were, whatever the order of the tables: no foreign-key triggers while loading.
			await tx`SET LOCAL session_replication_role = replica`
			await tx.unsafe(`TRUNCATE ${(await tablesOf(tx)).join(', ')}`)
			for (;;) {
				const next = await lines.next()
				if (next.done) break
				const table = /^\\table (\S+)$/.exec(next.value)?.[1]
				if (!table || !header.tables.includes(table)) throw new Error(`Unexpected line in ${file}: ${next.value.slice(0, 80)}`)
				const copy = await tx.unsafe(`COPY ${table} FROM STDIN`).writable()
				for (;;) {
					const row = await lines.next()
					if (row.done) throw new Error(`${file} ends inside ${table}`)
					if (row.value === '\\.') break
					if (!copy.write(`${row.value}\n`)) await once(copy, 'drain')
				}
				copy.end()
				await once(copy, 'finish')
			}
			// Sequences carry on after the restored rows.
			await tx`
				SELECT setval(s.seq, greatest(coalesce(m.max, 0), 1), m.max IS NOT NULL)
				FROM (
					SELECT format('%I.%I', sn.nspname, sc.relname)::regclass AS seq, format('%I.%I', tn.nspname, t.relname) AS tbl, a.attname AS col
					FROM pg_depend d
					JOIN pg_class sc ON sc.oid = d.objid AND sc.relkind = 'S'
					JOIN pg_namespace sn ON sn.oid = sc.relnamespace
					JOIN pg_class t ON t.oid = d.refobjid
					JOIN pg_namespace tn ON tn.oid = t.relnamespace
					JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
					WHERE d.deptype IN ('a', 'i') AND tn.nspname IN ${tx(SCHEMAS)}
				) s
				CROSS JOIN LATERAL (SELECT (xpath('/row/max/text()', query_to_xml(format('SELECT max(%I) FROM %s', s.col, s.tbl), false, true, '')))[1]::text::bigint AS max) m`
		})
	} finally {
		await sql.end()
	}
}

/** Row count and an md5 of every row, per table: two databases with the same data give the same. */
export async function tableChecksums(url: string) {
	const sql = connect(url)
	try {
		const result: Record<string, { rows: number; md5: string }> = {}
		for (const table of await sql.begin(tx => tablesOf(tx))) {
			const [row] = await sql.unsafe<{ rows: number; md5: string }[]>(
				`SELECT count(*)::int AS rows, coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS md5 FROM ${table} t`,
			)
			result[table] = row
		}
		return result
	} finally {
		await sql.end()
	}
}
