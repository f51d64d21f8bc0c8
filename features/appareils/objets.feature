# language: fr
@appareils @objets
Fonctionnalité: Chaque modèle d'objet connecté fonctionne avec la plateforme V10
  Les objets connectés arrivent avec la V10 : contacts de porte, détecteurs,
  boutons panique du maintien à domicile. Chacun doit se mettre en service,
  faire remonter ses déclenchements, ne rien perdre quand sa connexion tombe
  et être daté juste même quand son horloge dérive.

  Contexte:
    Étant donné un client "Alix" de la marque "Veilis" avec l'offre "Maison Connectée 2022"

  Plan du scénario: Un objet <objet> se met en service
    Quand "Alix" installe l'objet "<objet>"
    Alors l'objet de "Alix" apparaît en ligne dans ses appareils

    Exemples:
      | objet |
      | Contact de porte DC1 |
      | Détecteur de fumée DF2 |
      | Bouton panique BP1 |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | objet                |
      | Contact de porte DC1 |
      | Bouton panique BP1   |

  Plan du scénario: Le déclenchement d'un objet <objet> arrive chez le client
    Étant donné "Alix" installe l'objet "<objet>"
    Quand l'objet de "Alix" se déclenche
    Alors le déclenchement apparaît dans l'historique de "Alix"

    Exemples:
      | objet |
      | Contact de porte DC1 |
      | Détecteur de fumée DF2 |
      | Bouton panique BP1 |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | objet                |
      | Contact de porte DC1 |
      | Bouton panique BP1   |

  Plan du scénario: Un objet <objet> qui perd sa connexion ne perd aucun déclenchement
    Étant donné "Alix" installe l'objet "<objet>"
    Et l'objet de "Alix" perd sa connexion
    Quand l'objet de "Alix" se déclenche 3 fois
    Et l'objet de "Alix" retrouve sa connexion
    Alors les 3 déclenchements apparaissent dans l'historique de "Alix"

    Exemples:
      | objet |
      | Contact de porte DC1 |
      | Détecteur de fumée DF2 |
      | Bouton panique BP1 |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | objet                |
      | Contact de porte DC1 |
      | Bouton panique BP1   |

  Plan du scénario: L'horloge déréglée d'un objet <objet> ne fausse pas l'heure des déclenchements
    Étant donné "Alix" installe l'objet "<objet>"
    Et l'horloge de l'objet de "Alix" retarde de 2 heures
    Quand l'objet de "Alix" se déclenche
    Alors le déclenchement est daté de l'heure réelle dans l'historique de "Alix"

    Exemples:
      | objet |
      | Contact de porte DC1 |
      | Détecteur de fumée DF2 |
      | Bouton panique BP1 |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | objet                |
      | Contact de porte DC1 |
      | Bouton panique BP1   |

  Scénario: Le capteur du maintien à domicile signale une inactivité prolongée
    Étant donné "Alix" installe l'objet "Bouton panique BP1"
    Quand l'objet de "Alix" signale une inactivité
    Alors l'inactivité apparaît dans l'historique de "Alix"
