# language: fr
@modules @module-email
Fonctionnalité: Alertes e-mail au nom de la marque, dans la limite du quota mensuel de l'offre
  Quand l'offre comprend les alertes e-mail, chaque détection est signalée au
  client par un e-mail envoyé au nom et depuis l'adresse de sa marque. L'offre
  fixe un nombre d'e-mails par mois : au-delà, plus aucun e-mail jusqu'au mois
  suivant. Une offre sans alertes e-mail n'en envoie aucun.

  @couvre-les-offres
  Plan du scénario: L'offre "<offre>" alerte par e-mail depuis "<adresse>", <quota> e-mails par mois
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit un e-mail d'alerte envoyé au nom de "<marque>", depuis "<adresse>"
    Et "Camille" reçoit exactement un e-mail
    Quand "Camille" a reçu les <quota> e-mails d'alerte de son mois
    Et la caméra de "Camille" détecte un mouvement
    Alors "Camille" ne reçoit plus d'e-mail d'alerte ce mois-ci
    Et "Camille" reçoit de nouveau l'e-mail d'alerte le mois suivant

    Exemples: offres vendues depuis la V9
      | offre               | marque             | adresse                               | quota |
      | Sérénité Plus 2012  | Veilis             | alertes@veilis.example                | 20    |
      | Habitat Assuré 2013 | Assur Plus Protect | protect@assurplus.example             | 30    |
      | Découverte 2014     | Maisonéo Cam       | cam@maisoneo.example                  | 10    |
      | Vigilance 2015      | Sécurimax Connect  | connect@securimax.example             | 30    |
      | Box Sécurité 2016   | Box Vigilance      | vigilance@hexabox.example             | 20    |
      | Pro 2017            | Alpes Sécurité     | alertes@alpes-securite.example        | 50    |
      | Essentiel 2019      | Hexaline Maison    | maison@hexaline.example               | 30    |
      | Intelligence 2019   | Maisonéo Cam       | cam@maisoneo.example                  | 30    |
      | Pro 2020            | Veilis Pro         | pro@veilis.example                    | 100   |
      | Senior Connect 2021 | Présence Veilleurs | presence@veilleurs-solidaires.example | 30    |

    @v10
    Exemples: offres de la V10
      | offre                 | marque          | adresse                        | quota |
      | Habitat Total 2022    | Habitat Serein  | alertes@habitat-serein.example | 60    |
      | Maison Connectée 2022 | Hexaline Maison | maison@hexaline.example        | 30    |

    @clients-migres @horloge-de-test @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | offre              | marque          | adresse                   | quota |
      | Sérénité Plus 2012 | Veilis          | alertes@veilis.example    | 20    |
      | Box Sécurité 2016  | Box Vigilance   | vigilance@hexabox.example | 20    |
      | Essentiel 2019     | Hexaline Maison | maison@hexaline.example   | 30    |

  @sans-le-module
  Scénario: L'offre "Sérénité 2011", sans alertes e-mail, n'envoie aucun e-mail
    Étant donné un client "Dominique" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et une caméra "Vigie 360" installée chez "Dominique"
    Quand la caméra de "Dominique" détecte un mouvement
    Alors "Dominique" reçoit un SMS d'alerte envoyé au nom de "VEILIS"
    Et "Dominique" reçoit exactement un SMS
    Et "Dominique" ne reçoit aucun e-mail
