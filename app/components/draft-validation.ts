import { type Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useRef } from 'react'
import { type z } from 'zod'

/**
 * Client checks for a form with a "save draft" and a "submit" button (name="intent"): before a
 * submission only the draft's checks run; once submit was pressed, the form checks what the
 * server will, so fields still missing keep their messages while another one is corrected.
 */
export function useDraftOrSubmitValidation<Schema extends z.ZodType>({
	draft,
	submit,
	submitIntents = ['submit'],
	submitting: initiallySubmitting = false,
}: {
	draft: Schema
	submit: Schema
	submitIntents?: string[]
	submitting?: boolean
}) {
	const submitting = useRef(initiallySubmitting)
	return ({
		formData,
		submitter,
	}: {
		formData: FormData
		submitter: HTMLInputElement | HTMLButtonElement | null
	}) => {
		if (submitter?.name === 'intent')
			submitting.current = submitIntents.includes(submitter.value)
		// Typed by what the form holds (amounts as typed text): the form reads the checks' errors,
		// never their parsed value, which the server takes from its own parse.
		return parseWithZod(formData, {
			schema: submitting.current ? submit : draft,
		}) as Submission<z.input<Schema>, string[], z.input<Schema>>
	}
}
