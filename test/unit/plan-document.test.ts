import { expect, test } from 'vitest'
import { membersSentence } from '#workflows/documents/plan-document.ts'

test('the members sentence never states a count its own list contradicts', () => {
	const head = 'Lê Văn Đức, Chủ tịch'
	expect(membersSentence(3, 3, head)).toBe(
		'Đoàn gồm 3 đồng chí, do đồng chí Lê Văn Đức, Chủ tịch làm Trưởng đoàn.',
	)
	expect(membersSentence(5, 3, '')).toBe(
		'Đoàn gồm 5 đồng chí. Danh sách dưới đây gồm 3 đồng chí; 2 đồng chí còn lại sẽ được bổ sung sau.',
	)
	expect(membersSentence(4, 0, '')).toBe(
		'Đoàn gồm 4 đồng chí. Danh sách thành viên đoàn sẽ được bổ sung sau.',
	)
	// More names than the number typed: the names count.
	expect(membersSentence(2, 3, '')).toBe('Đoàn gồm 3 đồng chí.')
	expect(membersSentence(null, 0, '')).toBe('Đoàn gồm … đồng chí.')
})
