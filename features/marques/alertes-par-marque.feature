# language: fr
@v9 @marques
Fonctionnalité: Chaque marque blanche alerte ses clients en son nom
  Pour chaque marque blanche, un client d'une offre que vend son partenaire
  voit l'évènement de sa caméra dans l'espace client de sa marque, et reçoit
  les alertes SMS que prévoit son offre, envoyées au nom de sa marque.
  Les exemples suivent le catalogue : npm run sync les régénère.

  Plan du Scénario: Un client de <marque> avec l'offre <offre> est alerté au nom de sa marque
    Étant donné un client "Alex" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Alex"
    Quand la caméra de "Alex" détecte un mouvement
    Alors l'évènement apparaît dans la chronologie de l'espace client de "Alex"
    Et "Alex" reçoit les alertes SMS que prévoit son offre

    # catalogue: marques
    Exemples:
      | marque             | offre               |
      | Veilis             | Sérénité 2011       |
      | Veilis Pro         | Sérénité 2011       |
      | Assur Plus Protect | Habitat Assuré 2013 |
      | Habitat Serein     | Habitat Assuré 2013 |
      | Hexaline Maison    | Box Sécurité 2016   |
      | Box Vigilance      | Box Sécurité 2016   |
      | Sécurimax Connect  | Vigilance 2015      |
      | Alpes Sécurité     | Vigilance 2015      |
      | Maisonéo Cam       | Découverte 2014     |
      | Présence Veilleurs | Senior 2018         |
