import { type Db } from '../client.server.ts'
import { getPlanRecord } from './plan.server.ts'

/**
 * What the plan document is built from: the plan with its members and budget, the owning
 * organisation with its parent and notation, and the names of the organisations of the steps
 * above it in the chain the plan was submitted on (optional steps only when chosen).
 */
export async function getPlanDocumentSource(db: Db, planId: string) {
	const record = await getPlanRecord(db, planId)
	if (!record) return undefined
	const [organisation, steps] = await Promise.all([
		db
			.selectFrom('organisation as o')
			.leftJoin('organisation as parent', 'parent.id', 'o.parent_id')
			.select([
				'o.name_vi',
				'o.short_name',
				'o.province',
				'o.kind',
				'o.document_notation',
				'parent.name_vi as parent_name',
			])
			.where('o.id', '=', record.organisation_id)
			.executeTakeFirstOrThrow(),
		record.chain_id
			? db
					.selectFrom('chain_step as s')
					.innerJoin('organisation as o', 'o.id', 's.organisation_id')
					.select(['s.id', 's.optional', 's.organisation_id', 'o.name_vi'])
					.where('s.chain_id', '=', record.chain_id)
					.orderBy('s.position')
					.execute()
			: Promise.resolve([]),
	])
	const nextLevels = steps
		.filter(s => !s.optional || record.optional_step_ids.includes(s.id))
		.filter(s => s.organisation_id !== record.organisation_id)
		.map(s => s.name_vi)
	return { record, organisation, nextLevels }
}
