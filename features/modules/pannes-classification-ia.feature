# language: fr
@modules @panne @module-ai
Fonctionnalité: La plateforme face à un service de classification IA défaillant
  Une alerte de sécurité ne se perd pas parce que l'IA ne répond pas : la
  plateforme retente une fois, puis alerte le client sans classification, en
  le lui signalant, et marque la détection comme non classée. Chaque panne ne
  touche que la caméra du client du scénario. Un client d'avant la migration,
  sur son compte migré, est alerté de même : une seule fois, au nom de sa
  marque.

  Plan du scénario: Service en panne : un client de <marque> est alerté sans classification, une seule fois
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que le service de classification IA est en panne pour "Camille"
    Quand la caméra de "Camille" filme une personne
    Alors "Camille" reçoit une alerte « Mouvement détecté » envoyée au nom de "<expéditeur>", signalant l'analyse IA indisponible
    Et "Camille" reçoit le SMS d'alerte une seule fois
    Et la détection de "Camille" est marquée non classée, l'IA étant indisponible

    Exemples:
      | marque       | offre             | expéditeur |
      | Maisonéo Cam | Intelligence 2019 | MAISONEO   |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque            | offre             | expéditeur |
      | Veilis            | Intelligence 2019 | VEILIS     |
      | Sécurimax Connect | Pro 2020          | SECURIMAX  |
      | Alpes Sécurité    | Pro 2020          | ALPESECU   |

  Plan du scénario: Service en erreur une fois : la plateforme réessaie, classe la détection et alerte un client de <marque> une seule fois
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que le service de classification IA répond en erreur pour la prochaine demande de "Camille"
    Quand la caméra de "Camille" filme une personne
    Alors la plateforme a interrogé le service de classification 2 fois pour "Camille"
    Et le service de classification reçoit exactement une demande pour la caméra de "Camille"
    Et "Camille" reçoit une alerte « Personne détectée » envoyée au nom de "<expéditeur>"
    Et "Camille" reçoit le SMS d'alerte une seule fois

    Exemples:
      | marque       | offre             | expéditeur |
      | Maisonéo Cam | Intelligence 2019 | MAISONEO   |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque            | offre             | expéditeur |
      | Veilis            | Intelligence 2019 | VEILIS     |
      | Sécurimax Connect | Pro 2020          | SECURIMAX  |
      | Alpes Sécurité    | Pro 2020          | ALPESECU   |

  Scénario: Service trop lent : le client est alerté sans attendre la classification
    Étant donné un client "Camille" de la marque "Maisonéo Cam" avec l'offre "Intelligence 2019"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que le service de classification IA met 3 secondes à répondre pour "Camille"
    Quand la caméra de "Camille" filme une personne
    Alors "Camille" reçoit une alerte « Mouvement détecté » envoyée au nom de "MAISONEO", signalant l'analyse IA indisponible

  Scénario: Réponse illisible du service : le client est alerté sans classification
    Étant donné un client "Camille" de la marque "Maisonéo Cam" avec l'offre "Intelligence 2019"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que le service de classification IA répond de façon illisible pour "Camille"
    Quand la caméra de "Camille" filme une personne
    Alors "Camille" reçoit une alerte « Mouvement détecté » envoyée au nom de "MAISONEO", signalant l'analyse IA indisponible
    Et la détection de "Camille" est marquée non classée, l'IA étant indisponible
