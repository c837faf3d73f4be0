import { z } from 'zod'
import { tooLong } from '#lib/form-errors.ts'

export const NewPasswordSchema = z
	.string({ error: 'error.required' })
	.min(8, { error: 'error.passwordShort' })
	.max(200, { error: tooLong(200) })
