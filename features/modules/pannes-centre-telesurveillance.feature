# language: fr
@modules @panne @module-monitoring
Fonctionnalité: La plateforme face à un centre de télésurveillance qui ne répond pas
  Une alarme n'est jamais perdue : la plateforme retransmet une fois, et si le
  centre ne la prend toujours pas en charge (panne, erreur, réponse trop lente
  ou illisible), elle prévient directement le client et marque l'alarme comme
  escaladée. Chaque panne ne touche que la caméra du client du scénario. Un
  client d'avant la migration, sur son compte migré, est prévenu de même : une
  seule fois, au nom de sa marque ; et son alarme retransmise est prise en
  charge une seule fois.

  Plan du scénario: Centre en panne : un client de <marque> est prévenu directement, une seule fois
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que le centre de télésurveillance est en panne pour "Camille"
    Quand la caméra de "Camille" signale une tentative de sabotage
    Alors "Camille" est prévenu directement, une seule fois et au nom de "<expéditeur>", que le centre de télésurveillance n'a pas pris en charge l'alarme

    Exemples:
      | marque            | offre          | expéditeur |
      | Sécurimax Connect | Vigilance 2015 | SECURIMAX  |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque            | offre          | expéditeur |
      | Veilis            | Vigilance 2015 | VEILIS     |
      | Veilis Pro        | Pro 2017       | VEILISPRO  |
      | Sécurimax Connect | Pro 2020       | SECURIMAX  |

  Plan du scénario: Centre en erreur une fois : la plateforme retransmet et le centre prend en charge l'alarme d'un client de <marque> une seule fois
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que le centre de télésurveillance répond en erreur pour la prochaine demande de "Camille"
    Quand la caméra de "Camille" signale une tentative de sabotage
    Alors la plateforme a transmis l'alarme 2 fois au centre de télésurveillance pour "Camille"
    Et le centre de télésurveillance prend en charge l'alarme de la caméra de "Camille"
    Et le centre de télésurveillance reçoit exactement une alarme de la caméra de "Camille"

    Exemples:
      | marque            | offre          |
      | Sécurimax Connect | Vigilance 2015 |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque            | offre          |
      | Veilis            | Vigilance 2015 |
      | Veilis Pro        | Pro 2017       |
      | Sécurimax Connect | Pro 2020       |

  Scénario: Centre trop lent : le client est prévenu directement
    Étant donné un client "Camille" de la marque "Sécurimax Connect" avec l'offre "Vigilance 2015"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que le centre de télésurveillance met 4 secondes à répondre pour "Camille"
    Quand la caméra de "Camille" signale une tentative de sabotage
    Alors "Camille" est prévenu directement, une seule fois et au nom de "SECURIMAX", que le centre de télésurveillance n'a pas pris en charge l'alarme

  Scénario: Réponse illisible du centre : le client est prévenu directement
    Étant donné un client "Camille" de la marque "Sécurimax Connect" avec l'offre "Vigilance 2015"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que le centre de télésurveillance répond de façon illisible pour "Camille"
    Quand la caméra de "Camille" signale une tentative de sabotage
    Alors "Camille" est prévenu directement, une seule fois et au nom de "SECURIMAX", que le centre de télésurveillance n'a pas pris en charge l'alarme
