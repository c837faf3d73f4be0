import { type FieldMetadata, getSelectProps } from '@conform-to/react'
import { ErrorList, Field } from '#app/components/forms.tsx'
import { useT } from '#app/utils/i18n.tsx'
import { ROLES } from '#lib/enums.ts'

/** The organisation a user belongs to, among those the admin may choose. */
export function OrganisationField({
	field,
	organisations,
}: {
	field: FieldMetadata<string, any, string[]>
	organisations: { id: string; name_vi: string }[]
}) {
	const t = useT()
	return (
		<Field label={t('user.organisation')} errors={field.errors}>
			{props => (
				<select {...getSelectProps(field)} {...props}>
					{organisations.map(org => (
						<option key={org.id} value={org.id}>
							{org.name_vi}
						</option>
					))}
				</select>
			)}
		</Field>
	)
}

/** A user's roles as checkboxes; at least one is required by the schemas that use it. */
export function RolesFieldset({
	field,
}: {
	field: { name: string; value?: unknown; errors?: string[]; errorId: string }
}) {
	const t = useT()
	// One checked box comes back from the form as a string, several as an array.
	const checked = new Set<unknown>([field.value ?? []].flat())
	return (
		<fieldset className="field">
			<legend>{t('user.roles')}</legend>
			<div className="checks">
				{ROLES.map(role => (
					<label key={role}>
						<input
							type="checkbox"
							name={field.name}
							value={role}
							defaultChecked={checked.has(role)}
						/>
						{t(`role.${role}`)}
					</label>
				))}
			</div>
			<ErrorList id={field.errorId} errors={field.errors} />
		</fieldset>
	)
}
