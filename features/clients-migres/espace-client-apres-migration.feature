# language: fr
@clients-migres
Fonctionnalité: Les clients migrés retrouvent dans l'espace client de leur marque leur historique, dans l'ordre
  Après la migration, un client d'avant la migration se connecte à l'espace client
  de sa marque avec le mot de passe qu'il avait : il y voit sa marque, et rien
  d'une autre, et la chronologie de ses évènements telle qu'il la voyait en V9,
  du plus récent au plus ancien. Un client désigné par marque.
  Les exemples suivent le catalogue : npm run sync les régénère.

  @chronologie
  Plan du Scénario: Le client migré de <marque> retrouve sa marque et sa chronologie dans son espace client
    Étant donné "Claude", client migré de la marque "<marque>" qui avait l'offre "<offre>"
    Quand "Claude" se connecte à l'espace client de sa marque
    Alors l'espace client montre le nom, le logo, les couleurs et le téléphone de "<marque>", et rien d'une autre marque
    Et la chronologie de l'espace client de "Claude" montre ses évènements d'avant la migration, du plus récent au plus ancien

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
