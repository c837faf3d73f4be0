import { type annualReportVi } from './annual-report-vi.ts'

export const annualReportEn: Record<keyof typeof annualReportVi, string> = {
	'nav.annualReports': 'Annual reports',
	'annualReport.list': 'Annual foreign-affairs reports',
	'annualReport.new': 'New annual report',
	'annualReport.newHint':
		'The report on year N’s foreign affairs and the plan for N+1. Its tables and figures come from the delegation plans; the text is prefilled for you to edit.',
	'annualReport.create': 'Create report',
	'annualReport.created':
		'Report created, prefilled from the delegation plans.',
	'annualReport.exists':
		'This year’s report already exists; here is the draft.',
	'annualReport.organisation': 'Organisation',
	'annualReport.year': 'Report year (N)',
	'annualReport.number': 'Number',
	'annualReport.date': 'Date',
	'annualReport.updated': 'Last saved',
	'annualReport.none': 'No annual report yet.',
	'annualReport.progress': 'Where the organisations’ reports on {year} stand',
	'annualReport.progressYear': 'Report year',
	'annualReport.progressShow': 'Show',
	'annualReport.progress.missing': 'Not started: {count} {count|organisation|organisations}',
	'annualReport.progress.drafting': 'Drafting, not issued: {count} {count|organisation|organisations}',
	'annualReport.progress.issued': 'Issued: {count} {count|organisation|organisations}',
	'annualReport.progress.issuedAs': 'No. {number}, dated {date}',
	'annualReport.titleOf': 'Year {year} and plan for {next}',
	'annualReport.yearInvalid': 'The year must be a number from 2000 to 2100',
	'annualReport.editTitle':
		'Foreign-affairs report for {year} and plan for {next}',
	'annualReport.lastSaved': 'last saved at {when}',
	'annualReport.print': 'Print view',
	'annualReport.printNow': 'Print',
	'annualReport.backToEditor': 'Back to the editor',
	'annualReport.download': 'Download DOCX',
	'annualReport.header': 'Document header',
	'annualReport.sections': 'Content',
	'annualReport.closing': 'Recipients and signature',
	'annualReport.save': 'Save draft',
	'annualReport.saved': 'Report saved.',
	'annualReport.conflict':
		'Someone else saved this report after you opened it, so your version was not saved. What you typed is still below: copy what you want to keep, reload the page and save again.',
	'annualReport.numberInvalid':
		'The number must look like 323/BC-LĐLĐ (the number may be left out: /BC-LĐLĐ)',
	'annualReport.dateInvalid': 'Invalid date; use dd/mm/yyyy',
	'annualReport.dateYear': 'The report date must be in {from} or {to}',
	'annualReport.tables': 'Tables built from the delegation plans',
	'annualReport.tablesHint':
		'These tables are rebuilt from the delegation plans whenever the report is viewed, printed or downloaded; to change them, edit the plans.',
	'annualReport.field.governing_body': 'Governing body',
	'annualReport.field.number_symbol': 'Number and symbol',
	'annualReport.field.place': 'Place',
	'annualReport.field.report_date': 'Date issued',
	'annualReport.field.request_text': 'In reply to (the request for the report)',
	'annualReport.field.results': '1. Results',
	'annualReport.field.difficulties': '2. Difficulties and shortcomings',
	'annualReport.field.proposals': '3. Proposals',
	'annualReport.field.plan_intro':
		'II. Next year’s plan: text before the tables',
	'annualReport.field.recipients': 'Recipients',
	'annualReport.field.signature_on_behalf': 'Signing authority (TM., KT.)',
	'annualReport.field.signature_title': 'Signer’s title',
	'annualReport.field.signer_name': 'Signer’s full name',
	'annualReport.hint.issued':
		'Issued in the register of outgoing documents: the number and date stay as issued.',
	'annualReport.hint.number':
		'E.g. 323/BC-LĐLĐ; leave the number out if the clerk assigns it later.',
	'annualReport.hint.planIntro':
		'The sentence “Năm …, … dự kiến tổ chức … đoàn ra …” before the tables is written from the submitted plans; put only any further text here.',
	'annualReport.hint.date': 'dd/mm/yyyy',
	'annualReport.hint.request':
		'E.g. Thực hiện Công văn số 1068/SNgv-VP ngày 17/10/2019 của Sở Ngoại vụ về việc …',
	'annualReport.hint.results':
		'Prefilled with the year’s delegations that took place and those that did not (with the reason); one paragraph per line.',
	'annualReport.hint.recipients': 'One recipient per line.',
}
