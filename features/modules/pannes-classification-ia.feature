# language: fr
@modules @panne @module-ai
Fonctionnalité: La plateforme face à un service de classification IA défaillant
  Une alerte de sécurité ne se perd pas parce que l'IA ne répond pas : la
  plateforme retente une fois, puis alerte le client sans classification, en
  le lui signalant, et marque la détection comme non classée. Chaque panne ne
  touche que la caméra du client du scénario.

  Contexte:
    Étant donné un client "Camille" de la marque "Maisonéo Cam" avec l'offre "Intelligence 2019"
    Et une caméra "Vigie 360" installée chez "Camille"

  Scénario: Service en panne : le client est alerté sans classification
    Étant donné que le service de classification IA est en panne pour "Camille"
    Quand la caméra de "Camille" filme une personne
    Alors "Camille" reçoit une alerte « Mouvement détecté » signalant l'analyse IA indisponible
    Et la détection de "Camille" est marquée non classée, l'IA étant indisponible

  Scénario: Service en erreur une fois : la plateforme réessaie et classe la détection
    Étant donné que le service de classification IA répond en erreur pour la prochaine demande de "Camille"
    Quand la caméra de "Camille" filme une personne
    Alors la plateforme a interrogé le service de classification 2 fois pour "Camille"
    Et "Camille" reçoit une alerte « Personne détectée » envoyée au nom de "MAISONEO"

  Scénario: Service trop lent : le client est alerté sans attendre la classification
    Étant donné que le service de classification IA met 3 secondes à répondre pour "Camille"
    Quand la caméra de "Camille" filme une personne
    Alors "Camille" reçoit une alerte « Mouvement détecté » signalant l'analyse IA indisponible

  Scénario: Réponse illisible du service : le client est alerté sans classification
    Étant donné que le service de classification IA répond de façon illisible pour "Camille"
    Quand la caméra de "Camille" filme une personne
    Alors "Camille" reçoit une alerte « Mouvement détecté » signalant l'analyse IA indisponible
    Et la détection de "Camille" est marquée non classée, l'IA étant indisponible
