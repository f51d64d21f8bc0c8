# language: fr
@modules @panne @module-email
Fonctionnalité: La plateforme face à un prestataire d'e-mail défaillant
  Les e-mails d'alerte passent par une file d'attente : quand le prestataire
  d'e-mail est en panne ou répond en erreur, l'e-mail y attend et la
  plateforme le retente jusqu'à ce qu'il soit accepté ; une réponse lente ou
  illisible vaut acceptation, sans second envoi. Chaque panne ne touche que
  les e-mails du client du scénario. Un client d'avant la migration, sur son
  compte migré, est alerté de même : une seule fois, au nom de sa marque.

  Plan du scénario: Prestataire en panne : l'e-mail d'un client de <marque> attend dans la file, puis part une seule fois quand le prestataire revient
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que le prestataire d'e-mail est en panne pour "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors l'e-mail d'alerte de "Camille" attend dans la file de la plateforme
    Quand le prestataire d'e-mail revient pour "Camille"
    Alors "Camille" reçoit un e-mail d'alerte envoyé au nom de "<marque>", depuis "<adresse>"
    Et "Camille" reçoit l'e-mail d'alerte une seule fois

    Exemples:
      | marque          | offre          | adresse                 |
      | Hexaline Maison | Essentiel 2019 | maison@hexaline.example |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque         | offre              | adresse                        |
      | Veilis Pro     | Sérénité Plus 2012 | pro@veilis.example             |
      | Alpes Sécurité | Vigilance 2015     | alertes@alpes-securite.example |
      | Box Vigilance  | Essentiel 2019     | vigilance@hexabox.example      |

  Plan du scénario: Prestataire en erreur pour deux envois : la plateforme réessaie et l'alerte d'un client de <marque> arrive une seule fois
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que le prestataire d'e-mail répond en erreur pour les 2 prochaines demandes de "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit quand même l'e-mail d'alerte, à la 3e tentative de la plateforme
    Et "Camille" reçoit un e-mail d'alerte envoyé au nom de "<marque>", depuis "<adresse>"
    Et "Camille" reçoit l'e-mail d'alerte une seule fois

    Exemples:
      | marque          | offre          | adresse                 |
      | Hexaline Maison | Essentiel 2019 | maison@hexaline.example |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque         | offre              | adresse                        |
      | Veilis Pro     | Sérénité Plus 2012 | pro@veilis.example             |
      | Alpes Sécurité | Vigilance 2015     | alertes@alpes-securite.example |
      | Box Vigilance  | Essentiel 2019     | vigilance@hexabox.example      |

  Scénario: Prestataire lent : l'e-mail arrive une seule fois
    Étant donné un client "Camille" de la marque "Hexaline Maison" avec l'offre "Essentiel 2019"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que le prestataire d'e-mail met 1 seconde à répondre pour "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit l'e-mail d'alerte une seule fois

  Scénario: Réponse illisible du prestataire : l'e-mail n'est pas envoyé deux fois
    Étant donné un client "Camille" de la marque "Hexaline Maison" avec l'offre "Essentiel 2019"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et que le prestataire d'e-mail répond de façon illisible pour "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors "Camille" reçoit l'e-mail d'alerte une seule fois
