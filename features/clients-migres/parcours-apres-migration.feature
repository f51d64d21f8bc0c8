# language: fr
@clients-migres
Fonctionnalité: Les clients d'avant la migration retrouvent tout, et tout marche pour eux sur V10
  La migration reprend des clients inscrits depuis 2011, avec leurs offres
  historiques, leurs moyens de paiement, leurs caméras et leur historique. Pour
  chaque marque et chaque offre vendue en V9, un client désigné parmi ceux que la
  migration reprend : ce qu'il voyait en V9 (relevé avant la migration) est ce
  qu'il voit en V10, à l'identique, et sa caméra d'avant la migration l'alerte
  comme son offre le prévoit, une fois et une seule par canal.
  En local, ces clients sont ceux que la plateforme a générés en V9 ; en
  pré-production, les comptes de test désignés avec leurs données de référence.
  Les exemples suivent le catalogue : npm run sync les régénère.

  Plan du Scénario: Le client migré de <marque> qui avait l'offre <offre> retrouve tout et reste alerté comme avant
    Étant donné "Claude", client migré de la marque "<marque>" qui avait l'offre "<offre>"
    Alors "Claude" retrouve son contrat, ses appareils et son historique d'avant la migration
    Étant donné la caméra d'avant la migration de "Claude" se reconnecte
    Quand la caméra de "Claude" détecte un mouvement
    Alors le mouvement apparaît dans l'historique de "Claude"
    Et "Claude" reçoit les alertes SMS que prévoit son offre
    Et "Claude" reçoit les alertes e-mail que prévoit son offre

    # catalogue: marques-offres-v9
    Exemples:
      | marque             | offre               |
      | Veilis             | Sérénité 2011       |
      | Veilis             | Sérénité Plus 2012  |
      | Veilis             | Découverte 2014     |
      | Veilis             | Vigilance 2015      |
      | Veilis             | Pro 2017            |
      | Veilis             | Essentiel 2019      |
      | Veilis             | Intelligence 2019   |
      | Veilis             | Pro 2020            |
      | Veilis Pro         | Sérénité 2011       |
      | Veilis Pro         | Sérénité Plus 2012  |
      | Veilis Pro         | Découverte 2014     |
      | Veilis Pro         | Vigilance 2015      |
      | Veilis Pro         | Pro 2017            |
      | Veilis Pro         | Essentiel 2019      |
      | Veilis Pro         | Intelligence 2019   |
      | Veilis Pro         | Pro 2020            |
      | Assur Plus Protect | Habitat Assuré 2013 |
      | Assur Plus Protect | Essentiel 2019      |
      | Habitat Serein     | Habitat Assuré 2013 |
      | Habitat Serein     | Essentiel 2019      |
      | Hexaline Maison    | Box Sécurité 2016   |
      | Hexaline Maison    | Essentiel 2019      |
      | Box Vigilance      | Box Sécurité 2016   |
      | Box Vigilance      | Essentiel 2019      |
      | Sécurimax Connect  | Vigilance 2015      |
      | Sécurimax Connect  | Pro 2017            |
      | Sécurimax Connect  | Pro 2020            |
      | Alpes Sécurité     | Vigilance 2015      |
      | Alpes Sécurité     | Pro 2017            |
      | Alpes Sécurité     | Pro 2020            |
      | Maisonéo Cam       | Découverte 2014     |
      | Maisonéo Cam       | Essentiel 2019      |
      | Maisonéo Cam       | Intelligence 2019   |
      | Présence Veilleurs | Senior 2018         |
      | Présence Veilleurs | Senior Connect 2021 |

  Plan du Scénario: Le client migré de <marque> qui payait par <paiement> garde son contrat et son moyen de paiement
    Étant donné "Dominique", client migré de la marque "<marque>" qui payait par "<paiement>"
    Alors "Dominique" retrouve son contrat, ses appareils et son historique d'avant la migration
    Et l'abonnement de "Dominique" se renouvellera par son moyen de paiement d'avant la migration, à la même échéance

    # catalogue: marques-paiements
    Exemples:
      | marque             | paiement               |
      | Veilis             | Carte bancaire         |
      | Veilis             | Prélèvement SEPA       |
      | Veilis             | Essai gratuit          |
      | Veilis Pro         | Carte bancaire         |
      | Veilis Pro         | Prélèvement SEPA       |
      | Assur Plus Protect | Carte bancaire         |
      | Assur Plus Protect | Prélèvement SEPA       |
      | Assur Plus Protect | Facturation partenaire |
      | Habitat Serein     | Facturation partenaire |
      | Hexaline Maison    | Carte bancaire         |
      | Hexaline Maison    | Facturation partenaire |
      | Hexaline Maison    | Essai gratuit          |
      | Box Vigilance      | Carte bancaire         |
      | Box Vigilance      | Prélèvement SEPA       |
      | Box Vigilance      | Essai gratuit          |
      | Sécurimax Connect  | Carte bancaire         |
      | Sécurimax Connect  | Prélèvement SEPA       |
      | Alpes Sécurité     | Prélèvement SEPA       |
      | Alpes Sécurité     | Facturation partenaire |
      | Maisonéo Cam       | Carte bancaire         |
      | Maisonéo Cam       | Essai gratuit          |
      | Présence Veilleurs | Prélèvement SEPA       |
      | Présence Veilleurs | Facturation partenaire |

  Plan du Scénario: La caméra <modèle> d'un client migré revient en ligne et l'alerte comme avant
    Étant donné "Sacha", client migré qui avait une caméra "<modèle>"
    Et la caméra "<modèle>" d'avant la migration de "Sacha" se reconnecte
    Quand la caméra de "Sacha" détecte un mouvement
    Alors le mouvement apparaît dans l'historique de "Sacha"
    Et "Sacha" reçoit les alertes SMS que prévoit son offre
    Et "Sacha" reçoit les alertes e-mail que prévoit son offre

    # catalogue: modèles-caméra
    Exemples:
      | modèle                | génération                 |
      | Orion HD              | HTTP push (multipart JPEG) |
      | Orion IR              | HTTP push (multipart JPEG) |
      | Sentinelle Extérieure | HTTP push (multipart JPEG) |
      | Lynx                  | HTTPS/JSON                 |
      | Lynx HD               | HTTPS/JSON                 |
      | Panorama              | HTTPS/JSON                 |
      | Sentinelle 2          | HTTPS/JSON                 |
      | Vigie                 | MQTT 3.1.1                 |
      | Vigie 360             | MQTT 3.1.1                 |
      | Sentinelle 3          | MQTT 3.1.1                 |
      | Judas Connecté        | MQTT 3.1.1                 |
      | Vigie 4K              | MQTT 5                     |
      | Sentinelle Solaire    | MQTT 5                     |
      | Mini Dôme             | MQTT 5                     |
      | Panorama 2            | MQTT 5                     |
      | Judas 2               | MQTT 5                     |
