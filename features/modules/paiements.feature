# language: fr
@modules @paiements
Fonctionnalité: Renouvellement mensuel par carte, prélèvement SEPA ou facture du partenaire
  Chaque mois, l'abonnement est renouvelé au prix de l'offre : par carte ou
  prélèvement SEPA auprès du prestataire de paiement, qui confirme le
  paiement à la plateforme ; par la facture mensuelle du partenaire pour les
  comptes gérés par lui, sans passer par le prestataire. Un paiement refusé
  ouvre une période de grâce de 7 jours, à l'issue de laquelle les modules du
  client sont suspendus.

  @couvre-les-moyens-de-paiement
  Plan du scénario: Le renouvellement par "<moyen>" prélève le prix de l'offre "<offre>"
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>", payant par "<moyen>"
    Quand le renouvellement mensuel de "Camille" arrive
    Alors l'abonnement de "Camille" est renouvelé par un paiement "<moyen>" de <montant> €
    Et le prestataire de paiement reçoit exactement un prélèvement de <montant> € pour "Camille"

    Exemples:
      | marque            | offre             | moyen            | montant |
      | Veilis            | Sérénité 2011     | Carte bancaire   | 4,99    |
      | Veilis Pro        | Pro 2020          | Carte bancaire   | 59,00   |
      | Box Vigilance     | Box Sécurité 2016 | Prélèvement SEPA | 3,00    |
      | Alpes Sécurité    | Pro 2017          | Prélèvement SEPA | 49,00   |

    @clients-migres @horloge-de-test @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque         | offre             | moyen            | montant |
      | Veilis         | Sérénité 2011     | Carte bancaire   | 4,99    |
      | Box Vigilance  | Box Sécurité 2016 | Prélèvement SEPA | 3,00    |
      | Alpes Sécurité | Pro 2017          | Prélèvement SEPA | 49,00   |

  @juge-mutation
  Plan du scénario: Un renouvellement par prélèvement SEPA reste en attente tant que la banque ne l'a pas confirmé, même après un premier payé
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>", payant par "Prélèvement SEPA"
    Quand le renouvellement mensuel de "Camille" arrive
    Alors l'abonnement de "Camille" est renouvelé par un paiement "Prélèvement SEPA" de <montant> €
    Quand la banque de "Camille" tarde à confirmer ses prélèvements SEPA
    Et le renouvellement mensuel de "Camille" arrive
    Alors l'abonnement de "Camille" attend la confirmation de la banque pour son prélèvement SEPA de <montant> €
    Quand la banque de "Camille" confirme son prélèvement SEPA
    Alors l'abonnement de "Camille" est actif, ses 2 paiements réglés

    Exemples:
      | marque        | offre             | montant |
      | Box Vigilance | Box Sécurité 2016 | 3,00    |

    @clients-migres @horloge-de-test @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque     | offre    | montant |
      | Veilis Pro | Pro 2017 | 49,00   |

  @juge-mutation @exclusif
  Scénario: Un renouvellement est encaissé une seule fois, même quand le prestataire envoie deux fois sa confirmation
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011", payant par "Carte bancaire"
    Et que le prestataire de paiement envoie deux fois chacune de ses confirmations pour "Camille"
    Et les compteurs de paiement de la plateforme sont relevés
    Quand le renouvellement mensuel de "Camille" arrive
    Alors l'abonnement de "Camille" est renouvelé par un seul paiement "Carte bancaire" de 4,99 €
    Et la plateforme compte exactement 1 paiement encaissé depuis le relevé, 0 refusé, sur 2 confirmations reçues du prestataire
    Et le paiement de "Camille" a été tenté exactement une fois

  @couvre-les-moyens-de-paiement
  Scénario: La facture du partenaire renouvelle l'abonnement sans passer par le prestataire de paiement
    Étant donné un client "Camille" de la marque "Habitat Serein" avec l'offre "Habitat Assuré 2013", payant par "Facturation partenaire"
    Quand le renouvellement mensuel de "Camille" arrive
    Alors l'abonnement de "Camille" est renouvelé sur la facture du partenaire "Assur Plus" pour 12,90 €
    Et la plateforme n'a rien demandé au prestataire de paiement pour "Camille"

  Plan du scénario: Un paiement "<moyen>" refusé suspend les modules à la fin de la période de grâce
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>", payant par "<moyen>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et le moyen de paiement de "Camille" est refusé par sa banque
    Quand le renouvellement mensuel de "Camille" arrive
    Alors l'abonnement de "Camille" entre en période de grâce de 7 jours
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit un SMS d'alerte envoyé au nom de "<expéditeur>"
    Quand 7 jours s'écoulent pour "Camille"
    Alors les modules de "Camille" sont suspendus
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" ne reçoit plus aucune alerte

    Exemples:
      | marque            | offre          | moyen            | expéditeur |
      | Veilis            | Sérénité 2011  | Carte bancaire   | VEILIS     |
      | Sécurimax Connect | Vigilance 2015 | Prélèvement SEPA | SECURIMAX  |

    @clients-migres @horloge-de-test @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque            | offre          | moyen            | expéditeur |
      | Veilis            | Sérénité 2011  | Carte bancaire   | VEILIS     |
      | Sécurimax Connect | Vigilance 2015 | Prélèvement SEPA | SECURIMAX  |

  Scénario: Un paiement refusé laisse les modules en service jusqu'à la dernière heure de la période de grâce, pas au-delà
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011", payant par "Carte bancaire"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et le moyen de paiement de "Camille" est refusé par sa banque
    Quand le renouvellement mensuel de "Camille" arrive
    Alors l'abonnement de "Camille" entre en période de grâce de 7 jours
    Quand 7 jours moins une heure s'écoulent pour "Camille"
    Alors les modules de "Camille" sont toujours en service, son abonnement en période de grâce
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit un SMS d'alerte envoyé au nom de "VEILIS"
    Quand deux heures de plus s'écoulent pour "Camille"
    Alors les modules de "Camille" sont suspendus
