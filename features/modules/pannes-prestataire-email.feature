# language: fr
@modules @panne @module-email
Fonctionnalité: La plateforme face à un prestataire d'e-mail défaillant
  Les e-mails d'alerte passent par une file d'attente : quand le prestataire
  d'e-mail est en panne ou répond en erreur, l'e-mail y attend et la
  plateforme le retente jusqu'à ce qu'il soit accepté ; une réponse lente ou
  illisible vaut acceptation, sans second envoi. Chaque panne ne touche que
  les e-mails du client du scénario.

  Contexte:
    Étant donné un client "Camille" de la marque "Hexaline Maison" avec l'offre "Essentiel 2019"
    Et une caméra "Vigie 360" installée chez "Camille"

  Scénario: Prestataire en panne : l'e-mail attend dans la file, puis part quand le prestataire revient
    Étant donné que le prestataire d'e-mail est en panne pour "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors l'e-mail d'alerte de "Camille" attend dans la file de la plateforme
    Quand le prestataire d'e-mail revient pour "Camille"
    Alors "Camille" reçoit un e-mail d'alerte envoyé au nom de "Hexaline Maison", depuis "maison@hexaline.example"

  Scénario: Prestataire en erreur pour deux envois : la plateforme réessaie et l'alerte arrive
    Étant donné que le prestataire d'e-mail répond en erreur pour les 2 prochaines demandes de "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit quand même l'e-mail d'alerte, à la 3e tentative de la plateforme

  Scénario: Prestataire lent : l'e-mail arrive une seule fois
    Étant donné que le prestataire d'e-mail met 1 seconde à répondre pour "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit l'e-mail d'alerte une seule fois

  Scénario: Réponse illisible du prestataire : l'e-mail n'est pas envoyé deux fois
    Étant donné que le prestataire d'e-mail répond de façon illisible pour "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit l'e-mail d'alerte une seule fois
