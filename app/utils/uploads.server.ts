import {
	unstable_composeUploadHandlers as composeUploadHandlers,
	unstable_createMemoryUploadHandler as createMemoryUploadHandler,
	unstable_parseMultipartFormData as parseMultipartFormData,
	type UploadHandler,
} from '@remix-run/node'
import {
	MAX_ATTACHMENT_BYTES,
	TOO_LARGE,
} from '#workflows/plans/attachments.server.ts'

/** Keeps at most the allowed size of each file in memory; a larger file is kept as an empty marker. */
const fileHandler: UploadHandler = async ({ filename, contentType, data }) => {
	if (!filename) return undefined
	const chunks: BlobPart[] = []
	let size = 0
	for await (const chunk of data) {
		size += chunk.byteLength
		if (size <= MAX_ATTACHMENT_BYTES)
			chunks.push(chunk as Uint8Array<ArrayBuffer>)
	}
	if (size > MAX_ATTACHMENT_BYTES)
		return new File([], filename, { type: TOO_LARGE })
	return new File(chunks, filename, { type: contentType })
}

export const uploadHandler = composeUploadHandlers(
	fileHandler,
	createMemoryUploadHandler({ maxPartSize: 1024 * 1024 }),
)

/** A multipart form with its files in memory (the domain checks them: workflows/plans/). */
export function parseUploadForm(request: Request) {
	return parseMultipartFormData(request, uploadHandler)
}
