# language: fr
@appareils @cameras
Fonctionnalité: Chaque modèle de caméra du catalogue fonctionne avec la plateforme
  Les caméras vendues depuis 2011 sont toujours chez les clients : les premières
  envoient des photos en HTTP et n'ont pas d'horloge synchronisée, les plus
  récentes analysent elles-mêmes l'image. Chacune, quelle que soit sa génération,
  doit se mettre en service, remonter ses détections jusqu'à l'espace client, ne
  rien perdre quand sa connexion tombe, être datée juste malgré son horloge et
  montrer ses images en direct.

  Contexte:
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Essentiel 2019"

  Plan du scénario: Une caméra <modèle> se met en service
    Quand "Camille" installe une caméra "<modèle>"
    Alors la caméra de "Camille" apparaît en ligne dans ses appareils

    # catalogue: modèles-caméra
    Exemples:
      | modèle                | génération                 |
      | Orion HD              | HTTP push (multipart JPEG) |
      | Orion IR              | HTTP push (multipart JPEG) |
      | Sentinelle Extérieure | HTTP push (multipart JPEG) |
      | Lynx                  | HTTPS/JSON                 |
      | Lynx HD               | HTTPS/JSON                 |
      | Panorama              | HTTPS/JSON                 |
      | Sentinelle 2          | HTTPS/JSON                 |
      | Vigie                 | MQTT 3.1.1                 |
      | Vigie 360             | MQTT 3.1.1                 |
      | Sentinelle 3          | MQTT 3.1.1                 |
      | Judas Connecté        | MQTT 3.1.1                 |
      | Vigie 4K              | MQTT 5                     |
      | Sentinelle Solaire    | MQTT 5                     |
      | Mini Dôme             | MQTT 5                     |
      | Panorama 2            | MQTT 5                     |
      | Judas 2               | MQTT 5                     |

    @clients-migres @local-only
    # catalogue: clients-migrés:modèles-caméra
    Exemples: clients d'avant la migration, sur leur compte migré
      | modèle   | génération                 |
      | Orion HD | HTTP push (multipart JPEG) |
      | Judas 2  | MQTT 5                     |

  Plan du scénario: Un mouvement vu par une caméra <modèle> arrive dans l'espace client
    Étant donné "Camille" installe une caméra "<modèle>"
    Quand la caméra de "Camille" détecte un mouvement
    Alors l'évènement apparaît dans la chronologie de l'espace client de "Camille"

    # catalogue: modèles-caméra
    Exemples:
      | modèle                | génération                 |
      | Orion HD              | HTTP push (multipart JPEG) |
      | Orion IR              | HTTP push (multipart JPEG) |
      | Sentinelle Extérieure | HTTP push (multipart JPEG) |
      | Lynx                  | HTTPS/JSON                 |
      | Lynx HD               | HTTPS/JSON                 |
      | Panorama              | HTTPS/JSON                 |
      | Sentinelle 2          | HTTPS/JSON                 |
      | Vigie                 | MQTT 3.1.1                 |
      | Vigie 360             | MQTT 3.1.1                 |
      | Sentinelle 3          | MQTT 3.1.1                 |
      | Judas Connecté        | MQTT 3.1.1                 |
      | Vigie 4K              | MQTT 5                     |
      | Sentinelle Solaire    | MQTT 5                     |
      | Mini Dôme             | MQTT 5                     |
      | Panorama 2            | MQTT 5                     |
      | Judas 2               | MQTT 5                     |

    @clients-migres @local-only
    # catalogue: clients-migrés:modèles-caméra
    Exemples: clients d'avant la migration, sur leur compte migré
      | modèle   | génération                 |
      | Orion HD | HTTP push (multipart JPEG) |
      | Judas 2  | MQTT 5                     |

  Plan du scénario: Une caméra <modèle> qui renvoie une détection dont l'accusé de réception s'est perdu n'alerte qu'une fois
    Étant donné "Camille" installe une caméra "<modèle>"
    Quand la caméra de "Camille" détecte un mouvement
    Et la caméra de "Camille" renvoie cette détection, comme si l'accusé de réception s'était perdu
    Alors l'historique de "Camille" montre exactement 1 mouvement de sa caméra, du plus récent au plus ancien
    Et "Camille" reçoit exactement un e-mail

    Exemples:
      | modèle    | génération                 |
      | Orion HD  | HTTP push (multipart JPEG) |
      | Lynx      | HTTPS/JSON                 |
      | Vigie 360 | MQTT 3.1.1                 |
      | Vigie 4K  | MQTT 5                     |

  Plan du scénario: Une caméra <modèle> qui perd sa connexion ne perd aucun évènement
    Étant donné "Camille" installe une caméra "<modèle>"
    Et la caméra de "Camille" perd sa connexion
    Quand la caméra de "Camille" détecte 3 mouvements
    Et la caméra de "Camille" retrouve sa connexion
    Alors les 3 mouvements apparaissent dans l'historique de "Camille"

    # catalogue: modèles-caméra
    Exemples:
      | modèle                | génération                 |
      | Orion HD              | HTTP push (multipart JPEG) |
      | Orion IR              | HTTP push (multipart JPEG) |
      | Sentinelle Extérieure | HTTP push (multipart JPEG) |
      | Lynx                  | HTTPS/JSON                 |
      | Lynx HD               | HTTPS/JSON                 |
      | Panorama              | HTTPS/JSON                 |
      | Sentinelle 2          | HTTPS/JSON                 |
      | Vigie                 | MQTT 3.1.1                 |
      | Vigie 360             | MQTT 3.1.1                 |
      | Sentinelle 3          | MQTT 3.1.1                 |
      | Judas Connecté        | MQTT 3.1.1                 |
      | Vigie 4K              | MQTT 5                     |
      | Sentinelle Solaire    | MQTT 5                     |
      | Mini Dôme             | MQTT 5                     |
      | Panorama 2            | MQTT 5                     |
      | Judas 2               | MQTT 5                     |

    @clients-migres @local-only
    # catalogue: clients-migrés:modèles-caméra
    Exemples: clients d'avant la migration, sur leur compte migré
      | modèle   | génération                 |
      | Orion HD | HTTP push (multipart JPEG) |
      | Judas 2  | MQTT 5                     |

  Plan du scénario: L'horloge déréglée d'une caméra <modèle> ne fausse pas l'heure des évènements
    Étant donné "Camille" installe une caméra "<modèle>"
    Et l'horloge de la caméra de "Camille" retarde de 2 heures
    Quand la caméra de "Camille" détecte un mouvement
    Alors le mouvement est daté de l'heure réelle dans l'historique de "Camille"

    # catalogue: modèles-caméra
    Exemples:
      | modèle                | génération                 |
      | Orion HD              | HTTP push (multipart JPEG) |
      | Orion IR              | HTTP push (multipart JPEG) |
      | Sentinelle Extérieure | HTTP push (multipart JPEG) |
      | Lynx                  | HTTPS/JSON                 |
      | Lynx HD               | HTTPS/JSON                 |
      | Panorama              | HTTPS/JSON                 |
      | Sentinelle 2          | HTTPS/JSON                 |
      | Vigie                 | MQTT 3.1.1                 |
      | Vigie 360             | MQTT 3.1.1                 |
      | Sentinelle 3          | MQTT 3.1.1                 |
      | Judas Connecté        | MQTT 3.1.1                 |
      | Vigie 4K              | MQTT 5                     |
      | Sentinelle Solaire    | MQTT 5                     |
      | Mini Dôme             | MQTT 5                     |
      | Panorama 2            | MQTT 5                     |
      | Judas 2               | MQTT 5                     |

    @clients-migres @local-only
    # catalogue: clients-migrés:modèles-caméra
    Exemples: clients d'avant la migration, sur leur compte migré
      | modèle   | génération                 |
      | Orion HD | HTTP push (multipart JPEG) |
      | Judas 2  | MQTT 5                     |

  Plan du scénario: La vue en direct d'une caméra <modèle> montre ses images
    Étant donné "Camille" installe une caméra "<modèle>"
    Alors la vue en direct de la caméra de "Camille" montre ses images

    # catalogue: modèles-caméra
    Exemples:
      | modèle                | génération                 |
      | Orion HD              | HTTP push (multipart JPEG) |
      | Orion IR              | HTTP push (multipart JPEG) |
      | Sentinelle Extérieure | HTTP push (multipart JPEG) |
      | Lynx                  | HTTPS/JSON                 |
      | Lynx HD               | HTTPS/JSON                 |
      | Panorama              | HTTPS/JSON                 |
      | Sentinelle 2          | HTTPS/JSON                 |
      | Vigie                 | MQTT 3.1.1                 |
      | Vigie 360             | MQTT 3.1.1                 |
      | Sentinelle 3          | MQTT 3.1.1                 |
      | Judas Connecté        | MQTT 3.1.1                 |
      | Vigie 4K              | MQTT 5                     |
      | Sentinelle Solaire    | MQTT 5                     |
      | Mini Dôme             | MQTT 5                     |
      | Panorama 2            | MQTT 5                     |
      | Judas 2               | MQTT 5                     |

    @clients-migres @local-only
    # catalogue: clients-migrés:modèles-caméra
    Exemples: clients d'avant la migration, sur leur compte migré
      | modèle   | génération                 |
      | Orion HD | HTTP push (multipart JPEG) |
      | Judas 2  | MQTT 5                     |

  @juge-mutation
  Scénario: Une caméra HTTP push dont l'envoi d'une photo est coupé net est refusée, et la plateforme continue de servir
    Étant donné "Camille" installe une caméra "Orion HD"
    Quand la caméra de "Camille" envoie une photo coupée avant la fin, que la plateforme refuse comme mal formée
    Alors chaque instance de la plateforme répond sur la version attendue
    Et la caméra de "Camille" détecte un mouvement
    Et le mouvement apparaît dans l'historique de "Camille"

  @juge-mutation
  Scénario: Une caméra HTTP push dont les détections portent une heure illisible est refusée (400) et rien n'apparaît dans l'historique
    Étant donné "Camille" installe une caméra "Orion HD"
    Quand la caméra de "Camille" envoie des détections à l'heure illisible, que la plateforme refuse (400)
    Alors rien de la caméra de "Camille" n'apparaît dans son historique

  @juge-mutation
  Scénario: Une détection HTTPS/JSON sous un jeton falsifié est refusée (401) et rien n'apparaît dans l'historique
    Étant donné "Camille" installe une caméra "Lynx"
    Quand la caméra de "Camille" envoie une détection sous un jeton falsifié, que la plateforme refuse (401)
    Alors rien de la caméra de "Camille" n'apparaît dans son historique

  @juge-mutation
  Scénario: Une caméra qui annonce une vue en direct qui n'est pas une adresse web n'est pas retenue, sa vraie vue reste visible
    Étant donné "Camille" installe une caméra "Vigie 360"
    Quand la caméra de "Camille" annonce une vue en direct à l'adresse "javascript:alert(document.cookie)"
    Alors la vue en direct de la caméra de "Camille" montre ses images

  @juge-mutation
  Scénario: Une caméra HTTPS/JSON qui envoie une détection sans identifiant est refusée (400) et rien n'apparaît dans l'historique
    Étant donné "Camille" installe une caméra "Lynx"
    Quand la caméra de "Camille" envoie une détection sans identifiant, que la plateforme refuse (400)
    Alors rien de la caméra de "Camille" n'apparaît dans son historique

  @juge-mutation
  Scénario: Une caméra MQTT 5 qui se reconnecte alors que son ancienne connexion est encore ouverte reprend sa session
    Étant donné "Camille" branche une caméra "Vigie 4K" qui se tait dès sa connexion, avec un keep-alive de 60 secondes
    Quand la caméra muette de "Camille" se reconnecte alors que son ancienne connexion est encore ouverte
    Alors la plateforme ferme l'ancienne connexion de la caméra muette de "Camille" en signalant la reprise de sa session

  @juge-mutation
  Scénario: Une caméra MQTT 5 qui signale sa présence dans son keep-alive reste connectée bien au-delà
    Étant donné "Camille" branche une caméra "Vigie 4K" qui se tait dès sa connexion, avec un keep-alive de 2 secondes
    Quand la caméra muette de "Camille" signale sa présence chaque seconde pendant 7 secondes
    Alors la plateforme garde ouverte la connexion de la caméra muette de "Camille"

  @juge-mutation
  Scénario: Une caméra MQTT 5 muette juste après sa connexion est déconnectée au bout de son keep-alive et apparaît hors ligne
    Étant donné "Camille" branche une caméra "Vigie 4K" qui se tait dès sa connexion, avec un keep-alive de 2 secondes
    Alors la caméra muette de "Camille" apparaît en ligne dans ses appareils
    Et la plateforme coupe la connexion de la caméra muette de "Camille" pour keep-alive dépassé, entre 2 et 5 secondes après sa connexion
    Et la caméra muette de "Camille" apparaît hors ligne dans ses appareils

  @juge-mutation
  Scénario: Une caméra MQTT 5 qui perd sa connexion sans prévenir apparaît hors ligne tant qu'elle est partie, puis de nouveau en ligne
    Étant donné "Camille" installe une caméra "Vigie 4K"
    Quand la caméra de "Camille" perd sa connexion
    Alors la caméra de "Camille" apparaît hors ligne dans ses appareils
    Quand la caméra de "Camille" retrouve sa connexion
    Alors la plateforme a gardé la session MQTT 5 de la caméra de "Camille" pendant son absence
    Et la caméra de "Camille" apparaît en ligne dans ses appareils
