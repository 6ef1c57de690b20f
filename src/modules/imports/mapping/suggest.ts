/**
 * The first guess of the mapping step: which field each column of a file feeds, from its title alone. Titles are
 * folded (case, accents and punctuation do not count) and compared with the synonyms each field declares; a
 * near miss ("Adresse e-mail" for "adresse email", "Telephone portable" for "tel portable") still counts.
 */
import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import type { ColumnMapping, TargetField } from '../import-types.ts';

/** Below this Jaro-Winkler similarity a title and a synonym are not taken for each other. */
const MIN_SIMILARITY = 0.85;

/** Fields a file often spreads over several columns ("Tag 1", "Tag 2"): several columns may feed them. */
const REPEATABLE_FIELDS = new Set(['tags', 'interests']);

/**
 * A header as the synonyms are written: lower case, accents removed, punctuation turned into spaces, single
 * spaces ("E-mail Address" → "e mail address", "Téléphone (bureau)" → "telephone bureau").
 */
export function foldHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Candidate {
  column: number;
  field: TargetField;
  score: number;
}

/**
 * Suggests the field of each column (null = ignored). Exact synonym matches come first, then the closest
 * similarity above the threshold or a title made of a synonym's words; each field is used once, except the list
 * fields (`tags`, `interests`), and the best-scoring column wins a contested field.
 */
export function suggestMapping(headers: readonly string[], fields: readonly TargetField[]): ColumnMapping {
  const candidates: Candidate[] = [];
  headers.forEach((header, column) => {
    const folded = foldHeader(header);
    if (folded === '') return;
    for (const field of fields) {
      const score = matchScore(folded, field);
      if (score >= MIN_SIMILARITY) candidates.push({ column, field, score });
    }
  });
  // Best first; on a tie the earlier column and the earlier field win, so the result is stable.
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || fields.indexOf(a.field) - fields.indexOf(b.field));

  const mapping: ColumnMapping = headers.map(() => null);
  const usedFields = new Set<string>();
  for (const { column, field } of candidates) {
    if (mapping[column] !== null) continue;
    if (usedFields.has(field.key) && !REPEATABLE_FIELDS.has(field.key)) continue;
    mapping[column] = field.key;
    usedFields.add(field.key);
  }
  return mapping;
}

/**
 * How well a folded title names a field: 2 for a synonym or the key itself, 1.5 when the title is a synonym
 * followed by a number ("email 2", "tag 3"), the token match or similarity otherwise (0–1).
 */
function matchScore(folded: string, field: TargetField): number {
  const names = [...field.synonyms.map(foldHeader), foldHeader(field.key.replace(/([a-z])([A-Z])/g, '$1 $2'))];
  let best = 0;
  for (const name of names) {
    if (name === '') continue;
    if (folded === name) return 2;
    if (folded.replace(/ \d+$/, '') === name) best = Math.max(best, 1.5);
    best = Math.max(best, similarity(folded, name), tokenMatch(folded, name));
  }
  return best;
}

/**
 * Jaro-Winkler similarity, for titles of comparable length only: its bonus for a common prefix would otherwise
 * take "code postal" for "code".
 */
function similarity(a: string, b: string): number {
  const ratio = Math.min(a.length, b.length) / Math.max(a.length, b.length);
  return ratio < 0.7 ? 0 : jaroWinkler(a, b);
}

/**
 * 0.9 when every word of a synonym of several words appears in the title and the title adds at most one word
 * ("adresse email perso" for "adresse email"), else 0: such qualifiers are common and similarity misses them. A
 * one-word synonym never matches this way ("nom" must not take "nom societe").
 */
function tokenMatch(folded: string, synonym: string): number {
  const titleWords = folded.split(' ');
  const synonymWords = synonym.split(' ');
  if (synonymWords.length < 2) return 0;
  if (titleWords.length - synonymWords.length > 1 || titleWords.length < synonymWords.length) return 0;
  return synonymWords.every((word) => titleWords.includes(word)) ? 0.9 : 0;
}
