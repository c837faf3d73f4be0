import { type Compilable, CompiledQuery } from 'kysely'
import { type Db } from './connect.ts'

const STAND_IN = '\u0000param:'

/**
 * A query Kysely builds and compiles once per `shape` (whatever changes its SQL text), then runs
 * with each call's `params`: for statements every request runs, where building and compiling
 * took longer than PostgreSQL took to answer. `build` gets stand-ins for the params, and each
 * must reach the statement as a parameter of its own, never inside SQL text or another value
 * (checked when the shape is first compiled).
 */
export function compiledOnce<Shape extends string, P extends unknown[], Row>(
	build: (db: Db, shape: Shape, ...params: P) => Compilable<Row>,
) {
	const compiled = new Map<
		string,
		{ sql: string; parameters: readonly unknown[]; slots: number[] }
	>()
	return async (db: Db, shape: Shape, ...params: P): Promise<Row[]> => {
		let query = compiled.get(shape)
		if (!query) {
			const standIns = params.map((_, i) => `${STAND_IN}${i}`) as P
			const { sql, parameters } = build(db, shape, ...standIns).compile()
			const slots = parameters.map(p =>
				typeof p === 'string' && p.startsWith(STAND_IN)
					? Number(p.slice(STAND_IN.length))
					: -1,
			)
			if (
				sql.includes(STAND_IN) ||
				parameters.some(
					(p, i) => slots[i] === -1 && JSON.stringify(p)?.includes('\\u0000'),
				)
			)
				throw new Error('compiledOnce: a param was not passed as a parameter')
			query = { sql, parameters, slots }
			compiled.set(shape, query)
		}
		const { slots } = query
		const parameters = query.parameters.map((p, i) =>
			slots[i]! >= 0 ? params[slots[i]!] : p,
		)
		const result = await db.executeQuery<Row>(
			CompiledQuery.raw(query.sql, parameters),
		)
		return result.rows
	}
}
