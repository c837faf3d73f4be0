import { type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { getAgreementFile } from '#db/repos/partner.server.ts'
import { notFound } from '#workflows/access/permissions.server.ts'
import {
	canSeeRecord,
	requirePartner,
} from '#workflows/partners/partner-access.server.ts'
import { requirePartnerReader } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requirePartnerReader(request)
			const partner = await requirePartner(params.partnerId)
			const id = z.uuid().safeParse(params.agreementId)
			const file = id.success
				? await getAgreementFile(db, partner.id, id.data)
				: undefined
			if (!file?.file_data || !canSeeRecord(user, file.organisation_id))
				throw notFound()
			return new Response(Buffer.from(file.file_data), {
				headers: {
					'Content-Type': file.file_content_type ?? 'application/octet-stream',
					'Content-Length': String(file.file_size ?? file.file_data.byteLength),
					'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name ?? 'file')}`,
					'Cache-Control': 'private, no-store',
				},
			})
		},
	)
