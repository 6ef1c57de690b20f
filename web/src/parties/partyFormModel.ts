/**
 * The creation form of a person or an organisation: its flat fields, and the API body they make. Blank fields
 * are left out rather than sent empty, so the server's defaults and checks apply. Pure.
 */
import type { OrganisationCreateBody, PersonCreateBody } from '../../../src/modules/parties/party-schemas.ts';
import { ApiError } from '../app/api.ts';
import type { PartyKind, PartyRole } from './partyTypes.ts';

export interface PartyFormValues {
  civility: string | null;
  firstName: string;
  lastName: string;
  legalName: string;
  tradeName: string;
  siret: string;
  nafCode: string;
  headcountBand: string | null;
  website: string;
  email: string;
  phone: string;
  line1: string;
  postcode: string;
  city: string;
  roles: PartyRole[];
  tags: string[];
}

export const EMPTY_PARTY_FORM: PartyFormValues = {
  civility: null,
  firstName: '',
  lastName: '',
  legalName: '',
  tradeName: '',
  siret: '',
  nafCode: '',
  headcountBand: null,
  website: '',
  email: '',
  phone: '',
  line1: '',
  postcode: '',
  city: '',
  roles: [],
  tags: [],
};

function filled(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Contact points and roles, shared by both kinds. An address is sent once any of its fields is filled. */
function common(values: PartyFormValues, addressType: 'home' | 'head_office') {
  const email = filled(values.email);
  const phone = filled(values.phone);
  const line1 = filled(values.line1);
  const postcode = filled(values.postcode);
  const city = filled(values.city);
  const tags = values.tags.map((t) => t.trim()).filter(Boolean);
  return {
    ...(email && { emails: [{ email }] }),
    ...(phone && { phones: [{ phone }] }),
    // line1 and city are required by the API: a partial address gets the server's message on the missing field.
    ...((line1 || postcode || city) && {
      addresses: [{ type: addressType, line1: line1 ?? '', city: city ?? '', ...(postcode && { postcode }) }],
    }),
    ...(values.roles.length > 0 && { roles: values.roles }),
    ...(tags.length > 0 && { tags: [...new Set(tags)] }),
  };
}

export function personBody(values: PartyFormValues): PersonCreateBody {
  const firstName = filled(values.firstName);
  return {
    ...(values.civility && { civility: values.civility as PersonCreateBody['civility'] }),
    ...(firstName && { firstName }),
    lastName: values.lastName.trim(),
    ...common(values, 'home'),
  };
}

export function organisationBody(values: PartyFormValues): OrganisationCreateBody {
  const optional = { tradeName: filled(values.tradeName), siret: filled(values.siret), nafCode: filled(values.nafCode), website: filled(values.website) };
  return {
    legalName: values.legalName.trim(),
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    ...(values.headcountBand && { headcountBand: values.headcountBand }),
    ...common(values, 'head_office'),
  };
}

export function partyBody(kind: PartyKind, values: PartyFormValues): PersonCreateBody | OrganisationCreateBody {
  return kind === 'person' ? personBody(values) : organisationBody(values);
}

/**
 * The form field an API issue is about: `body.emails[0].email` → `email`, `body.addresses[0].line1` → `line1`,
 * `body.lastName` → `lastName`. Issues on a whole list (`body.emails`) go to its field too.
 */
export function formFieldOf(issueField: string): string {
  const path = issueField.replace(/^body\./, '');
  const list = /^(emails|phones|addresses)(\[\d+\])?(?:\.(\w+))?$/.exec(path);
  if (list) {
    const [, name, , leaf] = list;
    if (leaf) return leaf;
    return name === 'emails' ? 'email' : name === 'phones' ? 'phone' : 'line1';
  }
  return path.replace(/\[\d+\]$/, '');
}

/** The API's field issues by form field (the first rule broken on each), to show under the inputs. */
export function formIssues(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const issues: Record<string, string> = {};
  for (const issue of error.issues) issues[formFieldOf(issue.field)] ??= issue.rule;
  return issues;
}
