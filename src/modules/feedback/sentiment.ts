/**
 * The sentiment of a piece of feedback when the person recording it gave none: what the scores say (NPS 9–10 or
 * CSAT 4–5 positive, NPS 0–6 or CSAT 1–2 negative), combined with a small French and English lexicon read over
 * the verbatim. A negation ("pas", "jamais", "not", "never", …) turns the next opinion word around ("pas
 * satisfait" is negative, "pas mal" positive); punctuation ends its reach. Pure and deterministic.
 */
export const SENTIMENTS = ['positive', 'neutral', 'negative', 'mixed'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export interface SentimentInput {
  nps?: number | null;
  csat?: number | null;
  verbatim?: string | null;
}

/** Words are compared without accents and in lower case. */
const POSITIVE_WORDS = new Set([
  // French
  'bien', 'bon', 'bonne', 'bons', 'bonnes', 'excellent', 'excellente', 'parfait', 'parfaite', 'parfaitement', 'super', 'genial', 'geniale',
  'merci', 'rapide', 'rapidement', 'efficace', 'efficaces', 'satisfait', 'satisfaite', 'satisfaits', 'content', 'contente', 'ravi', 'ravie',
  'agreable', 'aimable', 'aimables', 'professionnel', 'professionnelle', 'recommande', 'recommanderai', 'top', 'impeccable', 'bravo',
  'serviable', 'sympathique', 'clair', 'claire', 'simple', 'facile', 'fiable', 'qualite', 'conforme', 'ponctuel', 'ponctuelle', 'reactif',
  'reactive', 'competent', 'competente', 'soigne', 'soignee',
  // English
  'good', 'great', 'excellent', 'perfect', 'perfectly', 'fast', 'quick', 'quickly', 'helpful', 'friendly', 'love', 'loved', 'happy',
  'satisfied', 'recommend', 'easy', 'nice', 'thanks', 'thank', 'awesome', 'amazing', 'efficient', 'reliable', 'polite', 'smooth', 'fine',
]);

const NEGATIVE_WORDS = new Set([
  // French
  'mauvais', 'mauvaise', 'nul', 'nulle', 'lent', 'lente', 'lenteur', 'retard', 'retarde', 'retardee', 'casse', 'cassee', 'abime', 'abimee',
  'defectueux', 'defectueuse', 'probleme', 'problemes', 'decu', 'decue', 'decevant', 'decevante', 'deception', 'inadmissible', 'honteux',
  'horrible', 'cher', 'chere', 'erreur', 'erreurs', 'panne', 'insatisfait', 'insatisfaite', 'mecontent', 'mecontente', 'desagreable',
  'impoli', 'incompetent', 'incompetente', 'inacceptable', 'arnaque', 'perdu', 'perdue', 'mal', 'pire', 'catastrophe', 'catastrophique',
  'plainte', 'rembourser', 'injoignable', 'attente', 'complique', 'compliquee',
  // English
  'bad', 'poor', 'slow', 'late', 'broken', 'damaged', 'defective', 'problem', 'problems', 'issue', 'issues', 'disappointed',
  'disappointing', 'terrible', 'awful', 'horrible', 'expensive', 'rude', 'wrong', 'error', 'useless', 'worst', 'worse', 'unhappy',
  'unacceptable', 'lost', 'complaint', 'angry', 'annoying', 'unreachable',
]);

/** Words that turn the next opinion word around. */
const NEGATIONS = new Set(['pas', 'jamais', 'aucun', 'aucune', 'rien', 'ni', 'sans', 'guere', 'not', 'no', 'never', 'nothing', 'without', 'nor']);

/** How many words a negation reaches forward, at most, to find the opinion word it turns around. */
const NEGATION_REACH = 3;

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/n['’]t\b/g, ' not');
}

/** Opinion words found in `text`, negations applied: how many count as positive and how many as negative. */
export function lexiconCounts(text: string): { positive: number; negative: number } {
  let positive = 0;
  let negative = 0;
  // Sentences and clauses are read separately: a negation never reaches past punctuation.
  for (const clause of fold(text).split(/[.,;:!?()\n]+/)) {
    let negationLeft = 0;
    for (const word of clause.split(/[^a-z0-9]+/).filter(Boolean)) {
      if (NEGATIONS.has(word)) {
        negationLeft = NEGATION_REACH;
        continue;
      }
      const polarity = POSITIVE_WORDS.has(word) ? 1 : NEGATIVE_WORDS.has(word) ? -1 : 0;
      if (polarity !== 0) {
        const counted = negationLeft > 0 ? -polarity : polarity;
        if (counted > 0) positive += 1;
        else negative += 1;
        negationLeft = 0;
      } else if (negationLeft > 0) {
        negationLeft -= 1;
      }
    }
  }
  return { positive, negative };
}

/** The label of some evidence for and against: one side clearly ahead (twice the other) wins, else mixed. */
function weigh(positive: number, negative: number): Sentiment | null {
  if (positive === 0 && negative === 0) return null;
  if (negative === 0 || positive >= 2 * negative) return 'positive';
  if (positive === 0 || negative >= 2 * positive) return 'negative';
  return 'mixed';
}

function scoreSentiment(nps: number | null | undefined, csat: number | null | undefined): Sentiment | null {
  const signals: Sentiment[] = [];
  if (nps !== null && nps !== undefined) signals.push(nps >= 9 ? 'positive' : nps <= 6 ? 'negative' : 'neutral');
  if (csat !== null && csat !== undefined) signals.push(csat >= 4 ? 'positive' : csat <= 2 ? 'negative' : 'neutral');
  if (signals.length === 0) return null;
  const polar = signals.filter((s) => s !== 'neutral');
  if (polar.length === 0) return 'neutral';
  return polar.every((s) => s === polar[0]) ? polar[0]! : 'mixed';
}

/** The sentiment the scores and the verbatim express together; neutral when neither says anything. */
export function deriveSentiment(input: SentimentInput): Sentiment {
  const fromScores = scoreSentiment(input.nps, input.csat);
  const counts = input.verbatim ? lexiconCounts(input.verbatim) : { positive: 0, negative: 0 };
  const fromText = weigh(counts.positive, counts.negative);
  if (!fromText) return fromScores ?? 'neutral';
  if (!fromScores || fromScores === 'neutral') return fromText;
  return fromScores === fromText ? fromText : 'mixed';
}
