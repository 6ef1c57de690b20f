/**
 * Sentiment derived from scores and verbatims: known answers in French and English, negations, the way scores
 * and words combine; and properties over any input (always one of the labels; a negation never turns a clearly
 * negative verbatim positive).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { deriveSentiment, lexiconCounts, SENTIMENTS } from '../../src/modules/feedback/sentiment.ts';

test('scores alone: NPS 9–10 and CSAT 4–5 positive, NPS 0–6 and CSAT 1–2 negative, the rest neutral', () => {
  const cases: [number | null, number | null, string][] = [
    [10, null, 'positive'],
    [9, 5, 'positive'],
    [8, null, 'neutral'],
    [7, 3, 'neutral'],
    [6, null, 'negative'],
    [0, 1, 'negative'],
    [null, 4, 'positive'],
    [null, 2, 'negative'],
    [10, 1, 'mixed'],
    [8, 5, 'positive'],
    [null, null, 'neutral'],
  ];
  for (const [nps, csat, expected] of cases) assert.equal(deriveSentiment({ nps, csat }), expected, `nps ${nps}, csat ${csat}`);
});

test('verbatims in French and English, accents and case ignored', () => {
  const cases: [string, string][] = [
    ['Livraison rapide, livreur très aimable. Merci !', 'positive'],
    ['Colis arrivé en RETARD et carton abîmé', 'negative'],
    ['Great service, very helpful staff', 'positive'],
    ['The parcel was late and the box was damaged', 'negative'],
    ['Produit conforme mais livraison en retard', 'mixed'],
    ['Commande numéro 12, reçue mardi', 'neutral'],
    ['', 'neutral'],
  ];
  for (const [verbatim, expected] of cases) assert.equal(deriveSentiment({ verbatim }), expected, verbatim);
});

test('a negation turns the next opinion word around, and stops at punctuation', () => {
  assert.equal(deriveSentiment({ verbatim: 'Je ne suis pas satisfait' }), 'negative');
  assert.equal(deriveSentiment({ verbatim: "Ce n'est jamais rapide avec vous" }), 'negative');
  assert.equal(deriveSentiment({ verbatim: 'The agent was not helpful' }), 'negative');
  assert.equal(deriveSentiment({ verbatim: "I didn't like it, it wasn't good" }), 'negative');
  assert.equal(deriveSentiment({ verbatim: 'Pas mal du tout' }), 'positive');
  assert.equal(deriveSentiment({ verbatim: 'Livré sans problème' }), 'positive');
  assert.equal(deriveSentiment({ verbatim: 'Never late, never broken' }), 'positive');
  // The negation reaches the first opinion word only: "pas satisfait, déçu" stays twice negative.
  assert.deepEqual(lexiconCounts('pas satisfait déçu'), { positive: 0, negative: 2 });
  // Punctuation ends its reach.
  assert.deepEqual(lexiconCounts('pas. rapide'), { positive: 1, negative: 0 });
  assert.deepEqual(lexiconCounts('not bad, slow'), { positive: 1, negative: 1 });
});

test('scores and words together: agreement wins, disagreement is mixed, neutral scores defer to the words', () => {
  assert.equal(deriveSentiment({ nps: 10, verbatim: 'Parfait, merci' }), 'positive');
  assert.equal(deriveSentiment({ nps: 2, verbatim: 'Service nul, jamais rapide' }), 'negative');
  assert.equal(deriveSentiment({ nps: 10, verbatim: 'Livraison en retard' }), 'mixed');
  assert.equal(deriveSentiment({ nps: 7, verbatim: 'Livraison en retard' }), 'negative');
  assert.equal(deriveSentiment({ csat: 3, verbatim: 'Très bon accueil' }), 'positive');
  assert.equal(deriveSentiment({ nps: 1, verbatim: 'Commande 42' }), 'negative');
});

const POSITIVE = ['satisfait', 'rapide', 'bon', 'parfait', 'aimable', 'good', 'helpful', 'happy', 'great', 'efficace'];
const NEGATIVE = ['retard', 'cassé', 'déçu', 'nul', 'lent', 'late', 'broken', 'rude', 'terrible', 'abîmé'];
const NEGATORS = ['pas', 'jamais', 'not', 'never', 'aucun', 'sans'];
const FILLER = ['le', 'colis', 'livreur', 'la', 'commande', 'the', 'parcel', 'was', 'très', 'very', 'et', 'and', 'produit'];

/** A verbatim that can only read as negative: negative words, and positive words each right after a negation. */
const clearlyNegative = fc
  .array(
    fc.oneof(
      fc.constantFrom(...NEGATIVE),
      fc.tuple(fc.constantFrom(...NEGATORS), fc.constantFrom(...POSITIVE)).map(([no, word]) => `${no} ${word}`),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .chain((clauses) =>
    fc
      .array(fc.constantFrom(...FILLER), { minLength: clauses.length, maxLength: clauses.length })
      .chain((fillers) => fc.constantFrom(' ', ', ', '. ').map((sep) => clauses.map((c, i) => `${fillers[i]} ${c}`).join(sep))),
  );

const score = (max: number, min = 0) => fc.option(fc.integer({ min, max }), { nil: null });

test('property: whatever the input, the result is one of the labels', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), score(10), score(5, 1), (verbatim, nps, csat) => {
      assert.ok((SENTIMENTS as readonly string[]).includes(deriveSentiment({ verbatim, nps, csat })));
    }),
  );
});

test('property: a negation never makes a clearly negative verbatim positive', () => {
  fc.assert(
    fc.property(clearlyNegative, score(10), score(5, 1), (verbatim, nps, csat) => {
      assert.equal(deriveSentiment({ verbatim }), 'negative', verbatim);
      assert.notEqual(deriveSentiment({ verbatim, nps, csat }), 'positive', verbatim);
      const counts = lexiconCounts(verbatim);
      assert.equal(counts.positive, 0, verbatim);
    }),
  );
});
