# language: fr
@modules @module-sms
Fonctionnalité: Alertes SMS au nom de la marque, dans la limite du quota mensuel de l'offre
  Quand l'offre comprend les alertes SMS, chaque détection est signalée au
  client par un SMS envoyé au nom de sa marque. L'offre fixe un nombre de SMS
  par mois : au-delà, plus aucun SMS jusqu'au mois suivant. Une offre sans
  alertes SMS n'en envoie aucun.

  @couvre-les-offres
  Plan du scénario: L'offre "<offre>" alerte par SMS au nom de "<expéditeur>", <quota> SMS par mois
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit un SMS d'alerte envoyé au nom de "<expéditeur>"
    Et "Camille" reçoit exactement un SMS
    Quand "Camille" a reçu les <quota> SMS d'alerte de son mois
    Et la caméra de "Camille" détecte un mouvement
    Alors "Camille" ne reçoit plus de SMS d'alerte ce mois-ci
    Et "Camille" reçoit de nouveau le SMS d'alerte le mois suivant

    Exemples: offres vendues depuis la V9
      | offre               | marque             | expéditeur | quota |
      | Sérénité 2011       | Veilis             | VEILIS     | 10    |
      | Sérénité Plus 2012  | Veilis             | VEILIS     | 20    |
      | Vigilance 2015      | Sécurimax Connect  | SECURIMAX  | 30    |
      | Pro 2017            | Alpes Sécurité     | ALPESECU   | 50    |
      | Senior 2018         | Présence Veilleurs | VEILLEURS  | 30    |
      | Intelligence 2019   | Maisonéo Cam       | MAISONEO   | 30    |
      | Pro 2020            | Veilis Pro         | VEILISPRO  | 100   |
      | Senior Connect 2021 | Présence Veilleurs | VEILLEURS  | 40    |

    @v10
    Exemples: offres de la V10
      | offre              | marque         | expéditeur | quota |
      | Habitat Total 2022 | Habitat Serein | HABSEREIN  | 60    |

    @clients-migres @horloge-de-test @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | offre          | marque             | expéditeur | quota |
      | Sérénité 2011  | Veilis Pro         | VEILISPRO  | 10    |
      | Vigilance 2015 | Sécurimax Connect  | SECURIMAX  | 30    |
      | Senior 2018    | Présence Veilleurs | VEILLEURS  | 30    |

  @juge-mutation @exclusif
  Scénario: Les compteurs SMS de la plateforme comptent exactement l'alerte envoyée
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et les compteurs SMS de la plateforme sont relevés
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit exactement un SMS
    Et la plateforme compte exactement 1 SMS envoyé depuis le relevé, et 0 échec

  @sans-le-module
  Scénario: L'offre "Essentiel 2019", sans alertes SMS, n'envoie aucun SMS
    Étant donné un client "Dominique" de la marque "Hexaline Maison" avec l'offre "Essentiel 2019"
    Et une caméra "Vigie 360" installée chez "Dominique"
    Quand la caméra de "Dominique" détecte un mouvement
    Alors "Dominique" reçoit un e-mail d'alerte envoyé au nom de "Hexaline Maison", depuis "maison@hexaline.example"
    Et "Dominique" reçoit exactement un e-mail
    Et "Dominique" ne reçoit aucun SMS

  @mois-de-paris
  Scénario: Le quota de SMS repart le premier du mois à minuit, heure de Paris, et non à minuit UTC
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et une caméra "Vigie 360" installée chez "Camille"
    Quand l'horloge de "Camille" arrive au dernier jour de son mois, à 23:30 heure de Paris
    Et "Camille" a reçu les 10 SMS d'alerte de son mois
    Et la caméra de "Camille" détecte un mouvement
    Alors "Camille" ne reçoit plus de SMS d'alerte ce mois-ci
    Quand l'horloge de "Camille" arrive au premier du mois suivant, à 00:30 heure de Paris
    Et la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit de nouveau le SMS d'alerte dès ce premier du mois
