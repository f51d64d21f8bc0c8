# language: fr
@modules @panne @paiements
Fonctionnalité: La plateforme face à un prestataire de paiement défaillant
  Le client n'est pas en faute quand le prestataire de paiement est
  injoignable : son abonnement reste actif et le paiement est retenté une
  heure plus tard, sous la même clé, pour ne jamais prélever deux fois. Quand
  la réponse se perd (lente ou illisible), la plateforme attend la
  confirmation du prestataire. Chaque panne ne touche que le client du
  scénario. Un client d'avant la migration est prélevé de même, une seule fois,
  par le moyen de paiement qu'il avait, sous le mandat SEPA qu'il avait signé.

  Plan du scénario: Prestataire en panne : le paiement par "<moyen>" est retenté une heure plus tard et prélevé une seule fois
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>", payant par "<moyen>"
    Et que le prestataire de paiement est en panne pour "Camille"
    Quand le renouvellement mensuel de "Camille" arrive
    Alors l'abonnement de "Camille" reste actif, son paiement en attente d'un nouvel essai
    Et le paiement en attente de "Camille" indique la raison de l'échec : "HTTP 503"
    Quand le prestataire de paiement revient pour "Camille"
    Et 1 heure s'écoule pour "Camille"
    Alors l'abonnement de "Camille" est renouvelé par un paiement "<moyen>" de <montant> €
    Et le prestataire de paiement a prélevé <montant> € une seule fois pour "Camille", sous une seule clé, sur le moyen de paiement enregistré et, pour un client migré payant par SEPA, sous le mandat signé avant la migration

    Exemples:
      | marque        | offre             | moyen            | montant |
      | Veilis        | Sérénité 2011     | Carte bancaire   | 4,99    |
      | Box Vigilance | Box Sécurité 2016 | Prélèvement SEPA | 3,00    |

    @clients-migres @horloge-de-test @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque          | offre             | moyen            | montant |
      | Hexaline Maison | Box Sécurité 2016 | Carte bancaire   | 3,00    |
      | Box Vigilance   | Box Sécurité 2016 | Prélèvement SEPA | 3,00    |
      | Alpes Sécurité  | Pro 2017          | Prélèvement SEPA | 49,00   |

  Scénario: Prestataire en erreur : le paiement est retenté une heure plus tard
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011", payant par "Carte bancaire"
    Et que le prestataire de paiement répond en erreur pour "Camille"
    Quand le renouvellement mensuel de "Camille" arrive
    Alors l'abonnement de "Camille" reste actif, son paiement en attente d'un nouvel essai
    Et le paiement en attente de "Camille" indique la raison de l'échec : "HTTP 500"
    Quand le prestataire de paiement revient pour "Camille"
    Et 1 heure s'écoule pour "Camille"
    Alors l'abonnement de "Camille" est renouvelé par un seul paiement "Carte bancaire" de 4,99 €

  Scénario: Prestataire trop lent : la confirmation du prestataire renouvelle l'abonnement
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011", payant par "Carte bancaire"
    Et que le prestataire de paiement met 5 secondes à répondre pour "Camille"
    Quand le renouvellement mensuel de "Camille" arrive
    Alors l'abonnement de "Camille" est renouvelé par un seul paiement "Carte bancaire" de 4,99 €

  Scénario: Réponse illisible du prestataire : la confirmation du prestataire renouvelle l'abonnement
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011", payant par "Carte bancaire"
    Et que le prestataire de paiement répond de façon illisible pour "Camille"
    Quand le renouvellement mensuel de "Camille" arrive
    Alors l'abonnement de "Camille" est renouvelé par un seul paiement "Carte bancaire" de 4,99 €
