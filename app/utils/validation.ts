import { z } from 'zod'
import { ROLES } from '#lib/enums.ts'
import { tooLong } from '#lib/form-errors.ts'

export const NewPasswordSchema = z
	.string({ error: 'error.required' })
	.min(8, { error: 'error.passwordShort' })
	.max(200, { error: tooLong(200) })

/** A user's name, title, organisation and roles, as the admin's new-user and edit forms take them. */
export const UserProfileFields = {
	full_name: z
		.string({ error: 'error.required' })
		.trim()
		.min(1, { error: 'error.required' })
		.max(200, { error: tooLong(200) }),
	title: z
		.string()
		.trim()
		.max(200, { error: tooLong(200) })
		.optional(),
	organisation_id: z.uuid({ error: 'error.invalidChoice' }),
	roles: z
		.array(z.enum(ROLES, { error: 'error.invalidChoice' }), {
			error: 'user.rolesRequired',
		})
		.min(1, { error: 'user.rolesRequired' }),
}
