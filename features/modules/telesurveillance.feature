# language: fr
@modules @module-monitoring
Fonctionnalité: Télésurveillance des caméras, selon l'offre
  Quand l'offre comprend la télésurveillance, une alarme d'une caméra
  (tentative de sabotage, franchissement de ligne, personne détectée) est
  transmise au centre de télésurveillance, et sa prise en charge par le centre
  est enregistrée sur l'évènement. Sans télésurveillance dans l'offre, rien
  n'est transmis au centre. Les alarmes des centrales d'alarme sont traitées
  avec les appareils (features/appareils).

  @couvre-les-offres
  Plan du scénario: Avec l'offre "<offre>", le centre de télésurveillance prend en charge une tentative de sabotage
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Quand la caméra de "Camille" signale une tentative de sabotage
    Alors le centre de télésurveillance prend en charge l'alarme de la caméra de "Camille"
    Et le centre de télésurveillance reçoit exactement une alarme de la caméra de "Camille"

    Exemples: offres vendues depuis la V9
      | offre               | marque             |
      | Habitat Assuré 2013 | Assur Plus Protect |
      | Vigilance 2015      | Sécurimax Connect  |
      | Pro 2017            | Alpes Sécurité     |
      | Pro 2020            | Veilis Pro         |

    @v10
    Exemples: offres de la V10
      | offre              | marque         |
      | Habitat Total 2022 | Habitat Serein |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | offre               | marque             |
      | Habitat Assuré 2013 | Assur Plus Protect |
      | Vigilance 2015      | Sécurimax Connect  |
      | Pro 2017            | Alpes Sécurité     |

  @sans-le-module
  Scénario: L'offre "Sérénité 2011", sans télésurveillance, ne transmet rien au centre
    Étant donné un client "Dominique" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et une caméra "Vigie 360" installée chez "Dominique"
    Quand la caméra de "Dominique" signale une tentative de sabotage
    Alors "Dominique" reçoit un SMS d'alerte envoyé au nom de "VEILIS"
    Et "Dominique" reçoit exactement un SMS
    Et la plateforme n'a rien transmis au centre de télésurveillance pour "Dominique"
