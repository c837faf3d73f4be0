import { describe, expect, test } from 'vitest'
import { isCrossSiteRequest } from '#app/utils/csrf.server.ts'

const host = 'doingoai.example.vn'
const post = (origin: string | undefined, fetchSite?: string) =>
	isCrossSiteRequest({ method: 'POST', origin, host, fetchSite })

describe('isCrossSiteRequest', () => {
	test('lets a form posted from our own pages through', () => {
		expect(post(`https://${host}`)).toBe(false)
		expect(post(`https://${host}`, 'same-origin')).toBe(false)
	})

	test('refuses a post from another site', () => {
		expect(post('https://evil.example.com')).toBe(true)
		expect(post(`https://${host}.evil.example.com`)).toBe(true)
	})

	test('compares the port as well as the name', () => {
		expect(isCrossSiteRequest({ method: 'POST', origin: 'http://localhost:3000', host: 'localhost:3000', fetchSite: undefined })).toBe(false)
		expect(isCrossSiteRequest({ method: 'POST', origin: 'http://localhost:4000', host: 'localhost:3000', fetchSite: undefined })).toBe(true)
	})

	test('refuses an opaque ("null") or malformed origin', () => {
		expect(post('null')).toBe(true)
		expect(post('not a url')).toBe(true)
	})

	test('without Origin, falls back to Sec-Fetch-Site', () => {
		expect(post(undefined, 'cross-site')).toBe(true)
		expect(post(undefined, 'same-site')).toBe(true)
		expect(post(undefined, 'same-origin')).toBe(false)
		// Non-browser clients (curl, monitoring) send neither header.
		expect(post(undefined)).toBe(false)
	})

	test('never blocks safe methods, whatever their origin', () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
			expect(isCrossSiteRequest({ method, origin: 'https://evil.example.com', host, fetchSite: 'cross-site' })).toBe(false)
		}
		for (const method of ['PUT', 'PATCH', 'DELETE']) {
			expect(isCrossSiteRequest({ method, origin: 'https://evil.example.com', host, fetchSite: undefined })).toBe(true)
		}
	})
})
