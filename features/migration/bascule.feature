# language: fr
@bascule @local-only
Fonctionnalité: Les appareils des clients traversent la bascule de la V9 à la V10
  Pendant la fenêtre de maintenance, les caméras des clients ne s'arrêtent
  pas : elles se connectent, se déconnectent, détectent des mouvements et
  lèvent des alarmes alors qu'aucune instance de la plateforme ne les écoute.
  Le courtier garde ce qu'elles envoient pour la plateforme. Une fois la V10
  en place et la maintenance levée, chaque appareil doit apparaître dans son
  état réel, chaque événement de la fenêtre une seule fois, dans l'ordre, à
  son heure d'origine, et chaque alarme doit arriver une seule fois au centre
  de télésurveillance.
  Ce scénario vérifie la cohorte que le plan de certification installe avant
  la maintenance (étapes cutover-start et cutover-window) : il ne se joue que
  dans la phase de migration du plan.

  Scénario: Ce que les appareils ont fait pendant la fenêtre de maintenance arrive une seule fois, dans l'ordre, à son heure
    Étant donné les appareils de la cohorte de bascule, installés sur la V9 avant la maintenance
    Alors chaque appareil de la cohorte apparaît dans son état réel, connecté ou déconnecté
    Et chaque événement envoyé pendant la fenêtre apparaît une seule fois, dans l'ordre, à son heure d'origine
    Et le centre de télésurveillance reçoit chaque alarme de la fenêtre une seule fois
