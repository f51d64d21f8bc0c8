# language: fr
@modules @panne @module-sms
Fonctionnalité: La plateforme face à une passerelle SMS défaillante
  Quand la passerelle SMS est en panne ou répond en erreur, la plateforme
  retente l'envoi avec un délai croissant ; quand elle répond lentement ou de
  façon illisible, la plateforme considère le SMS comme envoyé et ne le
  renvoie pas ; quand la réponse arrive après son délai, elle retente, et la
  passerelle reconnaît la nouvelle tentative : le client ne reçoit pas le SMS
  deux fois.
  Chaque panne ne touche que les SMS du client du scénario.

  Contexte:
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et une caméra "Vigie 360" installée chez "Camille"

  Scénario: Passerelle en panne pour deux envois : la plateforme réessaie et l'alerte arrive
    Étant donné que la passerelle SMS est en panne pour les 2 prochaines demandes de "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit quand même le SMS d'alerte, à la 3e tentative de la plateforme

  Scénario: Passerelle en erreur pour un envoi : la plateforme réessaie
    Étant donné que la passerelle SMS répond en erreur pour la prochaine demande de "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit quand même le SMS d'alerte, à la 2e tentative de la plateforme

  Scénario: Passerelle lente : l'alerte arrive une seule fois
    Étant donné que la passerelle SMS met 1 seconde à répondre pour "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit le SMS d'alerte une seule fois

  Scénario: Passerelle plus lente que le délai de la plateforme : l'alerte n'est pas envoyée deux fois
    Étant donné que la passerelle SMS met 4 secondes à répondre pour "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit le SMS d'alerte une seule fois

  Scénario: Réponse illisible de la passerelle : le SMS n'est pas envoyé deux fois
    Étant donné que la passerelle SMS répond de façon illisible pour "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit le SMS d'alerte une seule fois
