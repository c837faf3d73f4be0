import { createHash } from 'node:crypto'

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
export const MAX_ATTACHMENTS = 20

const TYPES = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	jpg: 'image/jpeg',
	png: 'image/png',
} as const
type Kind = keyof typeof TYPES

function startsWith(bytes: Uint8Array, signature: number[]) {
	return signature.every((byte, i) => bytes[i] === byte)
}

/** The file's real type from its first bytes (and, for Office files, the parts the zip holds). */
export function detectKind(bytes: Uint8Array): Kind | null {
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
		return 'png'
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg'
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
		// Zip entry names are stored as plain text in the local and central headers.
		const names = Buffer.from(bytes).toString('latin1')
		if (names.includes('word/document.xml')) return 'docx'
		if (names.includes('xl/workbook.xml')) return 'xlsx'
	}
	return null
}

function extensionKind(fileName: string): Kind | null {
	const ext = fileName.toLowerCase().split('.').pop()
	if (ext === 'jpeg') return 'jpg'
	return ext && ext in TYPES ? (ext as Kind) : null
}

/** The type the upload handlers give the empty stand-in for a file over the size limit. */
export const TOO_LARGE = 'application/x-too-large'

export type UploadCheck =
	| {
			ok: true
			file_name: string
			content_type: string
			size: number
			sha256: string
			data: Uint8Array
	  }
	| {
			ok: false
			message: 'attachment.fileTooLarge' | 'attachment.fileType'
			name: string
	  }

/** Accepts a file only when its name and its content agree on an allowed type. */
export async function checkUpload(file: File): Promise<UploadCheck> {
	const name = file.name.replace(/[\\/]/g, '_').slice(0, 200)
	if (file.size > MAX_ATTACHMENT_BYTES || file.type === TOO_LARGE)
		return { ok: false, message: 'attachment.fileTooLarge', name }
	const data = new Uint8Array(await file.arrayBuffer())
	const kind = detectKind(data)
	if (!kind || kind !== extensionKind(name))
		return { ok: false, message: 'attachment.fileType', name }
	const sha256 = createHash('sha256').update(data).digest('hex')
	return {
		ok: true,
		file_name: name,
		content_type: TYPES[kind],
		size: data.byteLength,
		sha256,
		data,
	}
}
