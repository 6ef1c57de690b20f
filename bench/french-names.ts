/**
 * Names for generated French people, shared by the benchmarks: 66 given names, and family names built from a
 * stem and one or two endings (some 37,000 of them, each rare, as in a real base where homonyms are few), streets
 * and street types.
 */
export const FIRST = ['Jean', 'Marie', 'Pierre', 'Nathalie', 'Michel', 'Isabelle', 'Philippe', 'Catherine', 'Alain', 'Sylvie', 'Nicolas', 'Christine',
  'Patrick', 'Sophie', 'Christophe', 'Valérie', 'Laurent', 'Sandrine', 'Stéphane', 'Céline', 'Frédéric', 'Julie', 'Éric', 'Camille', 'Thomas',
  'Léa', 'Julien', 'Manon', 'Antoine', 'Chloé', 'Hugo', 'Emma', 'Lucas', 'Inès', 'Louis', 'Jade', 'Gabriel', 'Louise', 'Arthur', 'Alice',
  'Robert', 'Danielle', 'Bernard', 'Monique', 'François', 'Françoise', 'Guillaume', 'Aurélie', 'Mathieu', 'Élodie', 'Olivier', 'Karine',
  'Sébastien', 'Virginie', 'Vincent', 'Émilie', 'Benoît', 'Hélène', 'Jérôme', 'Anne', 'Yves', 'Martine', 'Daniel', 'Brigitte', 'Henri', 'Odile'];
export const STEMS = ['Dur', 'Mart', 'Bern', 'Dub', 'Mor', 'Lef', 'Ler', 'Rous', 'Gir', 'Fourn', 'Mer', 'Bonn', 'Lamb', 'Fontai', 'Chev', 'Rob',
  'Gauth', 'Mass', 'Lem', 'Bouch', 'Garn', 'Fauc', 'Brun', 'Blanch', 'Guér', 'Muller', 'Henr', 'Roch', 'Pér', 'Vid', 'Marc', 'Coll',
  'Legr', 'Barb', 'Arn', 'Renaud', 'Perr', 'Picard', 'Dufr', 'Caron'];
export const ENDINGS = ['and', 'in', 'ois', 'eau', 'el', 'et', 'ier', 'on', 'ard', 'ot', 'aud', 'elle', 'ard', 'oux', 'ès', 'ault', 'y', 'at',
  'ière', 'ac', 'eux', 'oy', 'enne', 'ange', 'is', 'eur', 'ade', 'ou', 'ert', 'as'];
export const STREETS = ['de la Paix', 'Victor Hugo', 'Jean Jaurès', 'de la Gare', 'Pasteur', 'des Écoles', 'du Moulin', 'de l’Église', 'Voltaire',
  'Gambetta', 'de la République', 'des Lilas', 'du Stade', 'Émile Zola', 'des Tilleuls', 'du Château', 'de Verdun', 'Carnot', 'Foch', 'du Port'];
export const TYPES = ['rue', 'avenue', 'boulevard', 'chemin', 'place', 'allée'];

/** A family name from three draws in [0, 1): stem, ending and, three times in four, a second ending. */
export function familyName(stem: number, ending: number, second: number): string {
  const base = STEMS[Math.floor(stem * STEMS.length)]! + ENDINGS[Math.floor(ending * ENDINGS.length)]!;
  return second < 0.25 ? base : base + ENDINGS[Math.floor(((second - 0.25) / 0.75) * ENDINGS.length)]!;
}
