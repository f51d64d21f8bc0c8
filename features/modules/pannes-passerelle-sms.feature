# language: fr
@modules @panne @module-sms
Fonctionnalité: La plateforme face à une passerelle SMS défaillante
  Quand la passerelle SMS est en panne ou répond en erreur, la plateforme
  retente l'envoi avec un délai croissant ; quand elle répond lentement ou de
  façon illisible, la plateforme considère le SMS comme envoyé et ne le
  renvoie pas ; quand la réponse arrive après son délai, elle retente, et la
  passerelle reconnaît la nouvelle tentative : le client ne reçoit pas le SMS
  deux fois.
  Chaque panne ne touche que les SMS du client du scénario. Un client d'avant
  la migration, sur son compte migré, est alerté de même : une seule fois.

  Plan du scénario: Passerelle en panne pour deux envois : la plateforme réessaie et l'alerte d'un client de <marque> arrive une seule fois
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que la passerelle SMS est en panne pour les 2 prochaines demandes de "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit quand même le SMS d'alerte, à la 3e tentative de la plateforme
    Et "Camille" reçoit le SMS d'alerte une seule fois

    Exemples:
      | marque | offre         |
      | Veilis | Sérénité 2011 |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque            | offre              |
      | Veilis Pro        | Sérénité 2011      |
      | Veilis            | Pro 2017           |
      | Sécurimax Connect | Pro 2017           |

  Scénario: Passerelle en erreur pour un envoi : la plateforme réessaie
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que la passerelle SMS répond en erreur pour la prochaine demande de "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit quand même le SMS d'alerte, à la 2e tentative de la plateforme

  Scénario: Passerelle lente : l'alerte arrive une seule fois
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que la passerelle SMS met 1 seconde à répondre pour "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit le SMS d'alerte une seule fois

  Plan du scénario: Passerelle plus lente que le délai de la plateforme : l'alerte d'un client de <marque> n'est pas envoyée deux fois
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que la passerelle SMS met 4 secondes à répondre pour "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit le SMS d'alerte une seule fois

    Exemples:
      | marque | offre         |
      | Veilis | Sérénité 2011 |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque            | offre              |
      | Veilis Pro        | Sérénité 2011      |
      | Veilis            | Pro 2017           |
      | Sécurimax Connect | Pro 2017           |

  Scénario: Réponse illisible de la passerelle : le SMS n'est pas envoyé deux fois
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que la passerelle SMS répond de façon illisible pour "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit le SMS d'alerte une seule fois
