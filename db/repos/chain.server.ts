import { sql } from 'kysely'
import { type Db } from '../client.server.ts'
import { type ApprovalRule } from '../schema.ts'

export interface ChainStepInput {
	organisation_id: string
	label_vi: string
	label_en: string
	optional: boolean
	requires_written_answer?: boolean
	approval_rule?: ApprovalRule
	min_approvals?: number | null
}

/** The current (highest) version of an organisation's chain with its steps, in order. */
export async function getCurrentChain(db: Db, organisationId: string) {
	const chain = await db
		.selectFrom('chain')
		.select(['id', 'version', 'created_at'])
		.where('organisation_id', '=', organisationId)
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst()
	if (!chain) return null
	const steps = await db
		.selectFrom('chain_step as s')
		.innerJoin('organisation as o', 'o.id', 's.organisation_id')
		.select([
			's.position',
			's.organisation_id',
			's.label_vi',
			's.label_en',
			's.optional',
			's.requires_written_answer',
			's.approval_rule',
			's.min_approvals',
			'o.short_name as organisation_short_name',
		])
		.where('s.chain_id', '=', chain.id)
		.orderBy('s.position')
		.execute()
	return { ...chain, steps }
}

export async function countChainVersions(db: Db, organisationId: string) {
	const row = await db
		.selectFrom('chain')
		.select(eb => eb.fn.countAll<string>().as('n'))
		.where('organisation_id', '=', organisationId)
		.executeTakeFirstOrThrow()
	return Number(row.n)
}

/**
 * Saves the steps as a new version. `expectedVersion` is the version the editor loaded
 * (0 for none): if someone saved in between, the unique (organisation_id, version) key
 * makes this fail instead of silently overwriting, and the caller answers 409.
 */
export async function insertChainVersion(
	db: Db,
	{
		organisationId,
		expectedVersion,
		steps,
		createdBy,
		onSaved,
	}: {
		organisationId: string
		expectedVersion: number
		steps: ChainStepInput[]
		createdBy: string
		/** Runs in the same transaction once the version is saved (e.g. its audit entry). */
		onSaved?: (trx: Db, chain: { id: string; version: number }) => Promise<void>
	},
) {
	try {
		return await db.transaction().execute(async trx => {
			const current = await trx
				.selectFrom('chain')
				.select(eb => eb.fn.max('version').as('version'))
				.where('organisation_id', '=', organisationId)
				.executeTakeFirstOrThrow()
			if ((current.version ?? 0) !== expectedVersion) return null
			const chain = await trx
				.insertInto('chain')
				.values({
					organisation_id: organisationId,
					version: expectedVersion + 1,
					created_by: createdBy,
				})
				.returning(['id', 'version'])
				.executeTakeFirstOrThrow()
			await trx
				.insertInto('chain_step')
				.values(
					steps.map((step, index) => ({
						...step,
						chain_id: chain.id,
						position: index + 1,
					})),
				)
				.execute()
			await onSaved?.(trx, chain)
			return chain
		})
	} catch (error) {
		if (isUniqueViolation(error)) return null
		throw error
	}
}

function isUniqueViolation(error: unknown) {
	return (
		typeof error === 'object' &&
		error !== null &&
		(error as { code?: string }).code === '23505'
	)
}

/** Earlier and current versions, newest first, each with its steps' labels in order (one query). */
export async function listChainVersions(
	db: Db,
	organisationId: string,
	limit = 10,
) {
	return db
		.selectFrom('chain as c')
		.leftJoin('app_user as u', 'u.id', 'c.created_by')
		.select(['c.version', 'c.created_at', 'u.full_name as created_by_name'])
		.select(eb =>
			eb
				.selectFrom('chain_step as s')
				.select(
					sql<string[]>`array_agg(s.label_vi ORDER BY s.position)`.as('labels'),
				)
				.whereRef('s.chain_id', '=', 'c.id')
				.as('labels'),
		)
		.where('c.organisation_id', '=', organisationId)
		.orderBy('c.version', 'desc')
		.limit(limit)
		.execute()
}

/** The steps of one chain version, in order. */
export async function getChainSteps(db: Db, chainId: string) {
	return db
		.selectFrom('chain_step')
		.select([
			'id',
			'position',
			'organisation_id',
			'label_vi',
			'label_en',
			'optional',
			'approval_rule',
			'min_approvals',
			'requires_written_answer',
		])
		.where('chain_id', '=', chainId)
		.orderBy('position')
		.execute()
}

/** The organisations whose current chain has a step of `organisationId` (what a party committee or the board approves), by name. */
export async function listChainsWithStepOf(db: Db, organisationId: string) {
	return db
		.selectFrom('chain_step as s')
		.innerJoin('chain as c', 'c.id', 's.chain_id')
		.innerJoin('organisation as o', 'o.id', 'c.organisation_id')
		.select([
			'o.id as organisation_id',
			'o.short_name as organisation_short_name',
			's.label_vi',
			's.label_en',
		])
		.where('s.organisation_id', '=', organisationId)
		.where('c.organisation_id', '<>', organisationId)
		.where(eb =>
			eb(
				'c.version',
				'=',
				eb
					.selectFrom('chain as latest')
					.select(eb => eb.fn.max('latest.version').as('v'))
					.whereRef('latest.organisation_id', '=', 'c.organisation_id'),
			),
		)
		.orderBy(sql`o.short_name COLLATE vi`)
		.orderBy('o.id')
		.limit(50)
		.execute()
}
