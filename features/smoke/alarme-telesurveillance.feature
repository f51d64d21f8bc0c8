# language: fr
@smoke @v9 @smoke-alarme
Fonctionnalité: Une alarme parvient au centre de télésurveillance après le redémarrage
  Après le redémarrage, une alarme d'un client télésurveillé doit parvenir au
  centre de télésurveillance, et la plateforme doit enregistrer que le centre
  l'a prise en charge. En production, c'est la caméra désignée d'un compte de
  test de la marque, connu du centre comme compte de test ; on ne voit du
  centre que ce que la plateforme en dit. En local, le scénario crée son compte
  de test (la première offre télésurveillée de la marque déjà vendue en V9) et
  vérifie aussi ce que le centre a reçu.

  Scénario: L'alarme d'une caméra télésurveillée est prise en charge par le centre de télésurveillance
    Étant donné une caméra télésurveillée d'un compte de test de la marque "Sécurimax Connect"
    Quand la caméra télésurveillée signale une tentative de sabotage
    Alors la plateforme indique que le centre de télésurveillance a pris en charge l'alarme
