/**
 * Malformed and hostile form posts, generated from a fixed seed, for the body limits' tests
 * (in-process and against the real server). Each case says whether it must be refused before
 * any action runs (400/413) or may reach the action (then anything but a 5xx is fine).
 */

export type FuzzCase = {
	what: string
	path: string
	contentType: string | null
	body: Buffer
	/** Refused by the body limits: 400 or 413, and nothing changes. */
	refused: boolean
}

/** mulberry32: small, fast and the same sequence everywhere for one seed. */
export function random(seed: number) {
	let a = seed >>> 0
	return () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

type Part = [
	name: string,
	value: string | Buffer | { filename: string; content: Buffer },
]

export function multipartBody(
	parts: Part[],
	boundary: string,
	{ eol = '\r\n', close = true }: { eol?: string; close?: boolean } = {},
) {
	const chunks: Buffer[] = []
	for (const [name, value] of parts) {
		const file =
			typeof value === 'object' && !Buffer.isBuffer(value) ? value : null
		chunks.push(
			Buffer.from(
				`--${boundary}${eol}Content-Disposition: form-data; name="${name}"${file ? `; filename="${file.filename}"${eol}Content-Type: application/octet-stream` : ''}${eol}${eol}`,
			),
		)
		chunks.push(
			file
				? file.content
				: Buffer.isBuffer(value)
					? value
					: Buffer.from(value as string),
		)
		chunks.push(Buffer.from(eol))
	}
	if (close) chunks.push(Buffer.from(`--${boundary}--${eol}`))
	return Buffer.concat(chunks)
}

export function urlEncoded(fields: [string, string][]) {
	return Buffer.from(
		fields
			.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
			.join('&'),
	)
}

export const URLENCODED = 'application/x-www-form-urlencoded'

/**
 * The app's forms and the fields they take; `{plan}` is a plan the poster may edit, `people`
 * a person of the poster's directory and one of their passports, `answerPath` a report
 * request's answer it may write.
 */
export function fuzzForms(
	planId: string,
	people?: { personId: string; passportId: string },
	answerPath?: string,
) {
	return {
		multipart: [`/plans/new`, `/plans/${planId}/edit`, '/requests/new'],
		urlencoded: [
			'/login',
			'/forgot-password',
			'/settings',
			'/substitutes',
			`/plans/${planId}`,
			`/plans/${planId}/report`,
			'/admin/users/new',
			'/partners/new',
			'/admin/calendar',
			'/documents',
			'/people/new',
			...(people
				? [
						`/people/${people.personId}`,
						`/people/${people.personId}/edit`,
						`/passports/${people.passportId}`,
					]
				: []),
			...(answerPath ? [answerPath] : []),
		],
	}
}

const FIELD_NAMES = [
	'name',
	'email',
	'password',
	'intent',
	'version',
	'plan_year',
	'direction',
	'activities',
	'members[0].full_name',
	'budget[0].amount',
	'comment',
	'locale',
	'full_name',
	'number',
	'happened_on',
	'plan_id',
]
const VALUES = [
	'Đoàn ra Lào 2027',
	'Nguyễn Văn An',
	'',
	'save',
	'2027',
	'out',
	'1',
	'x'.repeat(50),
	'Hội đàm\r\nthăm CĐCS\t(2 ngày)',
]
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085']
const BAD_ESCAPES = ['%C3%28', '%FF', '%E1%BA', '%ED%A0%80', '%zz', '%E', '%']

export function fuzzCases(
	seed: number,
	count: number,
	planId: string,
	people?: { personId: string; passportId: string },
	answerPath?: string,
): FuzzCase[] {
	const next = random(seed)
	const pick = <T>(items: readonly T[]) =>
		items[Math.floor(next() * items.length)]!
	const forms = fuzzForms(planId, people, answerPath)
	const anyPath = () => pick([...forms.multipart, ...forms.urlencoded])
	const validFields = (): [string, string][] =>
		Array.from({ length: 1 + Math.floor(next() * 5) }, () => [
			pick(FIELD_NAMES),
			pick(VALUES),
		])
	const boundary = () => `----fuzz${Math.floor(next() * 1e9)}`
	const generators: (() => FuzzCase)[] = [
		() => {
			const path = pick(forms.urlencoded)
			return {
				what: 'a well-formed urlencoded post',
				path,
				contentType: URLENCODED,
				body: urlEncoded(validFields()),
				refused: false,
			}
		},
		() => {
			const b = boundary()
			const parts: Part[] = [
				...validFields(),
				['attachments', { filename: '', content: Buffer.alloc(0) }],
			]
			return {
				what: 'a well-formed multipart post',
				path: pick(forms.multipart),
				contentType: `multipart/form-data; boundary=${b}`,
				body: multipartBody(parts, b),
				refused: false,
			}
		},
		() => {
			const fields = validFields()
			fields.push([pick(FIELD_NAMES), `Tên${pick(CONTROLS)}đoàn`])
			return {
				what: 'a control character in a value',
				path: pick(forms.urlencoded),
				contentType: URLENCODED,
				body: urlEncoded(fields),
				refused: true,
			}
		},
		() => {
			const b = boundary()
			const parts: Part[] = [
				...validFields(),
				[pick(FIELD_NAMES), `a${pick(CONTROLS)}b`],
			]
			return {
				what: 'a control character in a multipart value',
				path: pick(forms.multipart),
				contentType: `multipart/form-data; boundary=${b}`,
				body: multipartBody(parts, b),
				refused: true,
			}
		},
		() => ({
			what: 'a broken escape or invalid UTF-8 in a urlencoded name or value',
			path: pick(forms.urlencoded),
			contentType: URLENCODED,
			body: Buffer.from(
				next() < 0.5
					? `na${pick(BAD_ESCAPES)}me=x&email=a`
					: `name=T${pick(BAD_ESCAPES)}n`,
			),
			refused: true,
		}),
		() => {
			const b = boundary()
			const bad = Buffer.from([
				0x54,
				0xc3,
				0x28,
				pick([0xff, 0xfe, 0xc0, 0x80]),
			])
			const body =
				next() < 0.5
					? multipartBody([['name', bad]], b)
					: Buffer.concat([
							Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="na`),
							bad,
							Buffer.from(`me"\r\n\r\nx\r\n--${b}--\r\n`),
						])
			return {
				what: 'invalid UTF-8 in a multipart part',
				path: pick(forms.multipart),
				contentType: `multipart/form-data; boundary=${b}`,
				body,
				refused: true,
			}
		},
		() => {
			const index = pick([200, 999, 4000, 100000, 999999999])
			const name = `${pick(['members', 'budget', 'participants', 'steps'])}[${index}].${pick(['full_name', 'amount', 'payer'])}`
			const multipart = next() < 0.5
			const b = boundary()
			return multipart
				? {
						what: `a list index of ${index} (multipart)`,
						path: pick(forms.multipart),
						contentType: `multipart/form-data; boundary=${b}`,
						body: multipartBody([[name, 'x']], b),
						refused: true,
					}
				: {
						what: `a list index of ${index}`,
						path: pick(forms.urlencoded),
						contentType: URLENCODED,
						body: urlEncoded([[name, 'x']]),
						refused: true,
					}
		},
		() => {
			const b = boundary()
			const parts: Part[] = [
				...validFields(),
				['activities', 'x'.repeat(300 * 1024)],
			]
			return {
				what: 'a text value over 256 KB',
				path: pick(forms.multipart),
				contentType: `multipart/form-data; boundary=${b}`,
				body: multipartBody(parts, b),
				refused: true,
			}
		},
		() => ({
			what: 'a urlencoded body over 1 MB',
			path: pick(forms.urlencoded),
			contentType: URLENCODED,
			body: urlEncoded([['comment', 'y'.repeat(1100 * 1024)]]),
			refused: true,
		}),
		() => {
			const b = boundary()
			const whole = multipartBody(validFields(), b)
			return {
				what: 'a multipart body cut off',
				path: pick(forms.multipart),
				contentType: `multipart/form-data; boundary=${b}`,
				body: whole.subarray(0, Math.floor(next() * (whole.length - 4))),
				refused: true,
			}
		},
		() => {
			const b = boundary()
			return {
				what: 'a multipart body with LF line ends',
				path: pick(forms.multipart),
				contentType: `multipart/form-data; boundary=${b}`,
				body: multipartBody(validFields(), b, { eol: '\n' }),
				refused: true,
			}
		},
		() => {
			const b = boundary()
			return {
				what: 'a multipart part with name=""',
				path: pick(forms.multipart),
				contentType: `multipart/form-data; boundary=${b}`,
				body: multipartBody([...validFields(), ['', 'x']], b),
				refused: true,
			}
		},
		() => ({
			what: 'multipart without a boundary',
			path: anyPath(),
			contentType: 'multipart/form-data',
			body: multipartBody(validFields(), 'xyz'),
			refused: true,
		}),
		() => ({
			what: 'a body that is not a form',
			path: anyPath(),
			contentType: pick([
				'application/json',
				'text/plain',
				'application/xml',
				null,
			]),
			body: Buffer.from(pick(['{"name":"x"}', 'name=x', '<a/>', ''])),
			refused: true,
		}),
		() => ({
			what: 'a urlencoded body on a multipart form',
			path: pick(forms.multipart),
			contentType: URLENCODED,
			body: urlEncoded(validFields()),
			refused: true,
		}),
		() => ({
			what: 'too many fields',
			path: pick(forms.urlencoded),
			contentType: URLENCODED,
			body: Buffer.from(
				Array.from({ length: 6000 }, (_, i) => `f${i}=1`).join('&'),
			),
			refused: true,
		}),
	]
	return Array.from({ length: count }, () => pick(generators)())
}
