import { type Db } from '#db/client.server.ts'
import {
	insertPassportEvent,
	setPassportState,
} from '#db/repos/passport.server.ts'

// Kept out of passports.server.ts, which connects to the database when loaded: the demo data,
// loaded before the server has its database, uses this too.

/**
 * A passport from the safe to its holder for a trip: the event and the passport's new state,
 * written on the version read (false when someone changed it since). The caller checks the rules.
 */
export async function recordHandOut(
	trx: Db,
	passport: { id: string; version: number },
	out: {
		organisationId: string
		planId: string
		on: string
		handedBy: string
		receivedBy: string
		note?: string
		actorId: string
	},
) {
	const event = await insertPassportEvent(trx, {
		passport_id: passport.id,
		organisation_id: out.organisationId,
		event: 'handed_out',
		from_state: 'in_safe',
		to_state: 'out',
		plan_id: out.planId,
		happened_on: out.on,
		handed_by: out.handedBy,
		received_by: out.receivedBy,
		note: out.note ?? '',
		actor_id: out.actorId,
	})
	return setPassportState(trx, passport.id, passport.version, {
		state: 'out',
		plan_id: out.planId,
		out_event_id: event.id,
	})
}
