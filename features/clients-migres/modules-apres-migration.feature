# language: fr
@clients-migres
Fonctionnalité: Les modules de leur offre marchent pour les clients migrés comme avant la migration
  Les clients que la migration reprend gardent l'offre qu'ils avaient en V9, avec
  ses limites : les jours de conservation des enregistrements, le nombre de SMS et
  d'e-mails d'alerte par mois, leur moyen de paiement. Pour chaque offre vendue en
  V9 et chaque module, un client désigné parmi ceux que la migration reprend
  retrouve en V10 exactement ce que son offre prévoyait, sur sa caméra d'avant la
  migration : un enregistrement par détection, une seule demande au service de
  classification, une seule transmission au centre de télésurveillance.
  Les exemples suivent le catalogue : npm run sync les régénère.

  @limites-de-l-offre
  Plan du Scénario: Le client migré qui avait l'offre <offre> garde les limites de son offre
    Étant donné "Claude", client migré de la marque "<marque>" qui avait l'offre "<offre>"
    Alors les alertes de "Claude" sont limitées chaque mois à <sms> SMS et <e-mails> e-mails, comme son offre le prévoyait
    Et l'abonnement de "Claude" se renouvellera par son moyen de paiement d'avant la migration

    # catalogue: offres-v9-avec
    Exemples:
      | marque             | offre               | jours | sms | e-mails |
      | Veilis             | Sérénité 2011       | 7     | 10  | 0       |
      | Veilis Pro         | Sérénité Plus 2012  | 14    | 20  | 20      |
      | Assur Plus Protect | Habitat Assuré 2013 | 14    | 0   | 30      |
      | Maisonéo Cam       | Découverte 2014     | 1     | 0   | 10      |
      | Sécurimax Connect  | Vigilance 2015      | 30    | 30  | 30      |
      | Hexaline Maison    | Box Sécurité 2016   | 7     | 0   | 20      |
      | Alpes Sécurité     | Pro 2017            | 60    | 50  | 50      |
      | Présence Veilleurs | Senior 2018         | 14    | 30  | 0       |
      | Habitat Serein     | Essentiel 2019      | 30    | 0   | 30      |
      | Veilis             | Intelligence 2019   | 30    | 30  | 30      |
      | Veilis             | Pro 2020            | 90    | 100 | 100     |
      | Présence Veilleurs | Senior Connect 2021 | 30    | 40  | 30      |

  @limites-de-l-offre
  Plan du Scénario: La caméra du client migré qui avait l'offre <offre> enregistre chaque détection, conservée <jours> jours
    Étant donné "Claude", client migré de la marque "<marque>" qui avait l'offre "<offre>"
    Et la caméra d'avant la migration de "Claude" se reconnecte
    Quand la caméra de "Claude" détecte un mouvement
    Alors la détection de "Claude" est enregistrée une fois, conservée <jours> jours comme son offre le prévoyait

    # catalogue: offres-v9-avec:recordings
    Exemples:
      | marque             | offre               | jours | sms | e-mails |
      | Veilis             | Sérénité 2011       | 7     | 10  | 0       |
      | Veilis Pro         | Sérénité Plus 2012  | 14    | 20  | 20      |
      | Assur Plus Protect | Habitat Assuré 2013 | 14    | 0   | 30      |
      | Sécurimax Connect  | Vigilance 2015      | 30    | 30  | 30      |
      | Hexaline Maison    | Box Sécurité 2016   | 7     | 0   | 20      |
      | Alpes Sécurité     | Pro 2017            | 60    | 50  | 50      |
      | Présence Veilleurs | Senior 2018         | 14    | 30  | 0       |
      | Habitat Serein     | Essentiel 2019      | 30    | 0   | 30      |
      | Maisonéo Cam       | Intelligence 2019   | 30    | 30  | 30      |
      | Veilis             | Pro 2020            | 90    | 100 | 100     |
      | Présence Veilleurs | Senior Connect 2021 | 30    | 40  | 30      |

  Plan du Scénario: La détection du client migré qui avait l'offre <offre> est classée par l'IA, une seule fois
    Étant donné "Claude", client migré de la marque "<marque>" qui avait l'offre "<offre>"
    Et la caméra d'avant la migration de "Claude" se reconnecte
    Quand la caméra de "Claude" filme une personne
    Alors la détection de "Claude" est classée « personne » par l'IA
    Et la plateforme a demandé une seule fois au service de classification de classer la détection de "Claude"

    # catalogue: offres-v9-avec:ai
    Exemples:
      | marque     | offre             | jours | sms | e-mails |
      | Veilis     | Intelligence 2019 | 30    | 30  | 30      |
      | Veilis Pro | Pro 2020          | 90    | 100 | 100     |

  @telesurveillance
  Plan du Scénario: Le centre de télésurveillance prend en charge, une seule fois, l'alarme d'un client migré de <partenaire>
    Étant donné "Lou", client migré du partenaire "<partenaire>" dont l'offre comprend la télésurveillance
    Et la caméra d'avant la migration de "Lou" qui signale les sabotages se reconnecte
    Quand la caméra de "Lou" signale une tentative de sabotage
    Alors le centre de télésurveillance prend en charge l'alarme de la caméra de "Lou"
    Et la plateforme a transmis une seule fois l'alarme de "Lou" au centre de télésurveillance

    # catalogue: partenaires-v9-avec:monitoring
    Exemples:
      | partenaire             |
      | Veilis                 |
      | Assur Plus             |
      | Sécurimax Installation |

  Plan du Scénario: La famille d'un client migré qui avait l'offre <offre> peut veiller sur lui
    Étant donné "Jeanne", client migré de la marque "<marque>" qui avait l'offre "<offre>"
    Et la caméra d'avant la migration de "Jeanne" se reconnecte
    Et la famille de "Jeanne" veille sur elle, alertée après 12 heures sans mouvement
    Alors la veille de la famille de "Jeanne" est enregistrée : alertée après 12 heures sans mouvement, sur son téléphone
    Quand "Jeanne" passe devant sa caméra
    Alors la famille de "Jeanne" ne reçoit aucune alerte d'inactivité

    # catalogue: offres-v9-avec:home-care
    Exemples:
      | marque             | offre               | jours | sms | e-mails |
      | Présence Veilleurs | Senior 2018         | 14    | 30  | 0       |
      | Présence Veilleurs | Senior Connect 2021 | 30    | 40  | 30      |
