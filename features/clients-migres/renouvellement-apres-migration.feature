# language: fr
@clients-migres @renouvellement @horloge-de-test @local-only
Fonctionnalité: Le prochain renouvellement d'un client migré est prélevé comme avant la migration
  Les clients que la migration reprend ont payé leur abonnement jusqu'à une date
  connue en V9, par carte ou par prélèvement SEPA sous un mandat qu'ils ont signé.
  À cette échéance, V10 demande une seule fois au prestataire de paiement le prix de
  leur offre d'origine, sur la carte ou l'IBAN enregistré avant la migration ; le
  prélèvement SEPA s'appuie sur le mandat déjà signé, sans en redemander un ; et
  l'abonnement est payé pour la période suivante. Un client désigné par moyen de
  paiement et par époque d'offres (les plus anciennes comptent le plus).
  Les exemples suivent le catalogue : npm run sync les régénère.

  Plan du Scénario: Le client migré qui payait par <paiement> une offre de <de> à <à> est prélevé une fois, comme avant, à son échéance
    Étant donné "Paule", client migré qui payait par "<paiement>" une offre lancée entre <de> et <à>
    Quand l'échéance de l'abonnement de "Paule" arrive
    Alors le prestataire de paiement reçoit exactement un prélèvement du prix de l'offre de "Paule", sur le moyen de paiement d'avant la migration
    Et l'abonnement de "Paule" est payé jusqu'à 30 jours après son ancienne échéance

    # catalogue: paiements-v9-par-époque:card,sepa
    Exemples:
      | paiement         | de   | à    |
      | Carte bancaire   | 2011 | 2014 |
      | Carte bancaire   | 2015 | 2018 |
      | Carte bancaire   | 2019 | 2022 |
      | Prélèvement SEPA | 2011 | 2014 |
      | Prélèvement SEPA | 2015 | 2018 |
      | Prélèvement SEPA | 2019 | 2022 |
