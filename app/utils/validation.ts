import { z } from 'zod'

export const NewPasswordSchema = z
	.string({ error: 'error.required' })
	.min(8, { error: 'error.passwordShort' })
	.max(200, { error: 'error.tooLong' })
