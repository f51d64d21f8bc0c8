# language: fr
@smoke @v9 @smoke-appareils
Fonctionnalité: Une caméra de chaque génération se connecte après le redémarrage
  Les caméras vendues depuis 2011 parlent quatre protocoles différents. Après le
  redémarrage, une caméra de chaque génération doit se connecter et la
  plateforme doit la voir en ligne. En production, seules les caméras désignées
  des comptes de test se connectent (fichier des comptes de test) ; en local,
  le scénario crée son compte de test (Veilis, Essentiel 2019) et sa caméra, du
  premier modèle de la génération au catalogue.

  Plan du scénario: Une caméra <génération> se connecte et la plateforme la voit en ligne
    Étant donné une caméra de la génération "<génération>" d'un compte de test
    Quand la caméra du compte de test se connecte à la plateforme
    Alors la plateforme voit la caméra du compte de test en ligne

    # catalogue: générations
    Exemples:
      | génération                 |
      | HTTP push (multipart JPEG) |
      | HTTPS/JSON                 |
      | MQTT 3.1.1                 |
      | MQTT 5                     |
