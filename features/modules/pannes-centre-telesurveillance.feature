# language: fr
@modules @panne @module-monitoring
Fonctionnalité: La plateforme face à un centre de télésurveillance qui ne répond pas
  Une alarme n'est jamais perdue : la plateforme retransmet une fois, et si le
  centre ne la prend toujours pas en charge (panne, erreur, réponse trop lente
  ou illisible), elle prévient directement le client et marque l'alarme comme
  escaladée. Chaque panne ne touche que la caméra du client du scénario.

  Contexte:
    Étant donné un client "Camille" de la marque "Sécurimax Connect" avec l'offre "Vigilance 2015"
    Et une caméra "Vigie 360" installée chez "Camille"

  Scénario: Centre en panne : le client est prévenu directement
    Étant donné que le centre de télésurveillance est en panne pour "Camille"
    Quand la caméra de "Camille" signale une tentative de sabotage
    Alors "Camille" est prévenu directement que le centre de télésurveillance n'a pas pris en charge l'alarme

  Scénario: Centre en erreur une fois : la plateforme retransmet et le centre prend l'alarme en charge
    Étant donné que le centre de télésurveillance répond en erreur pour la prochaine demande de "Camille"
    Quand la caméra de "Camille" signale une tentative de sabotage
    Alors la plateforme a transmis l'alarme 2 fois au centre de télésurveillance pour "Camille"
    Et le centre de télésurveillance prend en charge l'alarme de la caméra de "Camille"

  Scénario: Centre trop lent : le client est prévenu directement
    Étant donné que le centre de télésurveillance met 4 secondes à répondre pour "Camille"
    Quand la caméra de "Camille" signale une tentative de sabotage
    Alors "Camille" est prévenu directement que le centre de télésurveillance n'a pas pris en charge l'alarme

  Scénario: Réponse illisible du centre : le client est prévenu directement
    Étant donné que le centre de télésurveillance répond de façon illisible pour "Camille"
    Quand la caméra de "Camille" signale une tentative de sabotage
    Alors "Camille" est prévenu directement que le centre de télésurveillance n'a pas pris en charge l'alarme
