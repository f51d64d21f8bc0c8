# language: fr
@appareils @conformite-dc09
Fonctionnalité: Le centre de réception V10 respecte la norme SIA DC-09, trame par trame
  Les centrales d'alarme transmettent au centre de réception de la V10 selon
  la norme SIA DC-09 (ANSI/SIA DC-09-2013). Chaque trame reçoit sa réponse :
  ACK quand le centre l'a comprise et enregistrée, NAK avec l'heure du centre
  quand l'heure de la centrale sort de la fenêtre admise (40 secondes de retard,
  20 secondes d'avance), DUH quand le centre ne peut pas la traiter, et aucune
  réponse à une trame abîmée, que la centrale renvoie. Les centrales datent
  leurs messages à la seconde. Chaque cas est vérifié sur une liaison
  permanente (TCP) et par datagrammes (UDP). Un client d'avant la migration qui
  ajoute une centrale à son compte migré (la V9 n'en avait pas) est servi de
  même : une réponse par trame, chaque alarme enregistrée une fois dans son
  historique, son compte repris dans chaque acquittement.

  Contexte:
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Habitat Total 2022"

  Plan du scénario: Une trame au CRC faux reste sans réponse, la centrale la renvoie et elle est enregistrée une fois (<liaison>)
    Étant donné "Camille" installe une centrale "Centrale C1" qui transmet en <liaison>
    Et la prochaine trame de la centrale de "Camille" part avec un CRC faux
    Quand la centrale de "Camille" signale "une intrusion"
    Alors le centre répond à la centrale de "Camille" dans cet ordre : "0001 sans réponse, 0001 ACK"
    Et "une intrusion" apparaît dans l'historique de "Camille"

    Exemples:
      | liaison |
      | TCP     |
      | UDP     |

  Plan du scénario: Une trame perdue en route est renvoyée avec le même numéro de séquence (<liaison>)
    Étant donné "Camille" installe une centrale "Centrale C1" qui transmet en <liaison>
    Et la prochaine trame de la centrale de "Camille" se perd sur le réseau
    Quand la centrale de "Camille" signale "un incendie"
    Alors le centre répond à la centrale de "Camille" dans cet ordre : "0001 sans réponse, 0001 ACK"
    Et "un incendie" apparaît dans l'historique de "Camille"

    Exemples:
      | liaison |
      | TCP     |
      | UDP     |

  Plan du scénario: Après le numéro de séquence 9999, la centrale repart à 0001 et le centre acquitte les deux (<liaison>)
    Étant donné "Camille" installe une centrale "Centrale C1" qui transmet en <liaison>
    Et la centrale de "Camille" en est au numéro de séquence 9999
    Quand la centrale de "Camille" signale "une intrusion"
    Et la centrale de "Camille" signale "un incendie"
    Alors le centre répond à la centrale de "Camille" dans cet ordre : "9999 ACK, 0001 ACK"
    Et "une intrusion" apparaît dans l'historique de "Camille"
    Et "un incendie" apparaît dans l'historique de "Camille"

    Exemples:
      | liaison |
      | TCP     |
      | UDP     |

  Plan du scénario: Un message reçu deux fois est acquitté deux fois mais enregistré une seule fois (<liaison>)
    Étant donné "Camille" installe une centrale "Centrale C1" qui transmet en <liaison>
    Quand la centrale de "Camille" signale "un sabotage"
    Et la centrale de "Camille" renvoie ce message à l'identique, comme si l'acquittement s'était perdu
    Alors le centre répond à la centrale de "Camille" dans cet ordre : "0001 ACK, 0001 ACK"
    Et "un sabotage" apparaît dans l'historique de "Camille"

    Exemples:
      | liaison |
      | TCP     |
      | UDP     |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, qui ajoutent une centrale à leur compte migré
      | liaison |
      | TCP     |
      | UDP     |

  Plan du scénario: Une centrale dont l'horloge <sens> de <secondes> secondes est <verdict> (<liaison>)
    Étant donné "Camille" installe une centrale "Centrale C1" qui transmet en <liaison>
    Et l'horloge de la centrale de "Camille" <sens> de <secondes> secondes
    Quand la centrale de "Camille" signale "une intrusion"
    Alors le centre répond à la centrale de "Camille" dans cet ordre : "<réponses>"
    Et "une intrusion" apparaît dans l'historique de "Camille"

    Exemples:
      | sens    | secondes | verdict                                       | réponses           | liaison |
      | retarde | 38       | acceptée                                      | 0001 ACK           | TCP     |
      | retarde | 41       | refusée (NAK), la centrale se remet à l'heure | 0001 NAK, 0001 ACK | TCP     |
      | avance  | 20       | acceptée                                      | 0001 ACK           | TCP     |
      | avance  | 22       | refusée (NAK), la centrale se remet à l'heure | 0001 NAK, 0001 ACK | TCP     |
      | retarde | 38       | acceptée                                      | 0001 ACK           | UDP     |
      | retarde | 41       | refusée (NAK), la centrale se remet à l'heure | 0001 NAK, 0001 ACK | UDP     |
      | avance  | 20       | acceptée                                      | 0001 ACK           | UDP     |
      | avance  | 22       | refusée (NAK), la centrale se remet à l'heure | 0001 NAK, 0001 ACK | UDP     |

  Plan du scénario: Un code que le centre ne connaît pas reçoit DUH, la centrale ne le renvoie pas et rien n'est enregistré (<liaison>)
    Étant donné "Camille" installe une centrale "Centrale C1" qui transmet en <liaison>
    Quand la centrale de "Camille" signale un code que le centre ne connaît pas
    Alors le centre répond à la centrale de "Camille" dans cet ordre : "0001 DUH"
    Et aucun événement de la centrale de "Camille" n'apparaît dans son historique

    Exemples:
      | liaison |
      | TCP     |
      | UDP     |

  Plan du scénario: Une centrale qu'aucun client n'a déclarée reçoit DUH, à son test de liaison comme à ses alarmes (<liaison>)
    Étant donné "Camille" branche une centrale "Centrale C1" sans la déclarer, qui transmet en <liaison>
    Quand la centrale de "Camille" fait son test de liaison
    Et la centrale de "Camille" signale "une intrusion"
    Alors le centre répond à la centrale de "Camille" dans cet ordre : "0001 DUH, 0002 DUH"

    Exemples:
      | liaison |
      | TCP     |
      | UDP     |

  Plan du scénario: Un compte de <chiffres> chiffres, le récepteur <récepteur> et la ligne <ligne> sont compris et repris dans l'acquittement (<liaison>)
    Étant donné "Camille" installe une centrale "Centrale C1" au compte de <chiffres> chiffres, récepteur "<récepteur>" et ligne "<ligne>", qui transmet en <liaison>
    Quand la centrale de "Camille" signale "une intrusion"
    Alors le centre répond à la centrale de "Camille" dans cet ordre : "0001 ACK"
    Et chaque réponse reprend le compte de la centrale de "Camille", le récepteur "<récepteur>" et la ligne "<ligne>"
    Et "une intrusion" apparaît dans l'historique de "Camille"

    Exemples:
      | chiffres | récepteur | ligne  | liaison |
      | 3        | 1         | 0      | TCP     |
      | 16       | FFFFFF    | FFFFFF | TCP     |
      | 3        | 1         | 0      | UDP     |
      | 16       | FFFFFF    | FFFFFF | UDP     |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, qui ajoutent une centrale à leur compte migré
      | chiffres | récepteur | ligne  | liaison |
      | 3        | 1         | 0      | TCP     |
      | 16       | FFFFFF    | FFFFFF | UDP     |

  Plan du scénario: Une centrale chiffrée en AES-<bits> est comprise et reçoit un acquittement chiffré (<liaison>)
    Étant donné "Camille" installe une centrale "Centrale C2 Chiffrée" chiffrée en AES-<bits> qui transmet en <liaison>
    Quand la centrale de "Camille" signale "une intrusion"
    Alors le centre répond à la centrale de "Camille" dans cet ordre : "0001 *ACK"
    Et "une intrusion" apparaît dans l'historique de "Camille"

    Exemples:
      | bits | liaison |
      | 128  | TCP     |
      | 192  | TCP     |
      | 256  | TCP     |
      | 128  | UDP     |
      | 192  | UDP     |
      | 256  | UDP     |

  Plan du scénario: Le test périodique d'une centrale <centrale> la montre en ligne sans rien ajouter à l'historique (<liaison>)
    Étant donné "Camille" installe une centrale "<centrale>" qui transmet en <liaison>
    Quand la centrale de "Camille" signale "son test périodique"
    Alors le centre répond à la centrale de "Camille" dans cet ordre : "<réponse>"
    Et la centrale de "Camille" est vue en ligne dans ses appareils
    Et aucun événement de la centrale de "Camille" n'apparaît dans son historique

    Exemples:
      | centrale             | réponse   | liaison |
      | Centrale C1          | 0001 ACK  | TCP     |
      | Centrale C2 Chiffrée | 0001 *ACK | UDP     |

  Plan du scénario: La fin d'une intrusion signalée par une centrale <centrale> arrive dans l'historique (<liaison>)
    Étant donné "Camille" installe une centrale "<centrale>" qui transmet en <liaison>
    Quand la centrale de "Camille" signale "une intrusion"
    Et la centrale de "Camille" signale "la fin de l'intrusion"
    Alors le centre répond à la centrale de "Camille" dans cet ordre : "<réponses>"
    Et "une intrusion" apparaît dans l'historique de "Camille"
    Et "la fin de l'intrusion" apparaît dans l'historique de "Camille"

    Exemples:
      | centrale             | réponses             | liaison |
      | Centrale C1          | 0001 ACK, 0002 ACK   | TCP     |
      | Centrale C2 Chiffrée | 0001 *ACK, 0002 *ACK | UDP     |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, qui ajoutent une centrale à leur compte migré
      | centrale             | réponses             | liaison |
      | Centrale C1          | 0001 ACK, 0002 ACK   | TCP     |
      | Centrale C2 Chiffrée | 0001 *ACK, 0002 *ACK | UDP     |

  Plan du scénario: Plusieurs événements dans un seul message, avec l'heure, l'utilisateur et la position, sont tous enregistrés (<liaison>)
    Étant donné "Camille" installe une centrale "Centrale C1" qui transmet en <liaison>
    Quand la centrale de "Camille" signale en un seul message, avec sa position et son adresse MAC :
      | événement          | zone | heure | utilisateur |
      | sa mise à l'arrêt  | 1    | 07:45 | 4           |
      | une intrusion      | 3    |       |             |
      | un incendie        | 5    |       |             |
    Alors le centre répond à la centrale de "Camille" dans cet ordre : "0001 ACK"
    Et "sa mise à l'arrêt" apparaît dans l'historique de "Camille"
    Et "une intrusion" apparaît dans l'historique de "Camille"
    Et "un incendie" apparaît dans l'historique de "Camille"

    Exemples:
      | liaison |
      | TCP     |
      | UDP     |
