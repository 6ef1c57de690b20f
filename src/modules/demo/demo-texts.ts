/**
 * The words of the demo's commercial history, in French: what customers write in their feedback (by sentiment,
 * with the topics a reader would tag), what cases, interactions, tasks and alerts are about, why goods come back.
 */
import { weighted } from './demo-data.ts';

export type Sentiment = 'positive' | 'neutral' | 'mixed' | 'negative';
export type Topic = 'livraison' | 'prix' | 'qualité' | 'sav' | 'accueil' | 'délai';

export interface Verbatim {
  text: string;
  topics: readonly Topic[];
}

const v = (text: string, ...topics: Topic[]): Verbatim => ({ text, topics });

export const VERBATIMS: Readonly<Record<Sentiment, readonly Verbatim[]>> = {
  positive: [
    v('Livraison rapide et soignée, les plantes sont arrivées en parfait état.', 'livraison', 'qualité'),
    v('Très bon accueil en magasin, des conseils précieux pour mon potager.', 'accueil'),
    v('Produits de grande qualité, je recommande sans hésiter.', 'qualité'),
    v('Le SAV a été réactif et a trouvé une solution en deux jours.', 'sav', 'délai'),
    v('Excellent rapport qualité-prix, surtout pendant les soldes.', 'prix', 'qualité'),
    v('Commande reçue en 48 h, rien à redire.', 'livraison', 'délai'),
    v('Une équipe aux petits soins pour l\'entretien de nos plantes de bureau.', 'qualité', 'accueil'),
    v('Vendeuse très compétente, elle a pris le temps de m\'expliquer la taille des rosiers.', 'accueil'),
    v('Les coffrets cadeaux ont fait l\'unanimité auprès de nos clients.', 'qualité'),
  ],
  neutral: [
    v('Correct dans l\'ensemble, mais un peu plus cher qu\'en grande surface.', 'prix'),
    v('Livraison dans les temps, emballage un peu léger.', 'livraison'),
    v('Bon produit ; l\'attente au téléphone était un peu longue.', 'qualité', 'délai'),
    v('Rien de particulier à signaler.'),
    v('Conforme à la commande.', 'qualité'),
  ],
  mixed: [
    v('Belles plantes, mais livrées avec deux jours de retard.', 'qualité', 'livraison', 'délai'),
    v('Vendeur sympathique, mais l\'article n\'était plus en stock.', 'accueil'),
    v('Problème réglé par le SAV, mais il a fallu relancer plusieurs fois.', 'sav', 'délai'),
    v('Bonne qualité, prix en hausse depuis l\'an dernier.', 'qualité', 'prix'),
  ],
  negative: [
    v('Colis arrivé abîmé et personne pour me répondre au téléphone.', 'livraison', 'sav'),
    v('Troisième réclamation sans réponse claire, je suis très déçu.', 'sav'),
    v('Prix en hausse et qualité en baisse, je vais voir ailleurs.', 'prix', 'qualité'),
    v('Livraison en retard d\'une semaine sans aucune information.', 'livraison', 'délai'),
    v('Le remboursement a pris plus d\'un mois.', 'sav', 'délai'),
    v('Accueil désagréable en magasin, on m\'a à peine regardé.', 'accueil'),
    v('La facture ne correspond pas au devis qu\'on m\'avait fait.', 'prix'),
    v('Le produit est tombé en panne au bout de trois semaines.', 'qualité', 'sav'),
  ],
};

/** The sentiment of an answer, from its NPS score. */
export function sentimentOf(nps: number, coin: number): Sentiment {
  if (nps >= 9) return 'positive';
  if (nps >= 7) return coin < 0.7 ? 'neutral' : 'mixed';
  if (nps >= 5) return coin < 0.6 ? 'mixed' : 'negative';
  return 'negative';
}

export type CaseType = 'question' | 'complaint' | 'repair' | 'return' | 'billing' | 'technical' | 'other';

export const CASE_SUBJECTS: Readonly<Record<CaseType, readonly string[]>> = {
  complaint: ['Retard de livraison', 'Colis endommagé à la réception', 'Article manquant dans la commande', 'Produit non conforme à la description', 'Comportement du livreur'],
  repair: ['Tondeuse qui ne démarre plus', 'Taille-haie : batterie défectueuse', 'Programmateur d\'arrosage en panne', 'Parasol : manivelle cassée'],
  return: ['Demande de retour : article non conforme', 'Retour d\'un article défectueux', 'Rétractation après achat en ligne'],
  billing: ['Facture en double', 'Remise non appliquée sur la facture', 'Demande de duplicata de facture', 'Prélèvement contesté'],
  question: ['Disponibilité d\'un produit', 'Conseils d\'entretien d\'un olivier', 'Délai de livraison d\'une commande', 'Horaires d\'ouverture pendant les fêtes'],
  technical: ['Installation du kit goutte-à-goutte', 'Réglage du programmateur d\'arrosage', 'Montage du salon de jardin'],
  other: ['Changement d\'adresse de livraison', 'Demande de catalogue professionnel'],
};

export const CASE_RESOLUTIONS: Readonly<Record<CaseType, readonly string[]>> = {
  complaint: ['Geste commercial de 10 % sur la prochaine commande', 'Renvoi de l\'article à nos frais', 'Excuses présentées, frais de port remboursés'],
  repair: ['Réparation effectuée sous garantie', 'Remplacement du produit', 'Pièce détachée envoyée'],
  return: ['Retour accepté, avoir émis', 'Échange standard effectué'],
  billing: ['Facture corrigée et renvoyée', 'Avoir émis pour la différence', 'Duplicata envoyé par courriel'],
  question: ['Réponse apportée par téléphone', 'Informations envoyées par courriel'],
  technical: ['Mode d\'emploi détaillé envoyé', 'Intervention d\'un technicien à domicile'],
  other: ['Demande traitée'],
};

export const RETURN_REASONS = weighted([
  ['Article défectueux', 30], ['Ne correspond pas à la description', 20], ['Colis endommagé', 15],
  ['Erreur de préparation', 10], ['Rétractation', 20], ['Dimensions inadaptées', 5],
] as const);

export const RETURN_CONDITIONS = weighted([['neuf', 40], ['ouvert', 30], ['endommagé', 15], ['défectueux', 15]] as const);

export const CARRIERS = weighted([['Colissimo', 45], ['Chronopost', 15], ['DPD', 15], ['GLS', 10], ['Transporteur régional', 15]] as const);

export interface InteractionTemplate {
  channel: 'email' | 'phone' | 'meeting' | 'visit' | 'store' | 'sms' | 'web_form' | 'letter';
  direction: 'inbound' | 'outbound';
  subject: string;
  outcomes: readonly string[];
  minutes: readonly [number, number] | null;
}

const t = (channel: InteractionTemplate['channel'], direction: InteractionTemplate['direction'], subject: string, outcomes: string[], minutes: [number, number] | null = null): InteractionTemplate =>
  ({ channel, direction, subject, outcomes, minutes });

export const BUSINESS_CONTACTS = weighted([
  [t('visit', 'outbound', 'Visite de courtoisie', ['Client satisfait', 'Nouveau besoin identifié', 'Devis à préparer'], [30, 90]), 4],
  [t('meeting', 'outbound', 'Point trimestriel sur le contrat', ['Contrat reconduit', 'Ajustements demandés'], [45, 90]), 2],
  [t('phone', 'inbound', 'Demande de devis', ['Devis envoyé', 'Rappeler la semaine prochaine'], [5, 20]), 3],
  [t('phone', 'outbound', 'Appel de suivi de commande', ['Client satisfait', 'Message laissé sur répondeur'], [3, 15]), 3],
  [t('email', 'outbound', 'Envoi du catalogue professionnel', ['Envoyé'], null), 2],
  [t('email', 'inbound', 'Question sur une livraison', ['Réponse envoyée'], null), 2],
  [t('visit', 'outbound', 'Présentation de la collection de printemps', ['Commande prévue', 'Sans suite'], [30, 60]), 1],
] as const);

export const PRIVATE_CONTACTS = weighted([
  [t('store', 'inbound', 'Conseil en magasin : aménagement d\'un balcon', ['Conseils donnés', 'Achat réalisé'], [10, 30]), 4],
  [t('store', 'inbound', 'Conseil en magasin : plantation d\'une haie', ['Devis d\'entretien proposé', 'Conseils donnés'], [10, 30]), 2],
  [t('phone', 'inbound', 'Question sur la disponibilité d\'un produit', ['Produit réservé', 'Rappeler à l\'arrivage'], [2, 10]), 3],
  [t('phone', 'inbound', 'Demande de conseil d\'entretien', ['Conseils donnés'], [3, 15]), 2],
  [t('email', 'inbound', 'Suivi de livraison', ['Réponse envoyée'], null), 2],
  [t('sms', 'outbound', 'Votre commande est prête en magasin', ['Envoyé'], null), 2],
  [t('web_form', 'inbound', 'Demande d\'information via le site', ['Réponse envoyée'], null), 1],
] as const);

export const PAYMENT_REMINDERS = [
  t('email', 'outbound', 'Relance : facture échue', ['Relance envoyée']),
  t('phone', 'outbound', 'Relance téléphonique : facture impayée', ['Promesse de règlement sous 8 jours', 'Message laissé sur répondeur', 'Échéancier proposé'], [3, 10]),
  t('letter', 'outbound', 'Lettre de relance avant mise en demeure', ['Envoyée en recommandé']),
] as const;

export const CASE_CONTACTS = [
  t('phone', 'inbound', 'Appel du client au sujet de son dossier', ['Client informé', 'Client mécontent'], [5, 20]),
  t('email', 'outbound', 'Réponse au client', ['Réponse envoyée']),
  t('email', 'inbound', 'Photos du produit envoyées par le client', ['Pièces jointes reçues']),
] as const;
