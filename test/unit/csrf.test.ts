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
		expect(post(undefined, 'none')).toBe(true)
	})

	test('a request with neither Origin nor Sec-Fetch-Site cannot prove where it comes from: refused', () => {
		expect(post(undefined)).toBe(true)
		expect(post('')).toBe(true)
	})

	test('Sec-Fetch-Site decides over Origin when a browser sends both', () => {
		expect(post(`https://${host}`, 'same-site')).toBe(true)
		expect(post(`https://${host}`, 'cross-site')).toBe(true)
	})

	test('behind a trusted proxy, the forwarded host counts as ours', () => {
		expect(isCrossSiteRequest({ method: 'POST', origin: `https://${host}`, host: ['127.0.0.1:3000', host], fetchSite: undefined })).toBe(false)
		expect(isCrossSiteRequest({ method: 'POST', origin: 'https://evil.example.com', host: ['127.0.0.1:3000', undefined], fetchSite: undefined })).toBe(true)
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
