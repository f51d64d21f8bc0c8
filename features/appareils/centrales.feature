# language: fr
@appareils @centrales
Fonctionnalité: Chaque modèle de centrale d'alarme fonctionne avec la plateforme V10
  Les centrales d'alarme arrivent avec la V10. Les unes transmettent au centre
  de réception selon la norme SIA DC-09 (liaison IP permanente ou par
  datagrammes, chiffrée ou non), les autres parlent directement à la
  plateforme. Chacune doit se mettre en service, faire remonter ses alarmes
  jusqu'au client et au centre de télésurveillance, ne rien perdre quand sa
  liaison tombe, et être datée juste même quand son horloge dérive.

  Contexte:
    Étant donné un client "Dominique" de la marque "Veilis" avec l'offre "Habitat Total 2022"

  Plan du scénario: Une centrale <centrale> en <liaison> se met en service
    Quand "Dominique" installe une centrale "<centrale>" qui transmet en <liaison>
    Alors la centrale de "Dominique" apparaît en ligne dans ses appareils

    Exemples:
      | centrale | liaison |
      | Centrale C1 | TCP |
      | Centrale C1 | UDP |
      | Centrale C2 Chiffrée | TCP |
      | Centrale C2 Chiffrée | UDP |
      | Centrale C3 Connect | MQTT |
      | Hub Domo H1 | MQTT |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | centrale    | liaison |
      | Centrale C1 | TCP     |
      | Hub Domo H1 | MQTT    |

  Plan du scénario: Une intrusion signalée par une centrale <centrale> en <liaison> arrive chez le client et au centre de télésurveillance
    Étant donné "Dominique" installe une centrale "<centrale>" qui transmet en <liaison>
    Quand la centrale de "Dominique" signale "une intrusion"
    Alors "une intrusion" apparaît dans l'historique de "Dominique"
    Et le centre de télésurveillance reçoit l'alarme de la centrale de "Dominique"

    Exemples:
      | centrale | liaison |
      | Centrale C1 | TCP |
      | Centrale C1 | UDP |
      | Centrale C2 Chiffrée | TCP |
      | Centrale C2 Chiffrée | UDP |
      | Centrale C3 Connect | MQTT |
      | Hub Domo H1 | MQTT |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | centrale    | liaison |
      | Centrale C1 | TCP     |
      | Hub Domo H1 | MQTT    |

  Plan du scénario: Une centrale <centrale> en <liaison> qui perd sa liaison ne perd aucune alarme
    Étant donné "Dominique" installe une centrale "<centrale>" qui transmet en <liaison>
    Et la centrale de "Dominique" perd sa liaison
    Quand la centrale de "Dominique" signale 3 fois "un incendie"
    Et la centrale de "Dominique" retrouve sa liaison
    Alors 3 fois "un incendie" apparaissent dans l'historique de "Dominique"

    Exemples:
      | centrale | liaison |
      | Centrale C1 | TCP |
      | Centrale C1 | UDP |
      | Centrale C2 Chiffrée | TCP |
      | Centrale C2 Chiffrée | UDP |
      | Centrale C3 Connect | MQTT |
      | Hub Domo H1 | MQTT |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | centrale    | liaison |
      | Centrale C1 | TCP     |
      | Hub Domo H1 | MQTT    |

  Plan du scénario: L'horloge déréglée d'une centrale <centrale> en <liaison> ne fausse pas l'heure des alarmes
    Étant donné "Dominique" installe une centrale "<centrale>" qui transmet en <liaison>
    Et l'horloge de la centrale de "Dominique" retarde de 2 heures
    Quand la centrale de "Dominique" signale "une intrusion"
    Alors "une intrusion" est datée de l'heure réelle dans l'historique de "Dominique"

    Exemples:
      | centrale | liaison |
      | Centrale C1 | TCP |
      | Centrale C1 | UDP |
      | Centrale C2 Chiffrée | TCP |
      | Centrale C2 Chiffrée | UDP |
      | Centrale C3 Connect | MQTT |
      | Hub Domo H1 | MQTT |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | centrale    | liaison |
      | Centrale C1 | TCP     |
      | Hub Domo H1 | MQTT    |

  Plan du scénario: Une centrale <centrale> en <liaison> signale sa mise en service et sa mise à l'arrêt
    Étant donné "Dominique" installe une centrale "<centrale>" qui transmet en <liaison>
    Quand la centrale de "Dominique" signale "sa mise en service"
    Et la centrale de "Dominique" signale "sa mise à l'arrêt"
    Alors "sa mise en service" apparaît dans l'historique de "Dominique"
    Et "sa mise à l'arrêt" apparaît dans l'historique de "Dominique"

    Exemples:
      | centrale | liaison |
      | Centrale C1 | TCP |
      | Centrale C1 | UDP |
      | Centrale C2 Chiffrée | TCP |
      | Centrale C2 Chiffrée | UDP |
      | Centrale C3 Connect | MQTT |
      | Hub Domo H1 | MQTT |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | centrale    | liaison |
      | Centrale C1 | TCP     |
      | Hub Domo H1 | MQTT    |

  @juge-mutation @exclusif
  Scénario: Les compteurs du centre de télésurveillance comptent exactement l'alarme transmise
    Étant donné "Dominique" installe une centrale "Centrale C1" qui transmet en TCP
    Et les compteurs du centre de télésurveillance de l'instance de "Dominique" sont relevés
    Quand la centrale de "Dominique" signale "une intrusion"
    Alors le centre de télésurveillance reçoit l'alarme de la centrale de "Dominique"
    Et l'instance de "Dominique" compte exactement 1 alarme transmise au centre de télésurveillance depuis le relevé, et 0 échec
