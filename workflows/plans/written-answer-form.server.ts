import { type WrittenAnswerInput } from '#db/repos/written-answer.server.ts'
import { ANSWER_KINDS, type AnswerKind } from '#db/schema.ts'
import { checkUpload } from './attachments.server.ts'
import { parseDate } from '#lib/format.ts'
import { tooLong } from '#lib/form-errors.ts'

export type AnswerErrors = Partial<
	Record<
		| 'answer_kind'
		| 'answer_number'
		| 'answer_date'
		| 'answer_signer'
		| 'answer_file',
		string[]
	>
>

/**
 * The written answer of a decision form: none when every field is empty; otherwise every field
 * is required, and the file must be a PDF by its content (the attachments' check).
 */
export async function parseWrittenAnswer(
	formData: FormData,
): Promise<
	| { answer: WrittenAnswerInput | null; errors?: undefined }
	| { answer?: undefined; errors: AnswerErrors }
> {
	const text = (name: string) => String(formData.get(name) ?? '').trim()
	const kind = text('answer_kind')
	const number = text('answer_number')
	const date = text('answer_date')
	const signer = text('answer_signer')
	const file = formData.get('answer_file')
	const hasFile = file instanceof File && file.size > 0
	if (!number && !date && !signer && !hasFile) return { answer: null }
	const errors: AnswerErrors = {}
	if (!ANSWER_KINDS.includes(kind as AnswerKind))
		errors.answer_kind = ['error.invalidChoice']
	if (!number) errors.answer_number = ['error.required']
	else if (number.length > 60) errors.answer_number = [tooLong(60)]
	const issuedOn = parseDate(date)
	if (!issuedOn) errors.answer_date = ['answer.dateInvalid']
	if (!signer) errors.answer_signer = ['error.required']
	else if (signer.length > 200) errors.answer_signer = [tooLong(200)]
	let upload: Awaited<ReturnType<typeof checkUpload>> | null = null
	if (!hasFile) errors.answer_file = ['answer.fileRequired']
	else {
		upload = await checkUpload(file)
		if (!upload.ok) errors.answer_file = [upload.message]
		else if (upload.content_type !== 'application/pdf')
			errors.answer_file = ['answer.pdfOnly']
	}
	if (Object.keys(errors).length || !upload?.ok || !issuedOn) return { errors }
	return {
		answer: {
			kind: kind as AnswerKind,
			number,
			issued_on: issuedOn,
			signer,
			file: {
				file_name: upload.file_name,
				size: upload.size,
				sha256: upload.sha256,
				data: upload.data,
			},
		},
	}
}
