import { type PlanContent, type PlanRecord } from '#db/repos/plan.server.ts'
import {
	activityLines,
	formatDays,
	parseDays,
	type PlanDraft,
} from './plan-schema.ts'

/** A stored plan in the shape of the plan form (for its default values and for the submit check). */
export function recordToDraft(
	record: Omit<PlanRecord, 'attachments' | 'partner_org_name'>,
): PlanDraft {
	const opt = <T>(value: T | null | '') =>
		value === null || value === '' ? undefined : value
	return {
		version: record.version,
		plan_year: record.plan_year,
		direction: record.direction,
		name: opt(record.name),
		in_name_of: opt(record.in_name_of),
		head_title: opt(record.head_title),
		head_name: opt(record.head_name),
		member_count: opt(record.member_count),
		country: opt(record.country) as PlanDraft['country'],
		partner_id: opt(record.partner_id),
		partner_name: opt(record.partner_name),
		activities: opt(record.activities.join('\n')),
		days: opt(formatDays(record.days_min, record.days_max)),
		timing_kind: record.timing_kind,
		timing_month: opt(record.timing_month),
		start_date: opt(record.start_date),
		end_date: opt(record.end_date),
		optional_step_ids: record.optional_step_ids,
		members: record.members.map(m => ({
			full_name: m.full_name,
			title: opt(m.title),
			organisation_name: opt(m.organisation_name),
			passport_type: opt(m.passport_type) ?? undefined,
			person_id: opt(m.person_id) ?? undefined,
		})),
		budget: record.budget.map(b => ({
			payer: b.payer,
			item: b.item,
			source: b.source,
			amount: b.amount === null ? undefined : Number(b.amount),
			currency: b.currency ?? undefined,
		})),
	}
}

/** The form's values as table rows; fields that do not apply to the chosen timing are cleared. */
export function draftToContent(
	draft: PlanDraft,
): Omit<PlanContent, 'newAttachments' | 'removeAttachmentIds'> {
	const days = draft.days ? parseDays(draft.days) : null
	return {
		fields: {
			plan_year: draft.plan_year,
			direction: draft.direction,
			name: draft.name ?? '',
			in_name_of: draft.in_name_of ?? '',
			head_title: draft.head_title ?? '',
			head_name: draft.head_name ?? '',
			member_count: draft.member_count ?? null,
			country: draft.country ?? null,
			partner_id: draft.partner_id ?? null,
			partner_name: draft.partner_id ? '' : (draft.partner_name ?? ''),
			activities: activityLines(draft.activities),
			days_min: days?.[0] ?? null,
			days_max: days?.[1] ?? null,
			timing_kind: draft.timing_kind,
			timing_month:
				draft.timing_kind === 'month' ? (draft.timing_month ?? null) : null,
			start_date:
				draft.timing_kind === 'dates' ? (draft.start_date ?? null) : null,
			end_date: draft.timing_kind === 'dates' ? (draft.end_date ?? null) : null,
			optional_step_ids: draft.optional_step_ids ?? [],
		},
		members: (draft.members ?? []).map(m => ({
			full_name: m.full_name,
			title: m.title ?? '',
			organisation_name: m.organisation_name ?? '',
			passport_type:
				draft.direction === 'out' ? (m.passport_type ?? null) : null,
			person_id: m.person_id ?? null,
		})),
		budget: (draft.budget ?? []).map(b => ({
			payer: b.payer,
			item: b.item,
			source: b.source,
			amount: b.amount === undefined ? null : String(b.amount),
			currency: b.currency ?? null,
		})),
	}
}
