import { formatNumber } from './format.ts'

/** An error message key with parameters, carried as one string through form replies. */
export function errorWithParams(
	key: string,
	params: Record<string, string | number>,
) {
	return `${key}::${JSON.stringify(params)}`
}

export function splitErrorParams(
	error: string,
): [string, Record<string, string | number> | undefined] {
	const at = error.indexOf('::')
	if (at < 0) return [error, undefined]
	try {
		return [error.slice(0, at), JSON.parse(error.slice(at + 2))]
	} catch {
		return [error.slice(0, at), undefined]
	}
}

/** A text over `max` characters: the message says the limit. */
export const tooLong = (max: number) =>
	errorWithParams('error.tooLongChars', { max: formatNumber(max) })
