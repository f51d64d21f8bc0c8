# language: fr
@bascule @local-only
Fonctionnalité: Les caméras des clients traversent la bascule de la V9 à la V10
  Pendant la fenêtre de maintenance, les caméras des clients ne s'arrêtent
  pas : elles se connectent, se déconnectent, détectent des mouvements et
  lèvent des alarmes alors qu'aucune instance de la plateforme ne les écoute.
  Le courtier garde ce qu'elles envoient pour la plateforme. Une fois la V10
  en place et la maintenance levée, chaque caméra doit apparaître dans son
  état réel, chaque événement de la fenêtre une seule fois, dans l'ordre, à
  son heure d'origine, et l'alarme doit arriver une seule fois au centre de
  télésurveillance quand l'offre le comprend, jamais sinon.
  Ces scénarios vérifient la cohorte que le plan de certification installe
  avant la maintenance, un client par partenaire (étapes cutover-start et
  cutover-window) : ils ne se jouent que dans la phase de migration du plan.

  Plan du scénario: Chez un client <marque>, ce que ses caméras ont fait pendant la fenêtre de maintenance arrive une seule fois, dans l'ordre, à son heure
    Étant donné le client de la marque "<marque>" de la cohorte de bascule, installé sur la V9 avant la maintenance
    Alors chacune de ses caméras apparaît dans son état réel, connectée ou déconnectée
    Et chaque événement envoyé pendant la fenêtre apparaît une seule fois, dans l'ordre, à son heure d'origine
    Et le centre de télésurveillance reçoit exactement <alarmes au centre> fois l'alarme de la fenêtre

    Exemples: un client de chaque partenaire, sur une offre vendue en V9
      | marque             | alarmes au centre |
      | Veilis             | 1                 |
      | Assur Plus Protect | 1                 |
      | Hexaline Maison    | 0                 |
      | Sécurimax Connect  | 1                 |
      | Maisonéo Cam       | 0                 |
      | Présence Veilleurs | 0                 |
